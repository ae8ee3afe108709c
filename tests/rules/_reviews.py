"""A member role with review fields, and "today" as the review rules' tests fix it.

In roles/member.yml the fields go after `reports_to: lead` (line 3): the first added
line is line 4, its value at column 19 for `last_reviewed_on:` and 12 for `review_in:`.
"""

from __future__ import annotations

from datetime import date

from generator.source.reviews import ReviewSettings

MEMBER = "roles/member.yml"
TODAY = ReviewSettings(today=date(2026, 12, 1))


def member(lines: str) -> str:
    return "id: member\ntitle: 組員\nreports_to: lead\n" + lines
