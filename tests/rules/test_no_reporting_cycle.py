from __future__ import annotations

from tests.conftest import codes


def test_two_roles_reporting_to_each_other_are_reported_once(check):
    report = check({"roles/lead.yml": "id: lead\ntitle: 組長\nreports_to: member\n"})
    assert codes(report) == ["HB031"]
    (problem,) = report.problems
    # At the `reports_to` of the first role of the circle; `reports_to: ` is 12 characters.
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/lead.yml", 3, 13, "error")
    assert "goes round in a circle: lead → member → lead" in problem.message
    assert "the top role must have no `reports_to`" in problem.message


def test_role_reporting_to_itself(check):
    report = check({"roles/lead.yml": "id: lead\ntitle: 組長\nreports_to: lead\n"})
    assert codes(report) == ["HB031"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("roles/lead.yml", 3, 13)
    assert "lead → lead" in problem.message


def test_each_circle_is_reported_once_and_a_role_hanging_off_one_is_not(check):
    report = check(
        {
            "roles/lead.yml": "id: lead\ntitle: 組長\nreports_to: lead\n",
            "roles/member.yml": "id: member\ntitle: 組員\nreports_to: aide\n",
            "roles/aide.yml": "id: aide\ntitle: 助理\nreports_to: member\n",
            # Reports into the member–aide circle without being part of it.
            "roles/intern.yml": "id: intern\ntitle: 實習生\nreports_to: member\n",
        }
    )
    assert codes(report) == ["HB031", "HB031"]
    assert [(p.path, p.line, p.column) for p in report.problems] == [
        ("roles/aide.yml", 3, 13),
        ("roles/lead.yml", 3, 13),
    ]
    assert "aide → member → aide" in report.problems[0].message
    assert "lead → lead" in report.problems[1].message


def test_reporting_tree_passes(check):
    report = check({"roles/intern.yml": "id: intern\ntitle: 實習生\nreports_to: member\n"})
    assert report.problems == ()
