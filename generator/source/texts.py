"""What counts as text and what text must not carry: the patterns the loader, the rules and the renderer share.

A value is "text" unless its key holds ids or flags (`id`, `owner`, RACI
letters …), so a field added to the format later is checked by default. The
values themselves, with where each is written, are `generator.source.text_values`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Keys whose values are ids, flags, dates or periods, never shown as prose (a comment after one loses
# nothing: a period that lost a word no longer reads as one, and its rule says so).
NOT_TEXT = frozenset(
    {"id", "reports_to", "buddy", "owner", "aliases", "R", "A", "C", "I", "external", "last_reviewed_on", "review_in"}
    # A person's role ids and contacts: the people rules check those (generator.rules.people).
    | {"roles", "deputy_for", "github", "email", "chat", "phone"}
)
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
# pymdownx.snippets pastes a file into the page at `--8<--` lines. The look-behind starts a
# match only at the first dash of a run: otherwise a long run of dashes is read again from
# each of its dashes, and 240 KB of them take half a minute.
SNIPPET_MARKER = re.compile(r"(?<!-)-+8<-+")
# Characters that reorder displayed text (the "Trojan Source" trick): a reviewer sees another text.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that show as nothing at all.
INVISIBLE_CHARACTERS = frozenset("\u200b\u200c\u200d\ufeff")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_SCHEME = re.compile(r"^[^/?#]*:")
# Browsers drop these before reading a URL's scheme, so `\x01javascript:` is still javascript:.
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")


# Markdown autolinks start like a tag but are links, never HTML (CommonMark §6.5); the safe-links
# rule checks their addresses. Possessive repeats and atomic labels never backtrack, and each
# pattern stops at the next `<` or `>`, so a search stays linear.
_URI_AUTOLINK_BODY = r"[A-Za-z][A-Za-z0-9+.\-]{1,31}+:[^<>\x00-\x20]*+>"
_DOMAIN_LABEL = r"(?>[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
_EMAIL_AUTOLINK_BODY = rf"[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]++@{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})*+>"
# Where a browser starts reading markup in text (HTML's "tag open state"): `<` followed by a letter
# (a tag, however its name ends: `<img/src=…`, `<svg\nonload=…`, `<a\thref=…`, unclosed `<img src=x`),
# `/` (an end tag such as `</script >`, or a bogus comment), `!` (comment, `<!doctype`, `<![CDATA[`)
# or `?` (`<?xml`, read as a bogus comment). Any other `<` stays text: `3 < 5`, `a<5`, `成本<預算`.
_MARKUP_OPEN = re.compile(rf"<(?!{_URI_AUTOLINK_BODY})(?!{_EMAIL_AUTOLINK_BODY})[A-Za-z/!?]")
_MARKUP_SHOWN = 60  # characters of a found tag quoted in a message


def html_markup(text: str) -> str | None:
    """The first piece of HTML a browser would read as markup in `text` (up to its `>`), or None."""
    found = _MARKUP_OPEN.search(text)
    if found is None:
        return None
    start = found.start()
    end = text.find(">", start, start + _MARKUP_SHOWN)
    return text[start : end + 1] if end >= 0 else text[start : start + _MARKUP_SHOWN] + "…"


def is_safe_link(target: str) -> bool:
    """True for http, https and mailto links and relative links; false for javascript:, data: and the rest."""
    cleaned = _URL_IGNORED.sub("", target).casefold()
    return cleaned.startswith(_SAFE_SCHEMES) or not _SCHEME.match(cleaned)


def link_targets(text: str) -> Iterator[str]:
    """The targets of every inline link or image, reference definition and autolink in `text`."""
    for pattern in (LINK_TARGET, REFERENCE_DEFINITION, AUTOLINK):
        for match in pattern.finditer(text):
            yield match.group(1)


# Every safe-text rule looks for one of these characters; a value with none of them
# (nearly all values) cannot break any of those rules and is never looked at again.
# The longest text a value may hold. Python-Markdown's inline parsing grows faster than the
# text does (each escaped character is set aside and the rest of the text copied again), so a
# value of 240 KB holds a build up for minutes; and nobody reads a 5,000-character title.
MAX_ONE_LINE_CHARACTERS = 1_000
MAX_PARAGRAPH_CHARACTERS = 5_000
MAY_BREAK_A_RULE = re.compile(
    "[<\\[{\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
