from __future__ import annotations

import os

from generator.rules.checking import check_handbook
from tests.conftest import codes


def test_a_link_among_the_roles_is_an_error_naming_the_link(write_handbook, tmp_path):
    root = write_handbook()
    (tmp_path / "elsewhere.yml").write_text("id: elsewhere\ntitle: 外面\n", encoding="utf-8")
    (root / "roles" / "elsewhere.yml").symlink_to(tmp_path / "elsewhere.yml")
    report = check_handbook(root)
    assert codes(report) == ["HB006"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/elsewhere.yml", 1, 1, "error")
    assert "symbolic link" in problem.message and "elsewhere.yml" not in problem.message
    assert "elsewhere" not in report.handbook.role_by_id


def test_a_pipe_is_an_error(write_handbook):
    root = write_handbook()
    os.mkfifo(root / "processes" / "later.yml")
    report = check_handbook(root)
    assert [(p.code, p.path) for p in report.problems] == [("HB006", "processes/later.yml")]
    assert "named pipe" in report.problems[0].message


def test_ordinary_files_and_folders_pass(check):
    report = check({"roles/helper.yml": "id: helper\ntitle: 助理\nreports_to: lead\n"})
    assert "HB006" not in codes(report)
