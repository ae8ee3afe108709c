from __future__ import annotations

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly


def test_step_without_accountable_role_is_an_error_at_its_raci(check):
    report = check({WEEKLY: weekly("R: [member]\nC: [lead]")})
    assert codes(report) == ["HB101"]
    (problem,) = report.problems
    # The `raci:` key of the step: line 10, column 9.
    assert (problem.path, problem.line, problem.column, problem.severity) == (WEEKLY, 10, 9, "error")
    assert "write-plan" in problem.message and "A:" in problem.message


def test_empty_accountable_is_also_no_owner(check):
    assert codes(check({WEEKLY: weekly("R: [member]\nA: []")})) == ["HB101"]


def test_step_with_one_owner_passes(check):
    assert check().problems == ()
