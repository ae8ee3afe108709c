"""Titles, due dates and list items (responsibilities, metrics, checklist, outputs) are one line each.

Why: these values become headings, list items and table cells. A line break
would start a new heading or list on the page; the site folds it into a space,
so what you wrote on two lines would not show as two lines. Only `summary` and
`details` may run over several lines (they still show as one paragraph).

Failing example::

    checklist:
      - |
        確認預算
        確認時程

Passing example::

    checklist:
      - 確認預算
      - 確認時程
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import prose
from generator.words.messages import msg

ID = "HB054"
NAME = "one-line-text"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for value in prose(source):
        # A block scalar (`|`, `>`) ends with a line break; only breaks inside the text count.
        lines = value.text.strip().splitlines()
        if value.one_line and len(lines) > 1:
            yield Finding(value.at, msg("one_line", field=value.field, count=len(lines)))
