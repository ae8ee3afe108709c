"""The `handbook` command line: a thin adapter that turns arguments into calls to the core."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from generator.cli_help import HandbookGroup
from generator.commands.build import ENGINES
from generator.commands.common import DEV_ADDR
from generator.render.reporting import REPORTER_BY_NAME
from generator.words.messages import LANGUAGES


@click.group(cls=HandbookGroup)
@click.version_option(package_name="role-handbook")
@click.option("--debug", is_flag=True, help="On an unexpected error, show its Python traceback.")
def main(debug: bool) -> None:
    """Compile a role handbook (roles/ and processes/ in YAML) into a website."""


_TODAY_OPTION = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day to count reviews from, as YYYY-MM-DD. Default: SOURCE_DATE_EPOCH, else today.",
)

_LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(LANGUAGES, case_sensitive=False),
    help="Language of the messages. Default: the theme language in mkdocs.yml, else English.",
)


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(REPORTER_BY_NAME)),
    default="text",
    show_default=True,
    help="How to print problems.",
)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit code 1).")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read every file again, ignoring and not writing the results kept in .cache/validate/.",
)
@_TODAY_OPTION
@_LANG_OPTION
def validate(
    directory: Path, output_format: str, strict: bool, no_cache: bool, today: datetime | None, lang: str | None
) -> None:
    """Check every role and process file; exit 1 when there are errors, 2 when DIRECTORY is not a handbook."""
    from generator.commands.validate import run

    run(
        directory,
        output_format=output_format,
        strict=strict,
        no_cache=no_cache,
        lang=lang,
        today=today.date() if today else None,
    )


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("--strict", is_flag=True, help="Fail on handbook warnings and MkDocs warnings too.")
@click.option("--site-dir", type=click.Path(path_type=Path, file_okay=False), help="Where to write the site.")
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="mkdocs",
    show_default=True,
    help="What builds the site: MkDocs (with Material), or Zensical from the pages the plugin generates.",
)
@_TODAY_OPTION
@_LANG_OPTION
def build(
    directory: Path, strict: bool, site_dir: Path | None, engine: str, today: datetime | None, lang: str | None
) -> None:
    """Validate, then build the site; a failed build leaves the previous site untouched."""
    from generator.commands.build import run

    run(directory, strict=strict, site_dir=site_dir, engine=engine, lang=lang, today=today.date() if today else None)


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--format", "output_format", type=click.Choice(["json"]), default="json", show_default=True, help="Export format."
)
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write here, not to stdout.")
@_LANG_OPTION
def export(directory: Path, output_format: str, output: Path | None, lang: str | None) -> None:
    """Write the whole handbook as one JSON document for HR systems (schema: export.schema.json)."""
    from generator.commands.export import run

    run(directory, output_format=output_format, output=output, lang=lang)


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--syntax", type=click.Choice(["github", "gitlab"]), default="github", show_default=True, help="Whose CODEOWNERS."
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write here (- for stdout); default: the CODEOWNERS file already there, else .github/ or .gitlab/CODEOWNERS.",
)
@_LANG_OPTION
def codeowners(directory: Path, syntax: str, output: Path | None, lang: str | None) -> None:
    """Write CODEOWNERS from the data: each department's files to its maintainers, the tool to the handbook's."""
    from generator.commands.codeowners import run

    run(directory, syntax=syntax, output=output, lang=lang)


@main.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("--dir", "directory", default=".", type=click.Path(path_type=Path, file_okay=False), help="The handbook.")
@_LANG_OPTION
def diff(base: str, head: str | None, directory: Path, lang: str | None) -> None:
    """Who owns what, changed between git revision BASE and HEAD (default: the working tree), as Markdown."""
    from generator.commands.diff import run

    run(base, head=head, directory=directory, lang=lang)


@main.command()
@click.option(
    "--output",
    "-o",
    default="schema",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write role, process and department .schema.json into.",
)
def schema(output: Path) -> None:
    """Write the JSON Schemas of every kind of handbook file (the ones the validator uses), for editors."""
    from generator.commands.schema import run

    run(output)


@main.command()
@click.argument("kind", type=click.Choice(["role", "process", "department", "person"]))
@click.argument("identifier", metavar="ID")
@click.option("--dir", "directory", default=".", type=click.Path(path_type=Path, file_okay=False), help="The handbook.")
@_LANG_OPTION
def new(kind: str, identifier: str, directory: Path, lang: str | None) -> None:
    """Write a skeleton ID.yml in roles/, processes/, departments/ or people/ to fill in; never overwrites a file."""
    from generator.commands.new import run

    run(kind, identifier=identifier, directory=directory, lang=lang)


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("-a", "--dev-addr", default=DEV_ADDR, show_default=True, help="Address to serve on.")
@_TODAY_OPTION
@_LANG_OPTION
def serve(directory: Path, dev_addr: str, today: datetime | None, lang: str | None) -> None:
    """Preview the site, rebuilding the pages a YAML or Markdown change touches; errors show in the browser."""
    from generator.commands.serve import run

    run(directory, dev_addr=dev_addr, lang=lang, today=today.date() if today else None)


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="How to print the list.",
)
@click.option("--fail-on-overdue", is_flag=True, help="Exit 1 when a review is overdue (for a scheduled CI job).")
@_TODAY_OPTION
@_LANG_OPTION
def review(
    directory: Path, output_format: str, fail_on_overdue: bool, today: datetime | None, lang: str | None
) -> None:
    """List the reviews that are overdue or due within 30 days; exit 1 on an overdue one with --fail-on-overdue."""
    from generator.commands.review import run

    run(
        directory,
        output_format=output_format,
        fail_on_overdue=fail_on_overdue,
        lang=lang,
        today=today.date() if today else None,
    )


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--port", default=8081, show_default=True, type=click.IntRange(0, 65535), help="Port of the editor on 127.0.0.1."
)
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address of the preview.")
@click.option("--no-preview", is_flag=True, help="Only the editor, no preview.")
@_LANG_OPTION
def edit(directory: Path, port: int, dev_addr: str, no_preview: bool, lang: str | None) -> None:
    """Open the editor (forms, no YAML) on this checkout, saving into its files, with the preview beside it."""
    from generator.commands.edit import run

    run(directory, port=port, dev_addr=dev_addr, preview=not no_preview, lang=lang)


if __name__ == "__main__":
    main()
