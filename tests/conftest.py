"""Shared fixtures: small handbooks written to a temporary folder."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from generator.rules.checking import Report, check_handbook

REPO = Path(__file__).resolve().parent.parent

# The smallest handbook that validates clean: two roles and one process of one step.
MINIMAL: dict[str, str] = {
    "roles/lead.yml": """\
        id: lead
        title: 組長
        """,
    "roles/member.yml": """\
        id: member
        title: 組員
        reports_to: lead
        """,
    "processes/weekly.yml": """\
        id: weekly
        title: 每週例行
        owner: lead
        stages:
          - id: plan
            title: 計劃
            steps:
              - id: write-plan
                title: 撰寫計劃
                raci:
                  R: [member]
                  A: lead
                checklist:
                  - 列出本週目標
        """,
}

WriteHandbook = Callable[..., Path]


@pytest.fixture
def write_handbook(tmp_path: Path) -> WriteHandbook:
    """Write MINIMAL, with some files replaced (a None value deletes a file), and return its folder.

    Text values are dedented; bytes values are written as they are.
    """

    def write(files: Mapping[str, str | bytes | None] | None = None, *, base: Mapping[str, str] = MINIMAL) -> Path:
        root = tmp_path / "handbook"
        merged: dict[str, str | bytes | None] = {**base, **(files or {})}
        for relative, content in merged.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if content is None:
                continue
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        return root

    return write


@pytest.fixture
def check(write_handbook: WriteHandbook) -> Callable[..., Report]:
    """Write a handbook (see write_handbook) and check it."""

    def run(files: Mapping[str, str | bytes | None] | None = None, **kwargs: object) -> Report:
        return check_handbook(write_handbook(files), **kwargs)  # type: ignore[arg-type]

    return run


def codes(report: Report) -> list[str]:
    return [problem.code for problem in report.problems]
