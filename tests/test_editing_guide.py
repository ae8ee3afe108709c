"""The editors' page is the format's documentation: its complete examples must validate."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import yaml

from generator.rules.checking import check_handbook
from generator.source.reviews import ReviewSettings
from tests.conftest import REPO

GUIDE = REPO / "handbook" / "editing.md"


# The departments section's examples make a company handbook: they are checked on their own below.
DEPARTMENTS_SECTION = re.compile(r"^## 部門（公司手冊才需要）\n.*?(?=^## )", flags=re.DOTALL | re.MULTILINE)
# The people section's example is a people/ file: checked on its own below as well.
PEOPLE_SECTION = re.compile(r"^## 人員（選填）\n.*?(?=^## )", flags=re.DOTALL | re.MULTILINE)


def _examples(text: str | None = None) -> list[str]:
    if text is None:
        text = PEOPLE_SECTION.sub("", DEPARTMENTS_SECTION.sub("", GUIDE.read_text(encoding="utf-8")))
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)
    return [block for block in blocks if re.search(r"^id: ", block, flags=re.MULTILINE)]


def test_the_guides_complete_examples_validate_with_the_example_roles(tmp_path: Path) -> None:
    examples = _examples()
    assert len(examples) >= 2, "the guide shows a complete role and a complete process"
    shutil.copytree(REPO / "roles", tmp_path / "roles")
    (tmp_path / "processes").mkdir()
    for block in examples:
        data = yaml.safe_load(block)
        folder = "processes" if "stages" in data else "roles"
        (tmp_path / folder / f"{data['id']}.yml").write_text(block, encoding="utf-8")
    # The day after the review example's date: a fixed day, or the example would fall due as time passes.
    report = check_handbook(tmp_path, review=ReviewSettings(today=date(2026, 6, 2)))
    assert [str(p) for p in report.errors] == []
    # Nor a warning about the examples themselves: an editor copies them as they are.
    example_files = {
        f"{'processes' if 'stages' in yaml.safe_load(b) else 'roles'}/{yaml.safe_load(b)['id']}.yml" for b in examples
    }
    assert [str(p) for p in report.warnings if p.path in example_files] == []


def test_the_departments_examples_make_a_company_handbook_without_problems(tmp_path: Path) -> None:
    section = DEPARTMENTS_SECTION.search(GUIDE.read_text(encoding="utf-8"))
    assert section is not None
    examples = _examples(section.group(0))
    assert len(examples) == 2, "the section shows a complete department and its head's role"
    for block in examples:
        data = yaml.safe_load(block)
        folder = "departments" if "maintainers" in data else "roles"
        path = tmp_path / folder / f"{data['id']}.yml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(block, encoding="utf-8")
    # A process of the department, so its head takes part in a step.
    (tmp_path / "processes").mkdir()
    (tmp_path / "processes" / "weekly.yml").write_text(
        "id: weekly\ntitle: 每週例行\nowner: marketing-head\ndepartment: marketing\nstages:\n"
        "  - id: plan\n    title: 計劃\n    steps:\n      - id: write-plan\n        title: 撰寫計劃\n"
        "        raci:\n          R: [marketing-head]\n          A: marketing-head\n"
        "        checklist:\n          - 列出本週目標\n",
        encoding="utf-8",
    )
    report = check_handbook(tmp_path)
    assert [str(p) for p in report.problems] == []


def test_the_people_example_validates_in_the_example_handbook(tmp_path: Path) -> None:
    section = PEOPLE_SECTION.search(GUIDE.read_text(encoding="utf-8"))
    assert section is not None
    (example,) = _examples(section.group(0))
    for folder in ("roles", "processes", "people"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "people" / "zhou-xiaoan.yml").write_text(example, encoding="utf-8")
    report = check_handbook(tmp_path)
    assert [str(p) for p in report.problems] == []
    (person,) = [person for person in report.handbook.people if person.id == "zhou-xiaoan"]
    assert (person.name, [ref.role_id for ref in person.roles], person.github) == (
        "周小安",
        ["market-research"],
        "zhou-xiaoan",
    )
    # Every field of the person schema is in the section's table.
    schema = yaml.safe_load((REPO / "generator" / "schema" / "person.schema.json").read_text(encoding="utf-8"))
    assert all(f"| `{field}` |" in section.group(0) for field in schema["properties"])
