"""Make Material's search index smaller without changing what a search finds.

Material for MkDocs writes `search/search_index.json` with `json.dumps` defaults:
every Han character as a six-byte `\\uXXXX` escape, and after jieba's word cutting
a zero-width space (U+200B, itself escaped) between all words — also next to
punctuation, spaces and tags, where a separator already stands. The browser's
search worker (Material's `search.*.min.js`) reads `config` (lang, separator,
pipeline, fields) and, per entry, `location`, `title`, `text`, `tags` and `boost`;
it splits `title` and `text` into words with the `separator` pattern.

So this module:
- writes UTF-8 without escapes and without spaces between JSON tokens;
- drops every zero-width space that stands next to another separator character,
  a tag or the start or end of a value: the words the separator pattern cuts out
  are exactly the same, so the same queries find the same entries.
Nothing MkDocs-specific happens here; the plugin calls `compact_search_index`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

ZERO_WIDTH_SPACE = "\u200b"
_ZWSP_RUN = re.compile(ZERO_WIDTH_SPACE + "+")


def separator_pattern(config: dict[str, Any]) -> re.Pattern[str] | None:
    """The index's word separator (a JavaScript pattern) as a Python pattern, if Python reads it the same way."""
    separator = config.get("separator")
    if not isinstance(separator, str):
        return None
    try:
        # The separators Material writes are character classes with + ; Python reads those alike.
        return re.compile(separator)
    except re.error:
        return None


def _redundant_zwsp_remover(separator: re.Pattern[str], *, html: bool) -> Callable[[str], str]:
    def is_boundary(char: str) -> bool:
        # In HTML text (where a literal < is written &lt;) a tag's angle bracket ends a
        # text block in the worker's HTML reader: words never cross it.
        return (html and char in "<>") or (char != ZERO_WIDTH_SPACE and separator.fullmatch(char) is not None)

    def replace(match: re.Match[str]) -> str:
        text, start, end = match.string, match.start(), match.end()
        before = text[start - 1] if start > 0 else None
        after = text[end] if end < len(text) else None
        if before is None or after is None or is_boundary(before) or is_boundary(after):
            return ""
        return ZERO_WIDTH_SPACE

    def remove(value: str) -> str:
        return _ZWSP_RUN.sub(replace, value)

    return remove


def compact_search_index(raw: str) -> str:
    """The same search index, smaller: see the module docstring for what changes and why it is safe."""
    return compact_index(json.loads(raw))


def dump_index(index: dict[str, Any]) -> str:
    """An index as UTF-8 JSON, without escapes or spaces between tokens."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def compact_index(index: dict[str, Any]) -> str:
    """`compact_search_index` for an index already read from JSON."""
    config = index.get("config", {})
    separator = separator_pattern(config)
    # Only when the separator itself splits on zero-width spaces may we move them around.
    if separator is not None and separator.fullmatch(ZERO_WIDTH_SPACE):
        removers = {
            "title": _redundant_zwsp_remover(separator, html=False),
            "text": _redundant_zwsp_remover(separator, html=True),
        }
        for entry in index.get("docs", []):
            for key, remove in removers.items():
                if isinstance(entry.get(key), str):
                    entry[key] = remove(entry[key])
    return dump_index(index)
