"""`review_in` comes with `last_reviewed_on`.

Why: a period counts from the last review. Without the date nobody knows when the
page is due, and the handbook cannot remind its owner. Add the day of the last
review (today's, when you have just checked the page).

Failing example::

    review_in: 6 months

Passing example::

    last_reviewed_on: 2026-06-01
    review_in: 6 months
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.reviews import REVIEWED_KINDS
from generator.words.messages import msg

ID = "HB122"
NAME = "review-needs-date"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    tree = source.tree
    if tree is None or source.kind not in REVIEWED_KINDS:
        return
    if "review_in" in tree.data and tree.data.get("last_reviewed_on") is None:
        yield Finding(tree.at(("review_in",), key=True), msg("review_needs_date"))
