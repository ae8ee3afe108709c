"""Break the real example the ways editors do, and check the validator points at the exact spot."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, handbook_in_process
from tests.site.conftest import build_handbook

PROCESS = "processes/marketing-management.yml"
ROLE = "roles/brand-promotion.yml"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    for folder in ("roles", "processes", "people", "handbook"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    for name in ("mkdocs.yml", "glossary.yml"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, tmp_path / name)
    return tmp_path


def _edit(root: Path, relative: str, change: Callable[[list[str]], tuple[list[str], int, int]]) -> tuple[int, int]:
    """Apply `change` to the file's lines; it returns the new lines and the 1-based spot to expect."""
    path = root / relative
    lines, line, column = change(path.read_text(encoding="utf-8").splitlines())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return line, column


def remove_first_owner(lines: list[str]) -> tuple[list[str], int, int]:
    index = next(i for i, text in enumerate(lines) if text.strip().startswith("A:"))
    raci = max(i for i in range(index) if lines[i].strip() == "raci:")
    return lines[:index] + lines[index + 1 :], raci + 1, lines[raci].index("raci:") + 1


def misspell_first_responsible(lines: list[str]) -> tuple[list[str], int, int]:
    index = next(i for i, text in enumerate(lines) if re.search(r"R: \[market-research", text))
    lines[index] = lines[index].replace("market-research", "market-reserch", 1)
    return lines, index + 1, lines[index].index("market-reserch") + 1


def indent_title_with_tab(lines: list[str]) -> tuple[list[str], int, int]:
    index = next(i for i, text in enumerate(lines) if text.startswith("responsibilities:"))
    item = index + 1
    lines[item] = "\t" + lines[item].lstrip(" ")
    return lines, item + 1, 1


def duplicate_summary(lines: list[str]) -> tuple[list[str], int, int]:
    title = next(i for i, text in enumerate(lines) if text.startswith("title:"))
    original = next(i for i, text in enumerate(lines) if text.startswith("summary:"))
    assert original > title
    # The second `summary:` is the one reported: the original, pushed down one line.
    return [*lines[: title + 1], "summary: 重複的簡介", *lines[title + 1 :]], original + 2, 1


@pytest.mark.parametrize(
    ("relative", "change", "code", "hint"),
    [
        (PROCESS, remove_first_owner, "HB101", "A:"),
        (PROCESS, misspell_first_responsible, "HB030", "market-research"),
        (ROLE, indent_title_with_tab, "HB001", "Tab"),  # the example is zh-Hant: messages are too
        (ROLE, duplicate_summary, "HB004", "summary"),
    ],
    ids=["no-owner", "misspelt-role", "tab", "duplicate-key"],
)
def test_broken_example_is_reported_at_the_exact_spot(example: Path, relative, change, code, hint) -> None:
    line, column = _edit(example, relative, change)
    result = handbook_in_process("validate", ".", cwd=example)
    assert result.returncode == 1, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{relative}:{line}:{column}: error {code} "), first
    assert hint in first
    assert "Traceback" not in result.stderr


def test_make_site_fails_on_a_broken_example_and_keeps_the_previous_site(example: Path) -> None:
    assert build_handbook(".", cwd=example).returncode == 0
    before = (example / "site" / "roles" / "brand-promotion" / "index.html").read_bytes()
    _edit(example, PROCESS, remove_first_owner)
    failed = build_handbook(".", cwd=example)
    assert failed.returncode == 1
    assert "HB101" in failed.stderr
    assert (example / "site" / "roles" / "brand-promotion" / "index.html").read_bytes() == before
