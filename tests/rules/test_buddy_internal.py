from __future__ import annotations

from tests.conftest import codes

AGENCY = {"roles/agency.yml": "id: agency\ntitle: 外包公司\nexternal: true\n"}


def test_a_buddy_outside_the_department_is_a_warning_at_the_buddy(check):
    report = check({**AGENCY, "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nbuddy: agency\n"})
    assert codes(report) == ["HB040"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/member.yml", 4, 8, "warning")
    assert "`agency`, a team outside the department" in problem.message


def test_a_department_buddy_passes(check):
    roles = {
        "roles/peer.yml": "id: peer\ntitle: 同事\nreports_to: lead\n",
        "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nbuddy: peer\n",
    }
    assert check({**AGENCY, **roles}).problems == ()


def test_an_unknown_buddy_is_the_known_roles_error_with_a_guess(check):
    report = check({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nbuddy: laed\n"})
    assert codes(report) == ["HB030"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (4, 8)
    assert "`buddy` names the role `laed`" in problem.message and "`lead`" in problem.message
