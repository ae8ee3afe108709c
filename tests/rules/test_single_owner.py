from __future__ import annotations

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly


def test_two_accountable_roles_is_an_error_at_the_second(check):
    report = check({WEEKLY: weekly("R: [member]\nA: [lead, member]")})
    assert codes(report) == ["HB102"]
    (problem,) = report.problems
    # `          A: [lead, ` is 20 characters: `member` starts at column 21.
    assert (problem.path, problem.line, problem.column, problem.severity) == (WEEKLY, 12, 21, "error")
    assert "step `write-plan` has 2 owners (`lead`, `member`)" in problem.message
    assert "keep one role under `A`" in problem.message


def test_accountable_as_a_block_list(check):
    report = check({WEEKLY: weekly("R: [member]\nA:\n  - lead\n  - member")})
    assert codes(report) == ["HB102"]
    (problem,) = report.problems
    # `            - member` on line 14: the id starts at column 15.
    assert (problem.path, problem.line, problem.column) == (WEEKLY, 14, 15)


def test_list_of_one_accountable_role_passes(check):
    assert check({WEEKLY: weekly("R: [member]\nA: [lead]")}).problems == ()


def test_one_accountable_role_passes(check):
    assert check().problems == ()
