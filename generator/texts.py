"""The text values of a file, each with where it is written: what the safe-text rules read.

A value is "text" unless its key holds ids or flags (`id`, `owner`, RACI
letters …), so a field added to the format later is checked by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.loading import JsonPath, SourceFile
from generator.messages import Message, msg
from generator.model import Location

# Keys whose values are ids or flags, never shown as prose.
NOT_TEXT = frozenset({"id", "reports_to", "owner", "aliases", "R", "A", "C", "I", "external"})
# Prose that may run over several lines in the YAML: its line breaks fold into spaces on the page.
PARAGRAPH_FIELDS = frozenset({"summary", "details", "explanation"})


# --- Markdown and HTML that a text value must not carry --------------------------------
# Shared by the safe-text rules (which report it) and the renderer (which neutralises it),
# so the two always agree on what counts as a link, an image or an attribute list.

# `[text](target …)`: the target of an inline link or image.
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
# `[label]: target` at the start of a line defines a reference link.
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]*)", re.MULTILINE)
# `<scheme:…>`: an autolink.
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*)>")
IMAGE = re.compile(r"!\[")
# `{: .class}`, `{#id}`, `{.class}`: Markdown attribute lists that restyle the element around them.
ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.][^}\n]*\}?")
# pymdownx.snippets pastes a file into the page at `--8<--` lines.
SNIPPET_MARKER = re.compile(r"-+8<-+")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")
# Characters that reorder displayed text (the "Trojan Source" trick): a reviewer sees another text.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that show as nothing at all.
INVISIBLE_CHARACTERS = frozenset("\u200b\u200c\u200d\ufeff")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_SCHEME = re.compile(r"^[^/?#]*:")
# Browsers drop these before reading a URL's scheme, so `\x01javascript:` is still javascript:.
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def is_safe_link(target: str) -> bool:
    """True for http, https and mailto links and relative links; false for javascript:, data: and the rest."""
    cleaned = _URL_IGNORED.sub("", target).casefold()
    return cleaned.startswith(_SAFE_SCHEMES) or not _SCHEME.match(cleaned)


def link_targets(text: str) -> Iterator[str]:
    """The targets of every inline link or image, reference definition and autolink in `text`."""
    for pattern in (LINK_TARGET, REFERENCE_DEFINITION, AUTOLINK):
        for match in pattern.finditer(text):
            yield match.group(1)


@dataclass(frozen=True, slots=True)
class TextValue:
    """One string value: its text, its field in words, where it starts, and how it may be written."""

    text: str
    field: Message
    at: Location
    is_text: bool  # prose shown on the page, as opposed to an id or a flag
    one_line: bool  # shown as a heading, a list item or a table cell: a line break would break it


def _field_name(path: JsonPath) -> str:
    return next((str(part) for part in reversed(path) if isinstance(part, str)), "")


def _walk(data: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _walk(item, (*path, index))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*path, key))


def text_values(source: SourceFile) -> Iterator[TextValue]:
    """Every string value of a readable file, in file order."""
    tree = source.tree
    if tree is None:
        return
    for path, text in _walk(tree.data, ()):
        if path in tree.alias_paths:
            continue
        name = _field_name(path)
        field = msg("field.item", name=name, number=path[-1] + 1) if isinstance(path[-1], int) else None
        yield TextValue(
            text=text,
            field=field or msg("field.value", name=name),
            at=tree.at(path),
            is_text=name not in NOT_TEXT,
            one_line=name not in PARAGRAPH_FIELDS,
        )


def prose(source: SourceFile) -> Iterator[TextValue]:
    """The text values shown on the page as prose (not ids, role references or flags)."""
    return (value for value in text_values(source) if value.is_text)
