from __future__ import annotations

from tests.conftest import codes
from tests.rules._departments import team, with_department

OTHER = 'id: other\ntitle: 其他部門\nhead: outsider\nmaintainers:\n  - "@others"\n'
OUTSIDER = "id: outsider\ntitle: 外部主管\ndepartment: other\n"


def test_a_department_without_head_is_reported_at_its_id(check):
    text = team().replace("head: lead\n", "")
    report = check(with_department({"departments/team.yml": text}))
    assert codes(report) == ["HB072"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("departments/team.yml", 1, 5)
    assert "names no `head`" in problem.message


def test_an_unknown_head_is_reported(check):
    report = check(with_department({"departments/team.yml": team(head="boss")}))
    assert codes(report) == ["HB072"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("departments/team.yml", 3, 7)
    assert "the head `boss` of the department `team` has no file in roles/" in problem.message


def test_a_head_from_another_department_is_reported(check):
    files = {
        "departments/other.yml": OTHER,
        "roles/outsider.yml": OUTSIDER,
        "departments/team.yml": team(head="outsider"),
    }
    report = check(with_department(files), settings={"role-takes-part": "off", "cross-department-manager": "off"})
    assert codes(report) == ["HB072"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("departments/team.yml", 3, 7)
    assert "belongs to the department `other`" in problem.message


def test_a_head_that_names_no_department_is_reported(check):
    report = check(with_department({"roles/lead.yml": "id: lead\ntitle: 組長\n"}))
    assert "HB072" in codes(report)
    problem = next(p for p in report.problems if p.code == "HB072")
    assert "add `department: team` to that role's file" in problem.message


def test_a_head_of_the_department_passes(check):
    assert check(with_department()).problems == ()
