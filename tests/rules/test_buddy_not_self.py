from __future__ import annotations

from tests.conftest import codes


def test_a_role_that_is_its_own_buddy_is_a_warning(check):
    report = check({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nbuddy: member\n"})
    assert codes(report) == ["HB041"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/member.yml", 4, 8, "warning")
    assert "`member` names itself as its own buddy" in problem.message


def test_another_role_as_buddy_passes(check):
    roles = {
        "roles/peer.yml": "id: peer\ntitle: 同事\nreports_to: lead\n",
        "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nbuddy: peer\n",
    }
    assert check(roles).problems == ()
