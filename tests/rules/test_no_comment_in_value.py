from __future__ import annotations

import pytest

from tests.conftest import codes

MEMBER = "roles/member.yml"


def _member(title: str, extra: str = "") -> dict[str, str]:
    return {MEMBER: f"id: member\ntitle: {title}\nreports_to: lead\n{extra}"}


def test_a_hash_in_a_title_is_a_warning_at_the_hash_with_the_quoted_fix(check):
    report = check(_member("第 #1 週報"))
    assert codes(report) == ["HB062"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 2, 10, "warning")
    assert "`title` reads “第”" in problem.message
    assert "'第 #1 週報'" in problem.message


@pytest.mark.parametrize(
    ("item", "column"),
    [("檢查 UTM #重要", 12), ("檢查 UTM  # 重要的事", 13), ("檢查 UTM\t#重要", 12)],
    ids=["one space", "two spaces", "tab"],
)
def test_a_note_after_a_list_item_is_reported(check, item, column):
    report = check(_member("組員", f"responsibilities:\n  - {item}\n"))
    (problem,) = report.problems
    assert (problem.code, problem.line, problem.column) == ("HB062", 5, column)
    assert "item 1 of `responsibilities` reads “檢查 UTM”" in problem.message


def test_an_empty_value_followed_by_hash_text_lost_that_text(check):
    report = check(_member("#1 週報"))
    assert ("HB062", 2) in [(p.code, p.line) for p in report.problems]


@pytest.mark.parametrize(
    "files",
    [
        _member("組員", "# 每週一更新\nresponsibilities:\n  # 依重要性排序\n  - 寫週報\n"),
        _member("組員", "responsibilities:  # 依重要性排序\n  - 寫週報\n"),
        _member('"第 #1 週報"  # 引號內是標題'),
        _member("第＃1 週報"),
        _member("第　#1 週報"),
        _member("組員", "aliases: [helper]  # 舊的 id\n"),
    ],
    ids=["own line", "after a key", "after a quoted value", "full-width hash", "after a full-width space", "after ids"],
)
def test_comments_that_lose_nothing_pass(check, files):
    assert "HB062" not in codes(check(files))
