"""A page whose review is due is reviewed: its owner checks it is still true and moves `last_reviewed_on` on.

Why: a handbook nobody reviews goes stale, and a new hire cannot tell a page checked
last week from one written three reorganisations ago. The warning names the file, the
day it was due and who reviews it (the file's `owner`, else its department's head).
It does not fail `--strict` unless mkdocs.yml asks for it (`overdue_fails_strict: true`).

Failing example::

    last_reviewed_on: 2025-01-01
    review_in: 6 months

Passing example::

    last_reviewed_on: 2026-11-01
    review_in: 6 months
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.problems import Finding
from generator.source.reviews import ReviewedHandbook, reviews_of
from generator.words.messages import msg

ID = "HB124"
NAME = "review-overdue"
SEVERITY = "warning"
SCOPE = "review"


def check(target: ReviewedHandbook) -> Iterator[Finding]:
    for review in reviews_of(target.handbook, target.settings):
        if review.status != "overdue" or review.due_on is None:
            continue
        owner = review.owner
        yield Finding(
            review.at,
            msg(
                "review_overdue" if owner is not None else "review_overdue.no_owner",
                path=review.path,
                due=review.due_on.isoformat(),
                days=review.days_overdue,
                owner=f"{owner.title} ({owner.id})" if owner is not None else "",
            ),
        )
