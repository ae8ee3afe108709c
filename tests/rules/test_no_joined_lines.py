from __future__ import annotations

from tests.conftest import codes

MEMBER = "roles/member.yml"


def _role(responsibilities: str) -> dict[str, str]:
    return {MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nresponsibilities:\n" + responsibilities}


def test_an_item_indented_too_far_is_an_error_on_its_line_with_the_column_of_the_dash(check):
    report = check(_role("  - 確認預算\n    - 通知團隊\n"))
    assert codes(report) == ["HB060"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 6, 5, "error")
    assert "joined to the item above, which now reads “確認預算 - 通知團隊”" in problem.message
    assert "move its `-` to column 3" in problem.message


def test_an_item_without_its_dash_is_told_to_start_with_one(check):
    report = check(_role("  - 確認預算\n    通知團隊\n"))
    (problem,) = report.problems
    assert (problem.code, problem.line, problem.column) == ("HB060", 6, 5)
    assert "start it with `- ` at column 3" in problem.message


def test_each_joined_line_is_reported(check):
    report = check(_role("  - 確認預算\n    - 通知團隊\n    - 訂會議室\n"))
    assert [(p.code, p.line) for p in report.problems] == [("HB060", 6), ("HB060", 7)]


def test_a_title_over_two_lines_names_the_key_and_its_column(check):
    report = check({MEMBER: "id: member\ntitle: 組\n  員\nreports_to: lead\n"})
    (problem,) = report.problems
    assert (problem.code, problem.line, problem.column) == ("HB060", 3, 3)
    assert "joined to `title` above, which now reads “組 員”" in problem.message
    assert "column 1, under `title`" in problem.message


def test_items_in_line_quoted_values_and_paragraphs_pass(check):
    report = check(
        {
            MEMBER: "id: member\ntitle: 組員\nsummary: 第一句，\n  第二句。\nreports_to: lead\n"
            'responsibilities:\n  - 確認預算\n  - "通知\n    團隊"\n  - >\n    整理\n    數據\n'
        }
    )
    assert report.problems == ()


def test_an_item_of_a_flow_list_over_two_lines_names_the_key_not_a_dash(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nmetrics: [準時-率, 完成\n  度]\n"})
    (problem,) = report.problems
    assert (problem.code, problem.line, problem.column) == ("HB060", 5, 3)
    assert "joined to `metrics` above, which now reads “完成 度”" in problem.message
