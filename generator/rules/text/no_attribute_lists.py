"""Text carries no attribute lists: no `{: …}`, `{#…}` or `{.…}`.

Why: Markdown's attribute lists add classes, ids or event handlers to the
element around the text, so one value could restyle or take over the page
around it. The site shows them as text; the validator stops them in review.

Failing example::

    title: 發布預熱內容 {: .hidden }

Passing example::

    title: 發布預熱內容
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import prose
from generator.source.texts import ATTRIBUTE_LIST
from generator.words.messages import msg

ID = "HB052"
NAME = "no-attribute-lists"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for value in prose(source):
        match = ATTRIBUTE_LIST.search(value.text)
        if match:
            yield Finding(value.at, msg("no_attribute_lists", field=value.field, found=match.group(0)))
