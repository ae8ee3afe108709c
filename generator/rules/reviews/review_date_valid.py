"""`last_reviewed_on` is a real day, written `YYYY-MM-DD`.

Why: the date tells readers how fresh a page is and tells the owner when to review it
next. `2027-13-01` or `next week` says neither, and the page would quietly drop its
review line. Write the day the review happened, year first.

Failing example::

    last_reviewed_on: 2026-02-30

Passing example::

    last_reviewed_on: 2026-02-27
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.reviews import REVIEWED_KINDS, parse_review_date
from generator.words.messages import msg

ID = "HB120"
NAME = "review-date-valid"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    tree = source.tree
    if tree is None or source.kind not in REVIEWED_KINDS or "last_reviewed_on" not in tree.data:
        return
    if parse_review_date(tree.data["last_reviewed_on"]) is None:
        written = tree.source_text(("last_reviewed_on",)) or str(tree.data["last_reviewed_on"] or "")
        yield Finding(tree.at(("last_reviewed_on",)), msg("review_date_valid", value=written))
