"""A line starting with `- ` inside a paragraph is joined to it: it does not become a list item.

Why: `summary`, `details` and `explanation` may run over several lines; YAML joins
those lines into one paragraph. A line in them that starts with `- ` looks like a
list item in the file, but shows as a dash in the middle of the paragraph. Write
the points as sentences, or move them to a list (`checklist`, `responsibilities`).

Failing example::

    summary: 本崗位負責三件事：
      - 品牌故事
      - 渠道合作

Passing example::

    summary: 本崗位負責品牌故事與渠道合作。
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.slips import joined_lines
from generator.words.messages import msg

ID = "HB063"
NAME = "no-list-in-paragraph"
SEVERITY = "warning"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for joined in joined_lines(source):
        if joined.is_paragraph and joined.line.startswith("- "):
            yield Finding(joined.at, msg("list_in_paragraph", key=joined.field))
