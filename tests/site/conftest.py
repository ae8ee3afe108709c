"""Real MkDocs builds, shared by the site tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from tests.conftest import REPO, build_in_process

__all__ = ["build_in_process"]  # kept importable from here for the site tests

HANDBOOK_CLI = shutil.which("handbook") or str(Path(sys.executable).parent / "handbook")


def run_handbook(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HANDBOOK_CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=_quiet_env())


def run_mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    mkdocs = str(Path(HANDBOOK_CLI).parent / "mkdocs")
    return subprocess.run([mkdocs, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=_quiet_env())


def _quiet_env() -> dict[str, str]:
    import os

    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def read_html(site: Path, url_path: str) -> BeautifulSoup:
    """Parse the page MkDocs wrote for a directory URL such as `roles/lead/`."""
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def heading_text(element: Any) -> str:
    """A heading's text without the ¶ permalink MkDocs appends."""
    for link in element.select("a.headerlink"):
        link.extract()
    return str(element.get_text(strip=True))


MKDOCS_YML = """\
site_name: Test handbook
site_url: {site_url}
docs_dir: docs
repo_url: https://git.example.com/team/handbook
edit_uri: edit/main/docs/
theme:
  name: material
  language: {language}
  font: false
plugins:
  - search
  - handbook
markdown_extensions:
  - attr_list
  - pymdownx.tasklist:
      custom_checkbox: true
  - pymdownx.superfences
"""


def make_site_project(
    root: Path,
    *,
    language: str = "zh-Hant",
    home: str = "# Home\n",
    site_url: str = "https://handbook.example.com/test/",
) -> Path:
    """Add mkdocs.yml and a docs/ folder to a handbook written by `write_handbook`.

    The site has an address (`site_url`) as a published one should: without it every
    `--strict` build would stop on HB109.
    """
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(language=language, site_url=site_url), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text(home, encoding="utf-8")
    return root
