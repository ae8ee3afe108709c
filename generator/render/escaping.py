"""Escaping for the web pages: YAML text into page Markdown, HTML text and attributes, Mermaid labels.

A value is escaped for the syntax it lands in at the moment it is written there; the
plain-text outputs (log lines, workflow commands, JSON, spreadsheet cells, comment Markdown)
have theirs in `generator.render.output_escaping`, next to this module.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from generator.source.texts import BIDI_CONTROLS, LINK_TARGET, is_safe_link

_WHITESPACE = re.compile(r"\s+")


# Control characters show as nothing (browsers even drop some inside a link's scheme) and
# direction controls reorder what a reader sees: none of them belongs on a page.
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def _link_or_text(match: re.Match[str]) -> str:
    """Keep a link to an allowed address; break any other at `](`, so Markdown shows it as text."""
    return match.group(0) if is_safe_link(match.group(1)) else match.group(0).replace("](", "]&#40;", 1)


# What opens a block when a line starts with it: a heading, an admonition (`!!!`), a
# collapsible block (`???`), a tab (`===`), a fence (`~~~`), a definition or a `:::`/`///`
# block, block maths (`$$`), a list or a rule (`-`, `+`, `* `), a task box (`[ ]`) or the
# `[TOC]` marker. `>` and `<` never reach this point unescaped, and backticks and `|` are
# entities or escaped everywhere.
_BLOCK_START = re.compile(r"[#!?=~:/$+\-]|[*_](?=\s|$)|\[(?=[ xX]\]|TOC\]$)")
# `***` and `___` (spaces allowed) are rules; `**bold**` at the start of a value stays bold.
_THEMATIC_BREAK = re.compile(r"\*[* ]*|_[_ ]*")
# `1.` and `1)` start a numbered list, and with pymdownx.fancylists so do `a.`, `B)` and `iv.`
# (Python-Markdown's `\d` takes any Unicode digit, and so does this).
_LIST_NUMBER = re.compile(r"\d+(?=[.)])|[A-Za-z]+(?=[.)](?:\s|$))")


def _entity(char: str) -> str:
    return f"&#{ord(char)};"


def _no_block_start(text: str) -> str:
    """`text` with its first character written as an entity when it could open a block.

    The entity shows as the same character, but no block syntax reads it, wherever the
    value lands: at the start of a paragraph, after a list item's `- ` or in a heading.
    """
    number = _LIST_NUMBER.match(text)
    if number:
        end = number.end()
        return text[:end] + _entity(text[end]) + text[end + 1 :]
    if _BLOCK_START.match(text) or _THEMATIC_BREAK.fullmatch(text):
        return _entity(text[0]) + text[1:]
    return text


def markdown_text(value: Any) -> Markup:
    """A YAML value as inline Markdown that can only ever be text.

    HTML is escaped (shown as text; this also turns `<javascript:…>` autolinks
    and `&#…;` tricks into text), `{` is escaped so no attribute list can attach
    to the element, `|`, `\\` and backticks so nothing can end a table cell or
    open a code span that swallows the cell separators after it, and line breaks
    fold into spaces so a value cannot start a heading, a list or a `--8<--`
    snippet line. A first character that could open a block (`#`, `!!!`, `- `,
    `1.` …) is written as an entity. Links keep working only to http, https,
    mailto and relative addresses; image syntax and reference definitions
    (`[x]: address`) are broken up into text. This holds even when the
    safe-text rules are switched off.
    """
    if isinstance(value, Markup):
        return value
    return _markdown_text_of(str(value))


# A role's title or a step's text is printed on many pages: each distinct value is worked out once.
@lru_cache(maxsize=1 << 16)
def _markdown_text_of(value: str) -> Markup:
    text = str(escape(_HIDDEN.sub("", _WHITESPACE.sub(" ", value)).strip()))
    # First, so the escapes added below cannot be undone by a backslash written in the value.
    text = text.replace("\\", "\\\\")
    text = LINK_TARGET.sub(_link_or_text, text)
    text = text.replace("![", "&#33;[").replace("]:", "]&#58;")
    text = text.replace("{", "&#123;").replace("|", "\\|").replace("`", "&#96;")
    return Markup(_no_block_start(_brackets_outside_links_as_text(text)))


# A link kept by `_link_or_text`: `[text](target)`, with no bracket in its text and no
# parenthesis in its target. Linear: each `](` is reached from one `[` at most.
_KEPT_LINK = re.compile(r"\[[^\[\]]*\]\([^()]*\)")
_BRACKET_ENTITIES = str.maketrans({"[": "&#91;", "]": "&#93;"})


def _brackets_outside_links_as_text(text: str) -> str:
    """Write every `[` and `]` that is not part of a kept link as an entity.

    Python-Markdown looks for the end of a link from every `[` it meets, so a value
    of many brackets takes time that grows with the square of its length (8,000 of
    them: seconds); as entities they are plain text, shown the same.
    """
    if "[" not in text and "]" not in text:
        return text
    parts: list[str] = []
    last = 0
    for link in _KEPT_LINK.finditer(text):
        parts.append(text[last : link.start()].translate(_BRACKET_ENTITIES))
        parts.append(link.group(0))
        last = link.end()
    parts.append(text[last:].translate(_BRACKET_ENTITIES))
    return "".join(parts)


# ASCII letters, digits and spaces are all a Mermaid label needs written as they are:
# every other ASCII character may be syntax somewhere in Mermaid (`%%{init}%%` directives
# are read even inside quoted labels, `:::` adds a class, a backtick starts Markdown).
_MERMAID_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")


def mermaid_label(value: str) -> Markup:
    """Text as a quoted Mermaid label: ASCII punctuation becomes Mermaid's `#code;` entities.

    Mermaid turns the entities back into the characters only when it writes the
    label into the drawing, after it has read the diagram's syntax.
    """
    text = _HIDDEN.sub("", _WHITESPACE.sub(" ", value)).strip()
    label = "".join(char if char in _MERMAID_PLAIN or ord(char) > 0x7F else f"#{ord(char)};" for char in text)
    return Markup(f'"{label}"')


def theme_title(html_text: str) -> str:
    """A title (HTML text, as MkDocs hands titles to the theme) that stays text even when read as HTML twice.

    Material prints titles unescaped in the navigation, the table of contents and
    `<title>`, and its tooltips for titles too long to show whole take the text a
    reader sees and write it into the page as HTML. So every `<` is followed by an
    invisible word joiner (U+2060): the title looks the same, but `<` followed by
    it never starts a tag or a comment, however often the text is read as HTML.
    """
    return str(escape(html.unescape(html_text))).replace("&lt;", "&lt;\u2060")


def html_text(value: str) -> str:
    """A one-line value as a title for the theme (see `theme_title`)."""
    return theme_title(str(escape(_HIDDEN.sub("", _WHITESPACE.sub(" ", value)).strip())))


_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def plain_text(value: Any) -> Markup:
    """A value as inline Markdown shown exactly as written: no emphasis, link, code span or HTML at all.

    For values that are names, never prose (a person's name): every ASCII punctuation
    character is written as an HTML entity, which Markdown shows as the character and never
    reads as syntax (a table cell's `|` included); line breaks fold into spaces.
    """
    text = _HIDDEN.sub("", _WHITESPACE.sub(" ", str(value))).strip()
    return Markup("".join(f"&#{ord(char)};" if char in _ASCII_PUNCTUATION else char for char in text))


def html_value(value: Any) -> Markup:
    """A value as text inside raw HTML that Markdown leaves alone (the RACI matrix, the role's steps table).

    Escaped for HTML text and attributes alike; line breaks fold into spaces, so a value
    can never start a line of the page (and so never a Markdown or snippet line).
    """
    if isinstance(value, Markup):
        return value
    return escape(_HIDDEN.sub("", _WHITESPACE.sub(" ", str(value))).strip())


def anchor(identifier: str) -> Markup:
    """An attribute list giving a heading a stable id (ids are validated slugs)."""
    return Markup(" {#" + str(escape(identifier)) + "}")


# What a message quotes: a catalog writes ids, field names and values between backticks.
_QUOTED = re.compile(r"`([^`\n]+)`")


def message_markdown(message: str) -> Markup:
    """A finding's message as inline Markdown: what it quotes between backticks as code, the rest as text.

    The quoted parts may be values from YAML: each becomes a code span of its own (it
    holds no backtick, so nothing can end it early), and the text around them goes
    through `markdown_text`, keeping the spaces next to the code.
    """
    parts: list[str] = []
    last = 0
    for quoted in _QUOTED.finditer(message):
        parts.append(_text_between(message[last : quoted.start()]))
        parts.append("`" + _HIDDEN.sub("", _WHITESPACE.sub(" ", quoted.group(1))) + "`")
        last = quoted.end()
    parts.append(_text_between(message[last:]))
    return Markup("".join(parts))


def _text_between(text: str) -> str:
    if not text.strip():
        return " " if text else ""
    before = " " if text[0].isspace() else ""
    after = " " if text[-1].isspace() else ""
    return before + str(markdown_text(text)) + after


def rule_doc_markdown(text: str) -> Markup:
    """Our own rule documentation (see generator.rule_docs): Markdown written by us, used as it is."""
    return Markup(text)


def code_block(code: str) -> Markup:
    """Text as an indented Markdown code block, shown exactly as written."""
    return Markup("\n".join(f"    {line}" if line else "" for line in code.splitlines()))
