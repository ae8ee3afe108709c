"""The example handbook, built once into a temporary folder for the findability runs."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import copy_example
from tests.site.conftest import build_handbook


@contextlib.contextmanager
def built_example(site: Path | None = None, *, engine: str = "mkdocs") -> Iterator[Path]:
    """A built site: `site` as it is, or the example built now with `handbook build --engine`."""
    if site is not None:
        yield site
        return
    with tempfile.TemporaryDirectory(prefix="findability-") as temporary:
        root = copy_example(Path(temporary) / "handbook")
        result = build_handbook(".", "--engine", engine, "--site-dir", str(root / "site"), cwd=root)
        assert result.returncode == 0, result.stderr
        yield root / "site"
