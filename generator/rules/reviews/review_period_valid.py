"""`review_in` is a period: a number and a unit, such as `6 months`, `90 days`, `2 weeks` or `1 year`.

Why: the period and `last_reviewed_on` give the day a page is due for review again.
`soon` or `quarterly` gives no day, so nobody would be reminded. Chinese units work
too (`6 個月`, `3 个月`, `2 週`, `1 年`); at most 10 years.

Failing example::

    review_in: soon

Passing example::

    review_in: 6 months
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.reviews import REVIEWED_KINDS, parse_period
from generator.words.messages import msg

ID = "HB121"
NAME = "review-period-valid"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    tree = source.tree
    if tree is None or source.kind not in REVIEWED_KINDS or "review_in" not in tree.data:
        return
    value = tree.data["review_in"]
    # A number, a list … is not text: the value-type rule says so (and that it needs a unit is this rule's next time).
    if isinstance(value, str) and parse_period(value) is None:
        written = tree.source_text(("review_in",)) or str(value if value is not None else "")
        yield Finding(tree.at(("review_in",)), msg("review_period_valid", value=written))
