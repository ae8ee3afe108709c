"""Real MkDocs builds, shared by the site tests."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from generator.search.text import Folding
from tests.conftest import REPO, build_in_process, handbook_in_process

__all__ = ["build_in_process"]  # kept importable from here for the site tests

HANDBOOK_CLI = shutil.which("handbook") or str(Path(sys.executable).parent / "handbook")


def run_handbook(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HANDBOOK_CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=_quiet_env())


def build_handbook(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """`handbook build ARGS` in this process (tests/conftest.handbook_in_process), for tests of the site it writes.

    The same command as `run_handbook("build", ...)` without the second or two a new process
    spends importing MkDocs, the theme and the tool. Its findings and its own lines are in
    stderr; MkDocs' log lines are not (pytest holds the log): tests of those use `run_handbook`.
    """
    return handbook_in_process("build", *args, cwd=cwd)


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


class SearchIndex:
    """The handbook's search index of a built site (generator.search), read back the way the box reads it.

    Only lookups, no ranking: which pages hold a query's words, and which pages have a
    thing *named* exactly as the query (what the box ranks first).
    """

    def __init__(self, site: Path) -> None:
        from generator.search import SEARCH_FOLDER

        self.folder = site / SEARCH_FOLDER
        self.meta: dict[str, Any] = json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))
        chars = list(self.meta["fold"])
        self._fold = Folding(dict(zip(chars[::2], chars[1::2], strict=True)))

    @property
    def labels(self) -> dict[str, str]:
        """The box's words in the handbook's language (labels.json, loaded with every page)."""
        labels: dict[str, str] = json.loads((self.folder / "labels.json").read_text(encoding="utf-8"))
        return labels

    def tokens(self, query: str) -> list[str]:
        from generator.search.text import query_tokens

        return query_tokens(self._fold(query))

    def _entry(self, key: str) -> list[int]:
        from generator.search.index import fnv1a

        shard = fnv1a(key.removeprefix("!")) % self.meta["shards"]
        values: list[int] = json.loads((self.folder / "shards" / f"{shard}.json").read_text(encoding="utf-8")).get(
            key, []
        )
        return values

    @staticmethod
    def _rows(values: list[int], width: int) -> list[list[int]]:
        """Undo the index's steps between section numbers: rows of [section, …]."""
        rows, section = [], 0
        for start in range(0, len(values), width):
            section += values[start]
            rows.append([section, *values[start + 1 : start + width]])
        return rows

    def page_url(self, section: int) -> str:
        return str(self.meta["pages"][self.meta["sections"][section]][0])

    def pages_with_words(self, query: str) -> set[str]:
        """Pages with a section that holds every token of the query."""
        sections: set[int] | None = None
        for token in self.tokens(query):
            found = {row[0] for row in self._rows(self._entry(token)[1:], 2)}
            sections = found if sections is None else sections & found
        return {self.page_url(section) for section in sections or ()}

    def pages_named(self, query: str) -> set[str]:
        """Pages with a section that has a name made of exactly the query's tokens (a role's title, a term …)."""
        tokens = self.tokens(query)
        names: set[tuple[int, int]] | None = None
        for token in tokens:
            found = {(row[0], row[1]) for row in self._rows(self._entry("!" + token), 3) if row[2] == len(tokens)}
            names = found if names is None else names & found
        return {self.page_url(section) for section, _ in names or ()}

    def files(self) -> list[Path]:
        """Every file of the index: labels.json, meta.json, the shards and the section texts."""
        return sorted(path for path in self.folder.rglob("*.json") if path.is_file())

    def section_texts(self) -> list[str]:
        """Every string the box may show of a section: anchor, heading, kind, context, text."""
        texts = []
        for path in sorted((self.folder / "sections").glob("*.json")):
            for row in json.loads(path.read_text(encoding="utf-8")):
                texts.extend(value for value in row if isinstance(value, str))
        return texts
