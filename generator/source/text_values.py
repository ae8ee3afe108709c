"""The text values of a file, each with where it is written: what the safe-text rules read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.source.loading import DataTree, JsonPath, SourceFile
from generator.source.model import Location
from generator.source.texts import MAX_ONE_LINE_CHARACTERS, MAY_BREAK_A_RULE, NOT_TEXT, PARAGRAPH_FIELDS
from generator.words.messages import Message, msg


@dataclass(frozen=True, slots=True)
class TextValue:
    """One string value: its text, where it is written, and how it may be written.

    The place and the field's name in words are worked out only for a value a rule reports.
    """

    text: str
    path: JsonPath
    tree: DataTree
    is_text: bool  # prose shown on the page, as opposed to an id or a flag
    one_line: bool  # shown as a heading, a list item or a table cell: a line break would break it

    @property
    def at(self) -> Location:
        return self.tree.at(self.path)

    @property
    def field(self) -> Message:
        return field_words(self.path)


def field_words(path: JsonPath) -> Message:
    """The field a value is written in, as a message: "`title`", "item 2 of `checklist`"."""
    name = field_name(path)
    if isinstance(path[-1], int):
        return msg("field.item", name=name, number=path[-1] + 1)
    return msg("field.value", name=name)


def field_name(path: JsonPath) -> str:
    """The key a value belongs to (for a list item, the list's key)."""
    return next((str(part) for part in reversed(path) if isinstance(part, str)), "")


def every_string(data: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """Every string value in `data` with its path, in file order."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from every_string(item, (*path, index))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from every_string(value, (*path, key))


def text_values(source: SourceFile) -> tuple[TextValue, ...]:
    """The string values of a readable file that could break a safe-text rule, in file order."""
    # Eight rules read the same values of a file: found once, kept on the file.
    if source.found_text_values is None:
        tree = source.tree
        found: list[TextValue] = []
        if tree is not None:
            # Converting the file listed, in file order, the text values this filter keeps (and no
            # other); where a key is written twice the data keeps only one value, so walk the data.
            strings = every_string(tree.data) if tree.repeated_keys else tree.strings
            for path, text in strings:
                if path in tree.alias_paths or (
                    len(text) <= MAX_ONE_LINE_CHARACTERS and not MAY_BREAK_A_RULE.search(text)
                ):
                    continue
                name = field_name(path)
                found.append(TextValue(text, path, tree, name not in NOT_TEXT, name not in PARAGRAPH_FIELDS))
        source.found_text_values = tuple(found)
    return source.found_text_values


def prose(source: SourceFile) -> Iterator[TextValue]:
    """The text values shown on the page as prose (not ids, role references or flags)."""
    return (value for value in text_values(source) if value.is_text)
