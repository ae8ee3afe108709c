from __future__ import annotations

from tests.conftest import codes


def test_the_manager_as_buddy_is_a_warning(check):
    report = check({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nbuddy: lead\n"})
    assert codes(report) == ["HB044"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/member.yml", 4, 8, "warning")
    assert "`lead`, the role it reports to" in problem.message


def test_the_manager_written_with_a_former_id_is_still_the_manager(check):
    roles = {
        "roles/lead.yml": "id: lead\ntitle: 組長\naliases: [chief]\n",
        "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nbuddy: chief\n",
    }
    # HB033 asks for the current id; HB044 sees through the alias.
    assert sorted(codes(check(roles))) == ["HB033", "HB044"]


def test_a_peer_as_buddy_passes(check):
    roles = {
        "roles/peer.yml": "id: peer\ntitle: 同事\nreports_to: lead\n",
        "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nbuddy: peer\n",
    }
    assert check(roles).problems == ()
