from __future__ import annotations

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly

AGENCY = {"roles/agency.yml": "id: agency\ntitle: 外包公司\nexternal: true\n"}


def test_external_owner_is_a_warning_at_the_a(check):
    report = check({**AGENCY, WEEKLY: weekly("R: [member]\nA: agency\nI: [lead]")})
    assert codes(report) == ["HB106"]
    (problem,) = report.problems
    assert (problem.line, problem.column, problem.severity) == (12, 14, "warning")
    assert "`agency`, a team outside the department" in problem.message


def test_external_team_doing_the_work_passes(check):
    assert check({**AGENCY, WEEKLY: weekly("R: [agency]\nA: lead\nC: [member]")}).problems == ()
