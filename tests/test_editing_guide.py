"""The editors' page is the format's documentation: its complete examples must validate."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator.checking import check_handbook
from tests.conftest import REPO

GUIDE = REPO / "handbook" / "editing.md"


def _examples() -> list[str]:
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.DOTALL)
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
    report = check_handbook(tmp_path)
    assert [str(p) for p in report.errors] == []
    # Nor a warning about the examples themselves: an editor copies them as they are.
    example_files = {
        f"{'processes' if 'stages' in yaml.safe_load(b) else 'roles'}/{yaml.safe_load(b)['id']}.yml" for b in examples
    }
    assert [str(p) for p in report.warnings if p.path in example_files] == []
