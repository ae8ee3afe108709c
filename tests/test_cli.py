"""The real `handbook` console script, run as a user would run it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO

HANDBOOK = shutil.which("handbook") or str(Path(sys.executable).parent / "handbook")
TEXT_LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning) (?P<code>HB\d{3}) .+$"
)
MISSPELT_TITLE = {"roles/member.yml": "id: member\ntitel: 組員\nreports_to: lead\n"}


def handbook(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [HANDBOOK, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**os.environ, "PYTHONUTF8": "1"},
        timeout=60,
        check=False,
    )


def test_clean_handbook_exits_0_and_prints_nothing_on_stdout(write_handbook):
    result = handbook("validate", write_handbook())
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "ok: 2 roles and 1 processes, no problems" in result.stderr


def test_default_directory_is_the_current_one(write_handbook):
    result = handbook("validate", cwd=write_handbook())
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_errors_exit_1_with_one_line_per_problem(write_handbook):
    result = handbook("validate", write_handbook(MISSPELT_TITLE))
    assert result.returncode == 1, result.stderr
    *problems, summary = result.stdout.splitlines()
    assert len(problems) == 2
    assert problems[0] == (
        "roles/member.yml:1:1: error HB010 this role has no `title`: add `title:` — it is required (rules/#hb010)"
    )
    assert problems[1].startswith("roles/member.yml:2:1: error HB011 unknown key `titel` in this role: did you mean")
    assert all(TEXT_LINE.match(line) for line in problems)
    assert summary == "2 error(s), 0 warning(s)"
    assert "Traceback" not in result.stderr


def test_json_format_lists_problems_with_exactly_the_documented_keys(write_handbook):
    result = handbook("validate", write_handbook(MISSPELT_TITLE), "--format", "json")
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)
    assert isinstance(problems, list) and len(problems) == 2
    for problem in problems:
        assert set(problem) == {"path", "line", "column", "severity", "code", "rule", "message", "url"}
    assert problems[1] == {
        "path": "roles/member.yml",
        "line": 2,
        "column": 1,
        "severity": "error",
        "code": "HB011",
        "rule": "unknown-key",
        "message": problems[1]["message"],
        "url": "rules/#hb011",
    }
    # Chinese text is written as it is, not as \u escapes.
    assert "did you mean `title`?" in problems[1]["message"]


def test_json_format_of_a_clean_handbook_is_an_empty_list(write_handbook):
    result = handbook("validate", write_handbook(), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_github_format_prints_workflow_commands(write_handbook):
    result = handbook("validate", write_handbook(MISSPELT_TITLE), "--format", "github")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=roles/member.yml,line=1,col=1,title=HB010 required-field::")
    assert lines[1].startswith("::error file=roles/member.yml,line=2,col=1,title=HB011 unknown-key::")


def test_warnings_alone_exit_0(write_handbook):
    root = write_handbook(MISSPELT_TITLE)
    mkdocs = """\
        site_name: test
        site_url: https://handbook.example.com/
        plugins:
          - handbook:
              rules:
                HB010: warning
                unknown-key: warning
        """
    (root / "mkdocs.yml").write_text(textwrap.dedent(mkdocs), encoding="utf-8")
    result = handbook("validate", root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0 error(s), 2 warning(s)"
    assert "roles/member.yml:2:1: warning HB011 " in result.stdout


def test_folder_without_roles_or_processes_exits_2_with_a_plain_message(tmp_path):
    (tmp_path / "docs").mkdir()
    result = handbook("validate", tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("handbook: ")
    assert "has no roles/ or processes/ folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_folder_exits_2_with_a_plain_message(tmp_path):
    result = handbook("validate", tmp_path / "nowhere")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_format_is_a_usage_error(write_handbook):
    result = handbook("validate", write_handbook(), "--format", "xml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_the_example_handbook_validates_clean_even_with_strict():
    result = handbook("validate", REPO, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    # The example's mkdocs.yml says zh-Hant, so the tool answers in Traditional Chinese.
    assert "沒有問題" in result.stderr
    assert "no problems" in handbook("validate", REPO, "--lang", "en").stderr


def test_paths_are_relative_to_the_current_folder_when_the_handbook_is_a_subfolder(write_handbook):
    root = write_handbook({"roles/member.yml": "id: member\n"})
    result = handbook("validate", root.name, "--format", "github", cwd=root.parent)
    assert result.returncode == 1
    assert result.stdout.startswith(f"::error file={root.name}/roles/member.yml,line=1,col=1,")


HTML_SUMMARY = {"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nsummary: 負責<b>品牌</b>\n"}


def test_warnings_exit_0_but_1_with_strict(write_handbook):
    root = write_handbook(HTML_SUMMARY)
    relaxed = handbook("validate", root)
    assert relaxed.returncode == 0, relaxed.stdout
    assert "warning HB055" in relaxed.stdout
    strict = handbook("validate", root, "--strict")
    assert strict.returncode == 1
    assert strict.stdout == relaxed.stdout


def test_build_strict_refuses_a_handbook_with_warnings(write_handbook):
    root = write_handbook(HTML_SUMMARY)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: T\nsite_url: https://handbook.example.com/\ndocs_dir: docs\n"
        "theme:\n  name: material\n  language: zh-Hant\nplugins:\n  - handbook\n",
        encoding="utf-8",
    )
    result = handbook("build", root, "--strict")
    assert result.returncode == 1
    assert "warning HB055" in result.stderr and "--strict" in result.stderr
    assert not (root / "site").exists()


def test_messages_follow_the_theme_language_and_lang_overrides_it(write_handbook):
    root = write_handbook(MISSPELT_TITLE)
    (root / "mkdocs.yml").write_text(
        "site_name: T\nsite_url: https://handbook.example.com/\ntheme:\n  name: material\n  language: zh-Hant\n",
        encoding="utf-8",
    )
    chinese = handbook("validate", root)
    assert chinese.stdout.splitlines()[0] == (
        "roles/member.yml:1:1: error HB010 這個角色沒有 `title`：請加上 `title:`——這是必填欄位"
        " (https://handbook.example.com/rules/#hb010)"
    )
    assert chinese.stdout.splitlines()[-1] == "2 個錯誤，0 個警告"
    english = handbook("validate", root, "--lang", "en")
    assert english.stdout.splitlines()[-1] == "2 error(s), 0 warning(s)"
    simplified = handbook("validate", root, "--lang", "zh-Hans", "--format", "json")
    assert json.loads(simplified.stdout)[0]["message"] == "这个角色没有 `title`：请加上 `title:`——这是必填字段"
