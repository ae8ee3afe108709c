"""`handbook serve`: the preview, rebuilding what an edit touches."""

from __future__ import annotations

import os
from pathlib import Path

from generator.commands.common import fail, language_of, say
from generator.source.site_config import (
    CONFIG_FILE,
)
from generator.words.messages import msg, render


def run(directory: Path, *, dev_addr: str, lang: str | None) -> None:
    """`handbook serve`, with the arguments generator.cli parsed (its help says what each does)."""
    config_file = directory / CONFIG_FILE
    if not config_file.is_file():
        fail(render(msg("run.no_site_config", path=str(config_file)), language_of(directory, None)))
    from generator.engines.serve import serve_handbook

    language = language_of(directory, lang)
    os.chdir(directory)
    serve_handbook(CONFIG_FILE, dev_addr=dev_addr, language=language, say=say)
