from __future__ import annotations

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly


def test_step_without_responsible_role_is_an_error_at_its_raci(check):
    report = check({WEEKLY: weekly("A: lead\nI: [member]")})
    assert codes(report) == ["HB103"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (WEEKLY, 10, 9, "error")
    assert "step `write-plan` has nobody under `R`" in problem.message and "R: [<role id>]" in problem.message


def test_empty_responsible_list_is_also_nobody(check):
    report = check({WEEKLY: weekly("R: []\nA: lead")})
    assert codes(report) == ["HB103"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (WEEKLY, 10, 9)


def test_step_with_a_responsible_role_passes(check):
    assert check().problems == ()
