"""Hand Python-Markdown the pages' own raw HTML blocks as they are, without parsing them.

A process page's RACI matrix and a role page's table of steps are raw HTML (see the
templates), which Python-Markdown reads tag by tag with Python's HTML parser only
to keep it unchanged: at 1,000 roles that took 64 of the 77 ms a process page
costs to convert. This preprocessor stores those blocks in Markdown's stash of raw
HTML directly, the place the HTML parser would have put them, so the page comes
out byte for byte the same (tests/test_raw_blocks.py compares whole sites).

Only blocks the templates write are taken: a line that is exactly one of
`OPENING_LINES`, after a blank line, up to the line that closes its `<div>`,
followed by a blank line. Every value inside went through the `html` filter, so
no `<div` or `</div>` in them comes from YAML; anything else is left to Markdown.
"""

from __future__ import annotations

from typing import Any

# Python-Markdown ships no type information.
from markdown import Extension, Markdown  # type: ignore[import-untyped]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]

# The name Python-Markdown loads this extension by (it calls makeExtension below).
EXTENSION_NAME = "generator.render.raw_blocks"
# The first line of each raw HTML block the templates write (process.md.j2, role.md.j2, people.md.j2).
OPENING_LINES = frozenset(
    {'<div class="handbook-raci">', '<div class="handbook-steps">', '<div class="handbook-people">'}
)
# Before Python-Markdown's own raw HTML reader ("html_block", 20), after snippets (32) and
# the whitespace normalisation (30), so the lines are those the HTML reader would get.
PRIORITY = 25


def _block_end(lines: list[str], start: int) -> int | None:
    """The index after the line that closes the `<div>` opened at `start`, if a blank line (or the end) follows."""
    depth = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            return None  # a blank line inside: not one of ours, Markdown decides
        depth += line.count("<div") - line.count("</div>")
        if depth <= 0:
            end = index + 1
            return end if end == len(lines) or not lines[end].strip() else None
    return None


class RawBlockPreprocessor(Preprocessor):  # type: ignore[misc]
    def run(self, lines: list[str]) -> list[str]:
        if not any(line in OPENING_LINES for line in lines):
            return lines
        result: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            end = None
            if line in OPENING_LINES and (index == 0 or not lines[index - 1].strip()):
                end = _block_end(lines, index)
            if end is None:
                result.append(line)
                index += 1
                continue
            # With the line break the HTML reader keeps after a block it stores.
            result.append(self.md.htmlStash.store("\n".join(lines[index:end]) + "\n"))
            index = end
        return result


class RawBlocks(Extension):  # type: ignore[misc]
    """The Python-Markdown extension the plugin adds to the site's Markdown extensions."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawBlockPreprocessor(md), "handbook_raw_blocks", PRIORITY)


def makeExtension(**options: Any) -> RawBlocks:
    return RawBlocks(**options)
