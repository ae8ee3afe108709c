"""`handbook codeowners`: write CODEOWNERS from the departments' maintainers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator.commands.common import (
    EXIT_PROBLEMS,
    check,
    handbook_config,
    language_of,
    plugin_options,
    say,
    write_file,
)
from generator.render.reporting import format_text
from generator.words.messages import msg, render


def run(directory: Path, *, syntax: str, output: Path | None, lang: str | None) -> None:
    """`handbook codeowners`, with the arguments generator.cli parsed (its help says what each does)."""
    from generator.rules.departments.codeowners_up_to_date import ID as STALE_CODEOWNERS
    from generator.source.codeowners import PLACES, codeowners_text, committed_file, handbook_maintainers, sections

    language = language_of(directory, lang)
    report, problems = check(directory, language)
    # The file being out of date is what this command fixes; every other error would be written into it.
    blocking = [problem for problem in problems if problem.severity == "error" and problem.code != STALE_CODEOWNERS]
    if blocking:
        click.echo(format_text(blocking, language), err=True)
        say(f"handbook: {render(msg('codeowners.fix_errors_first'), language)}")
        sys.exit(EXIT_PROBLEMS)
    config = handbook_config(directory)
    root = (directory / str(plugin_options(config).get("root", "."))).resolve()
    prefix = os.path.relpath(root, directory.resolve()).replace(os.sep, "/")
    found = sections(
        report.handbook,
        maintainers=handbook_maintainers(config),
        config=config,
        prefix="" if prefix == "." else f"{prefix}/",
    )
    if not any(section.owners for section in found):
        # A file of comments only would assign nothing, and would replace a CODEOWNERS written by hand.
        say(f"handbook: {render(msg('codeowners.nothing_assigned'), language)}")
        sys.exit(EXIT_PROBLEMS)
    text = codeowners_text(found, syntax="gitlab" if syntax == "gitlab" else "github")
    if output is not None and str(output) == "-":
        click.echo(text, nl=False)
        return
    if output is None:
        committed = committed_file(directory)
        output = directory / (committed[0] if committed else PLACES["github" if syntax == "github" else "gitlab"][-1])
        if syntax == "github" and committed is None:
            output = directory / PLACES["github"][0]
    write_file(output, text, language)
    say(f"handbook: {render(msg('run.wrote', path=str(output)), language)}")
