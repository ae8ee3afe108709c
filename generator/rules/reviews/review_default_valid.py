"""The handbook's default `review_in` (an option of the `handbook` plugin in mkdocs.yml) is a period.

Why: every role, process and department without a period of its own (or of its
department) takes this one. A default that is not a period would leave all of them
without a due date. Write a number and a unit, as in the files.

Failing example::

    plugins:
      - handbook:
          review_in: every spring

Passing example::

    plugins:
      - handbook:
          review_in: 1 year
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Location
from generator.source.problems import Finding
from generator.source.reviews import ReviewedHandbook, parse_period
from generator.words.messages import msg

ID = "HB125"
NAME = "review-default-valid"
SEVERITY = "error"
SCOPE = "review"


def check(target: ReviewedHandbook) -> Iterator[Finding]:
    settings = target.settings
    if settings.default_review_in and parse_period(settings.default_review_in) is None:
        at = settings.default_at or Location("mkdocs.yml", 1, 1)
        yield Finding(at, msg("review_default_valid", value=settings.default_review_in))
