from __future__ import annotations

import pytest

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly


@pytest.mark.parametrize(
    ("raci", "line", "column", "letters"),
    [
        ("R: [member]\nA: lead\nC: [lead]", 13, 15, "A, C"),
        ("R: [member, member]\nA: lead", 11, 23, "R, R"),
        ("R: [member]\nA: lead\nC: [member]\nI: [member]", 13, 15, "R, C, I"),
    ],
)
def test_a_role_listed_twice_is_an_error_at_the_second_mention(check, raci, line, column, letters):
    report = check({WEEKLY: weekly(raci)})
    assert codes(report) == ["HB104"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (WEEKLY, line, column, "error")
    assert f"({letters})" in problem.message


def test_responsible_and_accountable_together_is_normal_raci(check):
    assert check({WEEKLY: weekly("R: [lead, member]\nA: lead")}).problems == ()
