from __future__ import annotations

from tests.conftest import codes
from tests.rules._departments import team, with_department


def test_a_misspelt_department_is_reported_with_the_closest_id(check):
    report = check(
        with_department({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\ndepartment: teem\n"})
    )
    assert codes(report) == ["HB070"]
    (problem,) = report.problems
    # `department: ` is 12 characters: the value starts at column 13 of line 4.
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/member.yml", 4, 13, "error")
    assert "`department` names the department `teem`, which has no file in departments/" in problem.message
    assert "did you mean `team`?" in problem.message


def test_an_unknown_parent_is_reported_too(check):
    report = check(with_department({"departments/team.yml": team(parent="division")}))
    assert codes(report) == ["HB070"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("departments/team.yml", 6, 9)
    assert "`parent` names the department `division`" in problem.message


def test_a_process_naming_a_department_without_departments_folder_is_reported(check):
    report = check({"roles/lead.yml": "id: lead\ntitle: 組長\ndepartment: team\n"})
    assert "HB070" in codes(report)


def test_known_departments_pass(check):
    assert check(with_department()).problems == ()
