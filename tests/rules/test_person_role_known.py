from __future__ import annotations

from tests.conftest import codes

PERSON = "people/lin-meiling.yml"


def test_a_misspelt_role_is_an_error_at_the_id_with_the_closest_id(check):
    report = check({PERSON: "id: lin-meiling\nname: 林美玲\nroles: [membr]\ndeputy_for: [組長]\n"})
    assert codes(report) == ["HB080", "HB080"]
    first, second = report.problems
    # `roles: [` is 8 characters; `deputy_for: [` 13.
    assert (first.path, first.line, first.column, first.severity) == (PERSON, 3, 9, "error")
    assert "`roles` names the role `membr`" in first.message and "did you mean `member`?" in first.message
    assert (second.line, second.column) == (4, 14)
    assert "`deputy_for` names the role `組長`" in second.message and "did you mean `lead` (組長)?" in second.message


def test_the_message_is_in_the_handbooks_language(check):
    report = check({PERSON: "id: lin-meiling\nname: 林美玲\nroles: membr\n"}, language="zh-Hant")
    (problem,) = report.problems
    assert problem.message.startswith("`roles` 指定了角色 `membr`") and "是不是要寫 `member`" in problem.message


def test_known_roles_and_former_ids_pass(check):
    member = "id: member\ntitle: 組員\nreports_to: lead\naliases: [helper]\n"
    person = "id: lin-meiling\nname: 林美玲\nroles: [lead]\ndeputy_for: [helper]\n"
    assert check({"roles/member.yml": member, PERSON: person}).problems == ()
