"""`last_reviewed_on` is not after today.

Why: a review that has not happened yet is no review, and a date in the future would
keep the page from ever being listed as due. Write the day the review really took
place. "Today" is `--today` when given, else the later of the build date
(`SOURCE_DATE_EPOCH`: a build sets it from the last commit) and the clock: a page
reviewed today and built before it is committed names no day in the future.

Failing example::

    last_reviewed_on: 2099-01-01

Passing example::

    last_reviewed_on: 2026-06-01
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.source.problems import Finding
from generator.source.reviews import ReviewedHandbook, reviewed_things
from generator.words.messages import msg

ID = "HB123"
NAME = "review-date-not-future"
SEVERITY = "error"
SCOPE = "review"


def check(target: ReviewedHandbook) -> Iterator[Finding]:
    today, latest = target.settings.today, target.settings.last_possible_review
    for _, thing in reviewed_things(target.handbook):
        review = thing.review
        if review is None or not review.last_reviewed_on:
            continue
        if date.fromisoformat(review.last_reviewed_on) > latest:
            yield Finding(
                review.at,
                msg("review_date_not_future", date=review.last_reviewed_on, today=max(today, latest).isoformat()),
            )
