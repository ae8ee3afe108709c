from __future__ import annotations

from tests.conftest import codes
from tests.rules._departments import team, with_department

OPS = 'id: ops\ntitle: 營運部\nhead: runner\nmaintainers:\n  - "@ops"\nparent: team\n'
RUNNER = "id: runner\ntitle: 營運主管\ndepartment: ops\n"


def test_two_departments_in_each_other_are_reported_once(check):
    files = {"departments/ops.yml": OPS, "roles/runner.yml": RUNNER, "departments/team.yml": team(parent="ops")}
    report = check(with_department(files))
    assert codes(report) == ["HB074"]
    (problem,) = report.problems
    # At the `parent` of the first department of the circle in file order (ops.yml before team.yml).
    assert (problem.path, problem.line, problem.column) == ("departments/ops.yml", 6, 9)
    assert "goes round in a circle: ops → team → ops" in problem.message


def test_a_department_that_is_its_own_parent(check):
    report = check(with_department({"departments/team.yml": team(parent="team")}))
    assert codes(report) == ["HB074"]
    assert "team → team" in report.problems[0].message


def test_a_tree_of_departments_passes(check):
    files = {"departments/ops.yml": OPS, "roles/runner.yml": RUNNER}
    assert check(with_department(files)).problems == ()
