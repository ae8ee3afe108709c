"""`handbook serve`: the preview, rebuilding what an edit touches."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from generator.commands.common import fail_without_site_config, language_of, say
from generator.engines.build_date import given_build_date
from generator.source.site_config import (
    CONFIG_FILE,
)


def run(directory: Path, *, dev_addr: str, lang: str | None, today: date | None = None) -> None:
    """`handbook serve`, with the arguments generator.cli parsed (its help says what each does)."""
    fail_without_site_config(directory, language_of(directory, None))
    from generator.engines.serve import serve_handbook

    language = language_of(directory, lang)
    os.chdir(directory)
    if today is None:
        serve_handbook(CONFIG_FILE, dev_addr=dev_addr, language=language, say=say)
        return
    # `--today` holds for every rebuild of the session (each build sets no date of its own then).
    with given_build_date(today, Path.cwd()):
        serve_handbook(CONFIG_FILE, dev_addr=dev_addr, language=language, say=say)
