from __future__ import annotations

from tests.conftest import codes

AGENCY = {"roles/agency.yml": "id: agency\ntitle: 外包公司\nexternal: true\n"}


def test_a_person_holding_an_external_team_is_an_error_at_the_id(check):
    person = "id: zhang-wei\nname: 張偉\nroles:\n  - member\n  - agency\n"
    report = check({**AGENCY, "people/zhang-wei.yml": person})
    assert codes(report) == ["HB082"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("people/zhang-wei.yml", 5, 5, "error")
    assert "`agency` (外包公司), a team outside the department" in problem.message


def test_department_roles_pass(check):
    assert check({**AGENCY, "people/zhang-wei.yml": "id: zhang-wei\nname: 張偉\nroles: [member]\n"}).problems == ()
