"""The example handbook built twice: with the handbook's search, and with Material's defaults."""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO
from tests.site.conftest import run_handbook

SOURCES = ("roles", "processes", "handbook", "glossary.yml", "mkdocs.yml")


def material_defaults(mkdocs_yml: str) -> str:
    """The example's mkdocs.yml with Material's default search: its own separator, no extra
    words or jieba dictionary from the handbook, the index as Material writes it."""
    without_separator = re.sub(r"\n      separator: .*", "", mkdocs_yml)
    without_separator = re.sub(r"\n  - search:\n(      #.*\n)*", "\n  - search\n", without_separator + "\n")
    return without_separator.replace(
        "\n  - handbook:\n", "\n  - handbook:\n      search_extras: false\n      compact_search_index: false\n", 1
    )


def _copy_example(target: Path) -> None:
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)


@contextlib.contextmanager
def build_example_sites() -> Iterator[dict[str, Path]]:
    """{"handbook": site, "material-defaults": site}, built into a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="findability-") as temporary:
        sites: dict[str, Path] = {}
        for name in ("handbook", "material-defaults"):
            root = Path(temporary) / name
            root.mkdir()
            _copy_example(root)
            if name == "material-defaults":
                config = root / "mkdocs.yml"
                config.write_text(material_defaults(config.read_text(encoding="utf-8")), encoding="utf-8")
            result = run_handbook("build", ".", "--site-dir", str(root / "site"), cwd=root)
            assert result.returncode == 0, result.stderr
            sites[name] = root / "site"
        yield sites
