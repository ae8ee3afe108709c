"""The example handbook, built once into a temporary folder for the findability runs."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO
from tests.site.conftest import build_handbook

SOURCES = ("roles", "processes", "people", "handbook", "glossary.yml", "mkdocs.yml")


def copy_example(target: Path) -> None:
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)


@contextlib.contextmanager
def built_example(site: Path | None = None, *, engine: str = "mkdocs") -> Iterator[Path]:
    """A built site: `site` as it is, or the example built now with `handbook build --engine`."""
    if site is not None:
        yield site
        return
    with tempfile.TemporaryDirectory(prefix="findability-") as temporary:
        root = Path(temporary) / "handbook"
        root.mkdir()
        copy_example(root)
        result = build_handbook(".", "--engine", engine, "--site-dir", str(root / "site"), cwd=root)
        assert result.returncode == 0, result.stderr
        yield root / "site"
