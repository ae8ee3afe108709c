from __future__ import annotations

from tests.conftest import codes
from tests.rules._reviews import MEMBER, TODAY, member


def test_a_period_without_a_date_is_an_error_at_the_key(check):
    report = check({MEMBER: member("review_in: 6 months\n")}, review=TODAY)
    assert codes(report) == ["HB122"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 4, 1, "error")
    assert "`last_reviewed_on` is not" in problem.message


def test_a_period_with_its_date_passes(check):
    assert check({MEMBER: member("last_reviewed_on: 2026-11-01\nreview_in: 6 months\n")}, review=TODAY).problems == ()
