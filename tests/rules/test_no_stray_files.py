from __future__ import annotations

from tests.conftest import codes


def test_an_editor_backup_is_a_warning(check):
    report = check({"roles/member.yml~": "id: member\ntitle: 組員\n"})
    assert codes(report) == ["HB008"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/member.yml~", 1, 1, "warning")
    assert "delete it or keep it outside `roles/`" in problem.message


def test_a_note_in_a_subfolder_is_a_warning(check):
    report = check({"processes/drafts/ideas.txt": "下一季的想法"})
    assert [(p.code, p.path) for p in report.problems] == [("HB008", "processes/drafts/ideas.txt")]


def test_hidden_files_pass_silently(check):
    report = check({"roles/.gitkeep": "", "processes/.weekly.yml.swp": "swap", "roles/.drafts/x.txt": "x"})
    assert report.problems == ()
