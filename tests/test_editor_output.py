"""What an editor or reviewer reads from the command line on a Chinese handbook: every line in its language.

Each test does what a department head or a reviewer does (a typo in a revision, a
reworded checklist item, `codeowners` on a handbook without departments, a CI
annotation, a build of another folder) and reads what is printed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, WriteHandbook, handbook_in_process

CHINESE = (
    "site_name: 小組手冊\nsite_url: https://handbook.example.com/\ntheme:\n  name: material\n  language: zh-Hant\n"
)


def git(root: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run([*command, *args], cwd=root, capture_output=True, check=True)


@pytest.fixture
def chinese_repo(write_handbook: WriteHandbook) -> Path:
    root = write_handbook({"mkdocs.yml": CHINESE})
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "base")
    return root


def test_diff_on_a_mistyped_revision_says_so_in_the_handbooks_language(chinese_repo: Path) -> None:
    result = handbook_in_process("diff", "HEAD~5x", cwd=chinese_repo)
    assert result.returncode == 2
    assert result.stderr == (
        "handbook: 這個儲存庫沒有 `HEAD~5x` 這個版本："
        "請檢查名稱（分支、標籤或 HEAD~1 這類寫法），或先用 git fetch 取得它\n"
    )


def test_diff_outside_a_repository_says_so_in_the_handbooks_language(write_handbook: WriteHandbook) -> None:
    root = write_handbook({"mkdocs.yml": CHINESE})
    result = handbook_in_process("diff", "main", cwd=root)
    assert result.returncode == 2
    assert "不在 git 儲存庫裡" in result.stderr
    assert "fatal" not in result.stderr and "Traceback" not in result.stderr


def test_a_reworded_checklist_item_reads_old_before_new(chinese_repo: Path) -> None:
    process = chinese_repo / "processes" / "weekly.yml"
    process.write_text(process.read_text(encoding="utf-8").replace("列出本週目標", "列出本週三個目標"), "utf-8")
    result = handbook_in_process("diff", "HEAD", cwd=chinese_repo)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    old, new = lines.index("    - ➖ `列出本週目標`"), lines.index("    - ➕ `列出本週三個目標`")
    assert old < new


def test_codeowners_without_departments_says_nothing_is_assigned_and_leaves_the_file_alone(
    write_handbook: WriteHandbook,
) -> None:
    root = write_handbook({"mkdocs.yml": CHINESE, ".github/CODEOWNERS": "* @written-by-hand\n"})
    result = handbook_in_process("codeowners", ".", cwd=root)
    assert result.returncode == 1
    assert result.stderr.startswith("handbook: 沒有寫出 CODEOWNERS：目前沒有任何檔案指定了核准的人")
    assert "maintainers" in result.stderr
    assert (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == "* @written-by-hand\n"
    # Printing it instead of writing it refuses the same way, with nothing on stdout.
    printed = handbook_in_process("codeowners", ".", "--output", "-", cwd=root)
    assert (printed.returncode, printed.stdout) == (1, "")


def test_codeowners_with_the_handbooks_maintainers_writes_them_and_says_so(write_handbook: WriteHandbook) -> None:
    config = CHINESE + 'plugins:\n  - handbook:\n      maintainers: ["@acme/handbook"]\n'
    root = write_handbook({"mkdocs.yml": config})
    result = handbook_in_process("codeowners", ".", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "handbook: 已寫入 .github/CODEOWNERS\n"
    assert "@acme/handbook" in (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


def test_codeowners_on_a_broken_handbook_says_fix_the_errors_first_in_the_handbooks_language(
    write_handbook: WriteHandbook,
) -> None:
    root = write_handbook({"mkdocs.yml": CHINESE, "roles/member.yml": "id: member\ntitle: 組員\nreports_to: nobody\n"})
    result = handbook_in_process("codeowners", ".", cwd=root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "handbook: 沒有寫出 CODEOWNERS：請先修正上面的錯誤"


def test_github_annotations_put_a_space_between_a_code_span_and_chinese(write_handbook: WriteHandbook) -> None:
    root = write_handbook(
        {
            "mkdocs.yml": CHINESE,
            "processes/weekly.yml": "id: weekly\ntitle: 每週例行\nowner: lead\nstages:\n"
            "  - id: plan\n    title: 計劃\n    steps:\n"
            "      - id: write-plan\n        title: 撰寫計劃\n        raci:\n          R: [member]\n          A: lead\n"
            "          C: [ghost]\n",
            "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nsummary: 負責<b>整理</b>\n",
        }
    )
    result = handbook_in_process("validate", ".", "--format", "github", cwd=root)
    messages = [line.split("::", 2)[2] for line in result.stdout.splitlines()]
    assert any(message.startswith("步驟 `write-plan` 的 `C` 指定了角色 `ghost`") for message in messages), messages
    assert any(message.startswith("`summary` 含有 HTML 標籤 `<b>`") for message in messages), messages
    assert not any("`指" in message or "`含" in message for message in messages)


@pytest.mark.slow
def test_the_hint_after_building_another_folder_names_that_folder(tmp_path: Path) -> None:
    company = tmp_path / "tests" / "examples" / "company"
    shutil.copytree(REPO / "tests" / "examples" / "company", company)
    result = handbook_in_process("build", "tests/examples/company", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    hint = result.stderr.splitlines()[-1]
    # The company example is published under /acme/ (its site_url): the preview serves it there.
    assert hint == "預覽：執行 handbook serve tests/examples/company，再打開 http://127.0.0.1:8000/acme/"
    assert "make serve" not in result.stderr
