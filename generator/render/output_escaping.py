"""Values made inert for the plain-text outputs, one function per output they land in.

A value from YAML (or a file name) is escaped at the moment it is written into a
log line, a GitHub workflow command, a JSON document, a spreadsheet cell or a piece
of Markdown; no output trusts that another already did. (The web pages have their
own escaping in `generator.render.escaping`.)
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

# Unicode categories that either break a line, drive a terminal (ESC, CSI …), reorder or hide
# text (bidi and zero-width controls), or cannot be encoded at all (lone surrogates).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# GitHub's runner reads `##[command]` anywhere in a line as a (legacy) workflow command.
_LEGACY_COMMAND = "##["


def _is_unsafe(char: str) -> bool:
    return unicodedata.category(char) in _UNSAFE_CATEGORIES


def _visible(char: str) -> str:
    """The Python-style escape of a character: `\\n`, `\\x1b`, `\\u202e`, `\\U000e0001`."""
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# Every character `_is_unsafe` may flag, and a few neighbours so that newer Unicode versions stay
# covered (tests/test_output_escaping.py checks this against every code point of the running Python).
_CANDIDATE_RANGES = (
    (0x00, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD),
    (0x70F, 0x70F), (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F),
    (0x2028, 0x202E), (0x2060, 0x206F), (0xD800, 0xDFFF), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE007F),
)  # fmt: skip
_UNSAFE = tuple(chr(code) for low, high in _CANDIDATE_RANGES for code in range(low, high + 1) if _is_unsafe(chr(code)))
# str.translate tables: one C-speed pass over the text, whatever it holds.
_VISIBLE = str.maketrans({char: _visible(char) for char in _UNSAFE})


def _shown(text: str) -> str:
    """Unsafe characters as visible escapes, and no `##[` command, wherever in a line the text lands."""
    # isprintable() is false for every unsafe character (and a few harmless ones such as U+3000).
    if not text.isprintable():
        text = text.translate(_VISIBLE)
    return text.replace(_LEGACY_COMMAND, "##\\x5b")


def log_line(text: str) -> str:
    """`text` as one line a terminal or a CI log shows as it is.

    Line breaks, terminal escapes, direction and zero-width controls and lone
    surrogates are written as visible escapes (`\\n`, `\\x1b`, `\\u202e`), and
    nothing can be read as a GitHub workflow command (`::…::` starting the line
    or `##[…]` anywhere in it).
    """
    text = _shown(text)
    if text.lstrip().startswith("::"):
        start = len(text) - len(text.lstrip())
        text = text[:start] + "\\x3a" + text[start + 1 :]
    return text


def workflow_command_data(text: str) -> str:
    """The message part of a GitHub workflow command (after `::`), escaped as GitHub's runner unescapes it."""
    return _shown(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_command_property(text: str) -> str:
    """A property value of a GitHub workflow command (`file=…`): also `:` and `,`, which end a property."""
    return workflow_command_data(text).replace(":", "%3A").replace(",", "%2C")


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


# json.dumps escapes line breaks inside strings: the ones it leaves are the indentation's own.
_JSON = str.maketrans({char: _json_escape(char) for char in _UNSAFE if char != "\n"})


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """`data` as JSON that any UTF-8 file or CI log takes: readable text, escaped where it must be.

    Chinese stays as it is (`ensure_ascii=False`); what JSON allows raw but a file or a
    log cannot hold safely is written as a `\\u` escape: lone surrogates (which UTF-8
    cannot encode), C1 and format controls, line separators, and the `[` of a `##[`
    workflow command. Outside strings JSON has none of these, so the document means
    exactly what `json.dumps` meant.
    """
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_JSON).replace(_LEGACY_COMMAND, "##\\u005b")


# --- spreadsheets -------------------------------------------------------------------------

# A spreadsheet reads a field that starts with one of these as a formula (OWASP "CSV injection").
# Full-width forms too: cheap to cover, and East Asian input setups may hand them over as the ASCII ones.
_FORMULA_STARTERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
# Where a spreadsheet may start a new field when the file is imported with another separator than
# our comma: Excel's and LibreOffice's text import offer tab, comma, semicolon and space, and
# pipes are common; European Excel splits on `;` by default. A quote may open the field.
_FIELD_START_AFTER = ',;| "\t\r\n\u3000\uff0c\uff1b\uff5c'
_FORMULA_FIELD = re.compile(f"(?:^|(?<=[{re.escape(_FIELD_START_AFTER)}]))(?=[{re.escape(_FORMULA_STARTERS)}])")


def spreadsheet_cell(text: str) -> str:
    """Cell text no spreadsheet runs as a formula, however it splits the line into fields.

    A `'` goes before every formula starter at the start of the cell or right after a
    character a spreadsheet may split fields on: `a;=HYPERLINK(…)` becomes `a;'=HYPERLINK(…)`.
    The CSV writer quotes every cell too (OWASP's advice).
    """
    return _FORMULA_FIELD.sub("'", text)


# --- Markdown -----------------------------------------------------------------------------

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Punctuation gets a backslash; an unsafe character shows as its escape, its backslash escaped in turn.
_MARKDOWN_ESCAPES = str.maketrans(
    {char: "\\" + char for char in _ASCII_PUNCTUATION} | {char: "\\" + _visible(char) for char in _UNSAFE}
)
_WHITESPACE = re.compile(r"\s+")


def markdown_text(text: str) -> str:
    """Inline Markdown that shows `text` as it is written and is never markup.

    CommonMark lets any ASCII punctuation be backslash-escaped and then shows it
    literally: escaping all of it leaves no emphasis, link, image, code span, HTML,
    entity or URL autolink to start (GitHub still links a bare e-mail address and
    `@mentions`: where that matters, use `markdown_code`). Line breaks fold into
    spaces, so a value cannot start a block either; controls show as escapes.
    """
    return _WHITESPACE.sub(" ", text).strip().translate(_MARKDOWN_ESCAPES)


_BACKTICKS = re.compile("`+")


def markdown_code(text: str) -> str:
    """`text` as a Markdown code span: shown literally by any Markdown, GitHub's included.

    GitHub turns `@name`, `#123` and `:emoji:` into mentions, references and emoji
    after rendering, and escapes cannot stop that; a code span does. The fence is one
    backtick longer than any run inside; a value that starts or ends with a backtick
    is padded with a space on each side, which CommonMark strips again.
    """
    # Line breaks fold into spaces; what else is unsafe (ESC, direction controls) shows as an escape.
    text = _shown(_WHITESPACE.sub(" ", text).strip()) or " "
    fence = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
