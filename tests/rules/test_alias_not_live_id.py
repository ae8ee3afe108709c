from __future__ import annotations

from tests.conftest import codes

MEMBER = "roles/member.yml"


def test_alias_naming_a_live_role_is_an_error_at_the_alias(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\naliases: [helper, lead]\n"})
    assert codes(report) == ["HB032"]
    (problem,) = report.problems
    # `aliases: [helper, ` is 18 characters.
    assert (problem.line, problem.column, problem.severity) == (4, 19, "error")
    assert "the alias `lead` of `member` is also the id of the role in roles/lead.yml" in problem.message


def test_former_ids_pass(check):
    assert check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\naliases: [assistant]\n"}).problems == ()
