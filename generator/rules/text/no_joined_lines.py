"""A line you typed as its own item or key must not be joined to the value above it.

Why: YAML joins a line to the unquoted value above it when the line is indented
further than that value's `-` or key, or has lost its `- `. The two lines then
become one item ("確認預算 - 通知團隊"): a checkbox or a responsibility vanishes
from the page without any error. Titles, list items, due dates and ids are one
line each, so a joined line there is always a slip. (Paragraphs, `summary`,
`details` and `explanation`, may run over several lines; see list-in-paragraph.)

Failing example (the second item is indented two spaces too far)::

    checklist:
      - 確認預算
        - 通知團隊

Passing example::

    checklist:
      - 確認預算
      - 通知團隊
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.slips import joined_lines
from generator.words.messages import msg

ID = "HB060"
NAME = "no-joined-lines"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for joined in joined_lines(source):
        if joined.is_paragraph:
            continue
        if joined.item_column is None and joined.value.startswith("-"):
            continue  # `-品牌認知度` lacks the space after its dash: value-type says so on its line
        if joined.item_column is None:
            message = msg("joined.value", key=joined.field, value=joined.quoted, column=joined.key_column + 1)
        elif joined.line.startswith("- "):
            message = msg("joined.item_dash", value=joined.quoted, column=joined.item_column + 1)
        else:
            message = msg("joined.item", value=joined.quoted, column=joined.item_column + 1)
        yield Finding(joined.at, message)
