from __future__ import annotations

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly


def test_empty_checklist_is_a_warning_at_it(check):
    report = check({WEEKLY: weekly("R: [member]\nA: lead", extra="        checklist: []\n")})
    assert codes(report) == ["HB108"]
    (problem,) = report.problems
    assert (problem.line, problem.column, problem.severity) == (13, 20, "warning")
    assert "the checklist of step `write-plan` is empty" in problem.message


def test_no_checklist_at_all_passes(check):
    assert check({WEEKLY: weekly("R: [member]\nA: lead")}).problems == ()
