from __future__ import annotations

import pytest

from tests.conftest import codes
from tests.rules._reviews import MEMBER, TODAY, member


@pytest.mark.parametrize("written", ["soon", "quarterly", "0 days", "6 fortnights", "100 years", "-1 month", "六個月"])
def test_a_period_that_does_not_parse_is_an_error_at_its_line(check, written):
    report = check({MEMBER: member(f"last_reviewed_on: 2026-06-01\nreview_in: {written}\n")}, review=TODAY)
    assert codes(report) == ["HB121"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 5, 12, "error")
    assert "is not a period" in problem.message


@pytest.mark.parametrize(
    "written", ["6 months", "90 days", "2 weeks", "1 year", "6 個月", "3 个月", "2 週", "1 年", "30天", "１ year"]
)
def test_periods_in_english_and_chinese_pass(check, written):
    report = check({MEMBER: member(f"last_reviewed_on: 2026-11-20\nreview_in: {written}\n")}, review=TODAY)
    assert report.problems == ()
