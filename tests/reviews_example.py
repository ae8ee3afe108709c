"""The example handbook with one role overdue for review and one reviewed lately, built with a fixed today.

Shared by tests/site/test_reviews_site.py and tests/browser/test_reviews_phone.py (one build per run,
through `built_once`). As issue 21's "Done when" says: `market-research` was last reviewed on
2025-01-01 with `review_in: 6 months` (due 2025-07-01), `new-media` on 2026-11-01; today is 2026-12-01.
`market-research` is reviewed by itself (`owner:`), and its title carries markup that must stay text.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_example

TODAY = "2026-12-01"
HOSTILE_TITLE = '市場調研專員 <b>x</b> {{ y }} "q"'


def write_overdue_example(target: Path) -> None:
    copy_example(target)
    role = target / "roles" / "market-research.yml"
    text = role.read_text(encoding="utf-8").replace("title: 市場調研專員\n", f"title: '{HOSTILE_TITLE}'\n", 1)
    role.write_text(
        text + "owner: market-research\nlast_reviewed_on: 2025-01-01\nreview_in: 6 months\n", encoding="utf-8"
    )
    media = target / "roles" / "new-media.yml"
    media.write_text(media.read_text(encoding="utf-8") + "last_reviewed_on: 2026-11-01\n", encoding="utf-8")


def build(root: Path, site: Path, *, engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    handbook = Path(sys.executable).parent / "handbook"
    arguments = [str(handbook), "build", ".", "--today", TODAY, "--site-dir", str(site), "--engine", engine]
    return subprocess.run(
        arguments,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def build_overdue_example(folder: Path) -> None:
    """`built_once`'s build: the handbook in folder/handbook, its site in folder/site."""
    root = folder / "handbook"
    root.mkdir(parents=True)
    write_overdue_example(root)
    result = build(root, folder / "site")
    assert result.returncode == 0, result.stderr
