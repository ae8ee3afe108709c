"""HB059: the placeholders `handbook new` writes are errors until the editor replaces them, naming the field."""

from __future__ import annotations

from tests.conftest import codes, handbook_in_process

MEMBER = "roles/member.yml"


def test_the_placeholder_title_of_a_new_role_is_an_error_naming_the_field(check):
    report = check({MEMBER: "id: member\ntitle: 新角色（請在這裡寫角色名稱）\nreports_to: lead\n"}, language="zh-Hant")
    assert codes(report) == ["HB059"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 2, 8, "error")
    assert (
        problem.message
        == "`title` 還是 `handbook new` 留下的範例文字「新角色（請在這裡寫角色名稱）」：請換成真正的內容"
    )


def test_a_placeholder_in_another_language_is_found_too_and_a_list_item_is_named_by_number(check):
    report = check(
        {MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nmetrics:\n  - 準時率\n  - A metric this role watches.\n"}
    )
    assert codes(report) == ["HB059"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (6, 5)
    assert "item 2 of `metrics`" in problem.message


def test_real_content_passes(check):
    report = check({MEMBER: "id: member\ntitle: 活動助理\nreports_to: lead\nsummary: 協助活動策劃專員準備物料。\n"})
    assert report.problems == ()


def test_an_editor_who_runs_handbook_new_and_validates_at_once_is_told_each_field_to_fill(write_handbook):
    root = write_handbook(
        {
            "mkdocs.yml": "site_name: 小組手冊\nsite_url: https://example.com/\n"
            "theme:\n  name: material\n  language: zh-Hant\n"
        }
    )
    written = handbook_in_process("new", "role", "intern", cwd=root)
    assert written.returncode == 0
    assert written.stderr.splitlines() == [
        "已寫入 roles/intern.yml",
        "接著請把 roles/intern.yml 裡的每一句範例文字換成真正的內容："
        "還沒換掉的，`handbook validate` 會逐一指出（HB059）",
    ]
    result = handbook_in_process("validate", ".", cwd=root)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if " HB059 " in line]
    assert [line.split(" HB059 ")[1].split("還是")[0] for line in lines] == [
        "`title` ",
        "`summary` ",
        "`responsibilities` 的第 1 項",
        "`metrics` 的第 1 項",
    ]
    assert all(line.startswith("roles/intern.yml:") for line in lines)
