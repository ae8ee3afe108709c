"""`handbook schema`: write the JSON Schemas editors use."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.common import write_file
from generator.render.output_escaping import log_line


def run(output: Path) -> None:
    """`handbook schema`, with the arguments generator.cli parsed (its help says what each does)."""
    from generator.commands.new import EDITOR_SCHEMAS, schema_text

    for kind in EDITOR_SCHEMAS:
        write_file(output / f"{kind}.schema.json", schema_text(kind), "en")
        click.echo(log_line((output / f"{kind}.schema.json").as_posix()))
