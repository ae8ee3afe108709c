from __future__ import annotations

from tests.conftest import codes
from tests.rules._departments import with_department


def test_a_role_without_department_is_reported_once_departments_exist(check):
    report = check(with_department({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\n"}))
    assert codes(report) == ["HB075"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("roles/member.yml", 1, 5)
    assert "the role `member` names no `department`: add `department:` with one of `team`" in problem.message


def test_a_process_without_department_is_reported(check):
    from tests.conftest import MINIMAL

    report = check(with_department({"processes/weekly.yml": MINIMAL["processes/weekly.yml"]}))
    assert codes(report) == ["HB075"]
    assert report.problems[0].path == "processes/weekly.yml"
    assert "the process `weekly` names no `department`" in report.problems[0].message


def test_an_external_team_may_name_none(check):
    report = check(with_department({"roles/agency.yml": "id: agency\ntitle: 代理商\nexternal: true\n"}))
    assert "HB075" not in codes(report)


def test_a_handbook_without_departments_needs_none(check):
    assert check().problems == ()
