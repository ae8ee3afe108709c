from __future__ import annotations

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly

EMPTY_STAGE = "  - id: review\n    title: 復盤\n    steps: []\n"


def test_stage_with_no_steps_is_a_warning_at_its_steps(check):
    report = check({WEEKLY: weekly("R: [member]\nA: lead") + EMPTY_STAGE})
    assert codes(report) == ["HB107"]
    (problem,) = report.problems
    assert (problem.line, problem.column, problem.severity) == (15, 12, "warning")
    assert "stage `review` has no steps" in problem.message


def test_stage_with_a_step_passes(check):
    assert check({WEEKLY: weekly("R: [member]\nA: lead")}).problems == ()
