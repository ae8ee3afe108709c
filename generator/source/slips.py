"""Where YAML read a plain (unquoted) value otherwise than it looks in the file.

Two slips lose words without any syntax error: a line indented a little too far
(or missing its `- `) is joined to the value above it, and ` #` inside an unquoted
value starts a comment that cuts the rest of the line off. Both are found from
the nodes' marks (libyaml and PyYAML keep the same ones) and the file's text, in
one pass over the values of a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from generator.source.loading import JsonPath, SourceFile, comment_lines
from generator.source.model import Location
from generator.source.text_values import field_name
from generator.source.texts import NOT_TEXT, PARAGRAPH_FIELDS

# How much of a joined value a message quotes.
_QUOTED = 40


@dataclass(frozen=True, slots=True)
class JoinedLine:
    """A line of the file that YAML joined to the plain value started on an earlier line."""

    path: JsonPath
    field: str  # the key the value belongs to (for a list item, the list's key)
    value: str
    line: str  # the joined line's text, without its indentation
    at: Location  # where the joined line's text starts
    item_column: int | None  # 0-based column of the item's `-`, for a list item
    key_column: int  # 0-based column of the field's key

    @property
    def quoted(self) -> str:
        return self.value if len(self.value) <= _QUOTED else self.value[:_QUOTED] + "…"

    @property
    def is_paragraph(self) -> bool:
        return self.field in PARAGRAPH_FIELDS


@dataclass(frozen=True, slots=True)
class CutComment:
    """A comment that starts on the line of a plain value, so YAML dropped the words after ` #`."""

    path: JsonPath
    field: str
    value: str
    comment: str
    at: Location  # where the `#` is


@dataclass(frozen=True, slots=True)
class _Slips:
    joined: tuple[JoinedLine, ...]
    cuts: tuple[CutComment, ...]
    may_repeat_keys: bool


_NONE = _Slips((), (), False)


def _slips(source: SourceFile) -> _Slips:
    # Three rules read the same slips of a file: found in one pass over its values, kept on the file.
    found: _Slips | None = source.found_slips
    if found is None:
        found = source.found_slips = _find_slips(source)
    return found


def _find_slips(source: SourceFile) -> _Slips:
    tree = source.tree
    if tree is None:
        return _NONE
    # Converting the file noted its plain values that span lines or end on a line a comment
    # follows. Where a path may name several nodes (a key written twice, an alias repeating a
    # mapping), the values are those the data kept, read from the nodes by path.
    multi_line: list[tuple[JsonPath, Any]] = tree.multi_line_plain
    commented: list[tuple[JsonPath, Any]] = tree.commented_plain
    may_repeat = False
    if tree.has_repeated_paths:
        values, key_nodes = tree.nodes_by_path()
        scalar, mapping = yaml.ScalarNode, yaml.MappingNode
        multi_line, commented = [], []
        comments = comment_lines(source.text)
        keys = 0
        every: Any = values.items()  # nodes of every kind; each branch checks the kind it reads
        for path, node in every:
            kind = type(node)
            if kind is mapping:
                keys += len(node.value)
            elif kind is scalar and not node.style:  # libyaml marks the plain style with "", PyYAML with None
                end = node.end_mark.line
                if end != node.start_mark.line:
                    multi_line.append((path, node))
                if end in comments:
                    commented.append((path, node))
        # Fewer distinct keys than written ones: some mapping repeats a key (or an alias repeats one).
        may_repeat = keys != len(key_nodes)
    alias_paths = tree.alias_paths
    lines = source.text.splitlines() if multi_line or commented else []
    joined = tuple(
        line for path, node in multi_line if path not in alias_paths for line in _joined(source, lines, path, node)
    )
    cuts = tuple(cut for path, node in commented if path not in alias_paths for cut in _cut(source, lines, path, node))
    return _Slips(joined, cuts, may_repeat_keys=may_repeat)


def _joined(source: SourceFile, lines: list[str], path: JsonPath, node: yaml.ScalarNode) -> Iterator[JoinedLine]:
    start, end = node.start_mark, node.end_mark
    tree = source.tree
    first = lines[start.line] if start.line < len(lines) else ""
    # A block list item starts right after its `- `; an item of a flow list `[a, b]` has no dash.
    before = first[: start.column].rstrip(" ")
    item_column = len(before) - 1 if isinstance(path[-1], int) and before.endswith("-") else None
    key_path = next((path[:cut] for cut in range(len(path), 0, -1) if isinstance(path[cut - 1], str)), None)
    key_node = tree.node_at(key_path, key=True) if tree is not None and key_path else None
    key_column = key_node.start_mark.column if key_node is not None else 0
    for number in range(start.line + 1, min(end.line, len(lines) - 1) + 1):
        text = lines[number]
        content = text.lstrip(" ")
        if content:
            column = len(text) - len(content)
            yield JoinedLine(
                path,
                field_name(path),
                str(node.value),
                content.rstrip(),
                Location(source.path, number + 1, column + 1),
                item_column,
                key_column,
            )


def _cut(source: SourceFile, lines: list[str], path: JsonPath, node: yaml.ScalarNode) -> Iterator[CutComment]:
    field = field_name(path)
    if field in NOT_TEXT:
        return
    end = node.end_mark
    line = lines[end.line] if end.line < len(lines) else ""
    rest = line[end.column :]
    comment = rest.lstrip(" \t")
    if not comment.startswith("#") or comment == rest or not line[: end.column].strip():
        return
    if node.value == "" and comment[1:2] in ("", " ", "\t"):
        return
    column = len(line) - len(comment)
    yield CutComment(path, field, str(node.value), comment[1:].strip(), Location(source.path, end.line + 1, column + 1))


def joined_lines(source: SourceFile) -> tuple[JoinedLine, ...]:
    """Each line that YAML joined to a plain value begun on a line above, in file order."""
    return _slips(source).joined


def cut_comments(source: SourceFile) -> tuple[CutComment, ...]:
    """Each comment written right after a plain text value on its line, in file order.

    A comment on a line of its own is never one: that is how YAML comments are meant
    to be written. Ids and role references are left out (an id has no spaces, so a
    comment after it loses nothing). An empty value followed by `# note` (a space
    after `#`) reads as a note on the key; an empty value followed by `#text` is a
    value that lost its words.
    """
    return _slips(source).cuts


def may_repeat_keys(source: SourceFile) -> bool:
    """False when no mapping of the file writes a key twice (checked without walking the nodes again)."""
    return _slips(source).may_repeat_keys
