"""A save from the editor changes a file the way a person would (generator/source/yaml_editing.py)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from generator.source.yaml_editing import edited_text
from tests.conftest import REPO

SCHEMA_LINE = "# yaml-language-server: $schema=../generator/schema/role.schema.json"


def _kind(path: Path) -> str:
    return (
        "glossary"
        if path.name == "glossary.yml"
        else {"roles": "role", "processes": "process"}.get(path.parent.name, "department")
    )


EXAMPLE_FILES = [
    *sorted((REPO / "roles").glob("*.yml")),
    *sorted((REPO / "processes").glob("*.yml")),
    REPO / "glossary.yml",
    *sorted((REPO / "tests/examples/company").glob("*/*.yml")),
]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: path.relative_to(REPO).as_posix())
def test_the_same_data_writes_the_file_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert edited_text(text, yaml.safe_load(text), kind=_kind(path), schema_line="#") == text  # type: ignore[arg-type]


def test_one_change_is_one_line_and_comments_and_flow_lists_stay() -> None:
    text = (REPO / "processes/campaign-lifecycle.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    step = data["stages"][0]["steps"][1]
    step["raci"]["A"] = "brand-promotion"
    step["checklist"].append("新的一項: 含冒號 # 與井號")
    out = edited_text(text, data, kind="process", schema_line="#")
    changed = [
        line
        for line in difflib.unified_diff(text.splitlines(), out.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-          A: event-planning",
        "+          A: brand-promotion",
        "+          - '新的一項: 含冒號 # 與井號'",
    ]
    assert yaml.safe_load(out) == data
    assert "# 舊 id：流程改名前的連結（含各階段頁）仍會自動轉到新位置。" in out


def test_a_new_field_goes_where_the_schema_puts_it_and_a_cleared_one_goes() -> None:
    text = f"{SCHEMA_LINE}\nid: lead\ntitle: 組長\nsummary: 帶人\nmetrics:\n  - 準時率\n"
    data = {"id": "lead", "title": "組長", "summary": "", "reports_to": "boss", "metrics": ["準時率"]}
    out = edited_text(text, data, kind="role", schema_line=SCHEMA_LINE)
    assert out == f"{SCHEMA_LINE}\nid: lead\ntitle: 組長\nreports_to: boss\nmetrics:\n  - 準時率\n"


def test_a_new_file_is_block_style_in_field_order_under_the_schema_line() -> None:
    hostile = ["<script>alert(1)</script>", "{{ x }}", "- 不是清單", "a: b", "#標籤", "'引號\"", "yes", "0123"]
    data = {"responsibilities": hostile, "title": "新角色", "id": "new-role", "external": False}
    out = edited_text(None, data, kind="role", schema_line=SCHEMA_LINE)
    lines = out.splitlines()
    assert lines[:3] == [SCHEMA_LINE, "id: new-role", "title: 新角色"]
    assert "responsibilities:" in lines and "[" not in lines[lines.index("responsibilities:") + 1]
    # `external: false` is the default: not written, as a person would not write it.
    assert yaml.safe_load(out) == {"id": "new-role", "title": "新角色", "responsibilities": hostile}
