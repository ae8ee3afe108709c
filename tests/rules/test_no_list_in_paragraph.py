from __future__ import annotations

from tests.conftest import codes

MEMBER = "roles/member.yml"


def test_a_dash_line_joined_to_a_summary_is_a_warning_on_that_line(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nsummary: 負責兩件事：\n  - 寫週報\nreports_to: lead\n"})
    assert codes(report) == ["HB063"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 4, 3, "warning")
    assert "joined to the `summary` text above" in problem.message


def test_a_summary_over_several_lines_passes(check):
    report = check(
        {MEMBER: "id: member\ntitle: 組員\nsummary: 負責寫週報，\n  並整理數據 - 每週一次。\nreports_to: lead\n"}
    )
    assert report.problems == ()
