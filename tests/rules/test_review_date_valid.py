from __future__ import annotations

import pytest

from tests.conftest import codes
from tests.rules._reviews import MEMBER, TODAY, member


@pytest.mark.parametrize("written", ["2027-13-01", "2026-02-30", "next week", '"2026-6-1"', "5", "yes", "''"])
def test_a_date_that_names_no_day_is_an_error_at_its_line(check, written):
    report = check({MEMBER: member(f"last_reviewed_on: {written}\n")}, review=TODAY)
    assert codes(report) == ["HB120"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 4, 19, "error")
    assert "is not a day" in problem.message


@pytest.mark.parametrize("written", ["2026-02-27", '"2026-02-27"', "2026-02-27 09:30:00"])
def test_a_day_as_yaml_date_or_quoted_text_passes(check, written):
    assert check({MEMBER: member(f"last_reviewed_on: {written}\n")}, review=TODAY).problems == ()
