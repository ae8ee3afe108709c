from __future__ import annotations

from tests.conftest import codes
from tests.rules._departments import team, with_department

OPS = 'id: ops\ntitle: 營運部\nhead: runner\nmaintainers:\n  - "@ops"\n'
RUNNER = "id: runner\ntitle: 營運主管\ndepartment: ops\n"
HELPER_IN_OPS = "id: helper\ntitle: 營運助理\ndepartment: ops\nreports_to: member\n"


def test_a_role_reporting_into_another_department_is_a_warning(check):
    files = {"departments/ops.yml": OPS, "roles/runner.yml": RUNNER, "roles/helper.yml": HELPER_IN_OPS}
    report = check(with_department(files))
    assert codes(report) == ["HB076"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/helper.yml", 4, 13, "warning")
    assert "`helper` (department `ops`) reports to `member` of the department `team`" in problem.message


def test_a_head_reporting_to_a_department_that_is_not_above_it_is_a_warning(check):
    runner = RUNNER + "reports_to: lead\n"
    report = check(with_department({"departments/ops.yml": OPS, "roles/runner.yml": runner}))
    assert codes(report) == ["HB076"]
    assert "make `team` the `parent` of `ops`" in report.problems[0].message


def test_a_head_reporting_to_the_parent_department_passes(check):
    runner = RUNNER + "reports_to: lead\n"
    ops = OPS + "parent: team\n"
    report = check(
        with_department({"departments/ops.yml": ops, "roles/runner.yml": runner, "departments/team.yml": team()})
    )
    assert report.problems == ()
