"""`handbook serve`: the preview, rebuilding what an edit touches."""

from __future__ import annotations

import os
from pathlib import Path

from generator.commands.common import fail_without_site_config, language_of, say
from generator.source.site_config import (
    CONFIG_FILE,
)


def run(directory: Path, *, dev_addr: str, lang: str | None) -> None:
    """`handbook serve`, with the arguments generator.cli parsed (its help says what each does)."""
    fail_without_site_config(directory, language_of(directory, None))
    from generator.engines.serve import serve_handbook

    language = language_of(directory, lang)
    os.chdir(directory)
    serve_handbook(CONFIG_FILE, dev_addr=dev_addr, language=language, say=say)
