from __future__ import annotations

from tests.conftest import codes


def test_an_account_listed_twice_is_a_warning_at_the_repeat(check):
    member = "id: member\ntitle: 組員\nreports_to: lead\naccounts:\n  - 社群後台\n  - 共用硬碟\n  - ' 社群後台'\n"
    report = check({"roles/member.yml": member})
    assert codes(report) == ["HB043"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/member.yml", 7, 5, "warning")
    assert "(item 3, already item 1)" in problem.message


def test_the_same_words_in_tools_and_accounts_are_two_things_and_pass(check):
    member = "id: member\ntitle: 組員\nreports_to: lead\ntools:\n  - CRM\naccounts:\n  - CRM\n"
    assert check({"roles/member.yml": member}).problems == ()
