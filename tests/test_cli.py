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
    assert problems[0] == "roles/member.yml:1:1: error HB010 this role has no `title`: add `title:` — it is required"
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
        assert set(problem) == {"path", "line", "column", "severity", "code", "rule", "message"}
    assert problems[1] == {
        "path": "roles/member.yml",
        "line": 2,
        "column": 1,
        "severity": "error",
        "code": "HB011",
        "rule": "unknown-key",
        "message": problems[1]["message"],
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


def test_the_example_handbook_validates_clean():
    result = handbook("validate", REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "no problems" in result.stderr


def test_paths_are_relative_to_the_current_folder_when_the_handbook_is_a_subfolder(write_handbook):
    root = write_handbook({"roles/member.yml": "id: member\n"})
    result = handbook("validate", root.name, "--format", "github", cwd=root.parent)
    assert result.returncode == 1
    assert result.stdout.startswith(f"::error file={root.name}/roles/member.yml,line=1,col=1,")
