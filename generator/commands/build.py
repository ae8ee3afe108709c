"""`handbook build`: validate, build the site with MkDocs or Zensical into a staging folder, then swap it into place."""

from __future__ import annotations

import os
import shlex
import sys
import time
from datetime import date
from pathlib import Path

import click

from generator.commands.common import (
    DEV_ADDR,
    EXIT_PROBLEMS,
    check,
    fail,
    fail_without_site_config,
    fails,
    handbook_config,
    language_of,
    refuse_links,
    rules_page,
    say,
)
from generator.engines.build_date import given_build_date
from generator.engines.serve import preview_url
from generator.render.output_escaping import log_line
from generator.render.reporting import format_text
from generator.rules.checking import LastReport
from generator.source.files import swap_folder_into_place
from generator.source.site_config import CONFIG_FILE, DEFAULT_DOCS_DIR, ConfigUnreadable, read_site_config
from generator.words.messages import Language, msg, render


def run(
    directory: Path, *, strict: bool, site_dir: Path | None, engine: str, lang: str | None, today: date | None = None
) -> None:
    """`handbook build`, with the arguments generator.cli parsed (its help says what each does)."""
    # One date for the check here, the plugin's check and the pages: `--today`, else the last
    # commit's (SOURCE_DATE_EPOCH, as the sitemap), so two builds of one commit are byte-identical.
    with given_build_date(today, directory):
        _build(directory, strict=strict, site_dir=site_dir, engine=engine, lang=lang)


def _build(directory: Path, *, strict: bool, site_dir: Path | None, engine: str, lang: str | None) -> None:
    language = language_of(directory, lang)
    last = LastReport()
    report, problems = check(directory, language, last=last)
    if problems:
        click.echo(format_text(problems, language, rules_page=rules_page(directory)), err=True)
    # `strict: true` in mkdocs.yml makes MkDocs stop on a warning: say so here, with the findings.
    if fails(report, strict=strict or handbook_config(directory).get("strict") is True):
        reason = msg("run.not_building" if report.errors else "run.strict_warnings")
        say(f"handbook: {render(reason, language)}")
        sys.exit(EXIT_PROBLEMS)
    fail_without_site_config(directory, language)
    config_file = directory / CONFIG_FILE
    try:
        # MkDocs never gets a settings file we could not read safely (see site_config.parse_site_config).
        read_site_config(directory)
    except ConfigUnreadable:
        # The check above has said why; MkDocs' loader would crash on it, or fill the memory.
        say(f"handbook: {render(msg('run.not_building'), language)}")
        sys.exit(EXIT_PROBLEMS)

    import shutil
    import tempfile

    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.engines.build_date import reproducible_build_date
    from generator.engines.mkdocs_plugin.plugin import HandbookPlugin

    overrides: dict[str, str] = {}
    if "docs_dir" not in read_site_config(directory) and not (directory / DEFAULT_DOCS_DIR).is_dir():
        # No hand-written pages and no docs folder: every page comes from the handbook (see rule HB091).
        overrides["docs_dir"] = tempfile.mkdtemp(prefix=".handbook-docs-")
    try:
        config = load_config(str(config_file), strict=strict or None, **overrides)
    except MkDocsException as error:
        # A setting the checks above do not know of (another plugin's option, say): MkDocs' own words, in one message.
        _remove_empty_docs(overrides)
        say(f"handbook: {render(msg('run.config_refused', path=str(config_file), error=_last_line(error)), language)}")
        sys.exit(EXIT_PROBLEMS)
    plugin = config.plugins.get("handbook")
    if isinstance(plugin, HandbookPlugin):
        plugin.last_report = last  # its check inside MkDocs reuses the one above
    target = site_dir.resolve() if site_dir else Path(config.site_dir)
    # A committed link named site/ (or site.old/) must not send the site, or its removal, elsewhere.
    old_site = target.with_name(target.name + ".old")
    for path in (target, old_site):
        refuse_links(path, within=directory, language=language)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Build next to the target (same file system) so the final swap is a rename.
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    config.site_dir = str(staging)
    started = time.monotonic()
    try:
        # Two builds of one commit give byte-identical sites (the sitemap carries the date).
        with reproducible_build_date(directory):
            if engine == "zensical":
                _build_with_zensical(config_file, staging, strict=strict, language=language)
            else:
                from mkdocs.commands.build import build as mkdocs_build

                mkdocs_build(config)
    except (MkDocsException, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_empty_docs(overrides)
        say(f"handbook: {render(msg('run.build_failed', path=str(target), error=_last_line(error)), language)}")
        sys.exit(EXIT_PROBLEMS)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_empty_docs(overrides)
        raise
    _remove_empty_docs(overrides)
    swap_folder_into_place(staging, target, old=old_site)
    seconds = f"{time.monotonic() - started:.1f}"
    say(f"handbook: {render(msg('serve.engine_built', path=str(target), engine=engine, seconds=seconds), language)}")
    say(render(msg("run.preview", command=preview_command(directory), url=preview_url(directory, DEV_ADDR)), language))


def preview_command(directory: Path) -> str:
    """The command that previews the handbook just built: the folder as it was given, quoted for a shell."""
    return f"handbook serve {shlex.quote(str(directory))}"


ENGINES = ("mkdocs", "zensical")


def _last_line(error: BaseException) -> str:
    """The last line of an engine's error (MkDocs puts a failed extension's trace before it), at most 300 characters."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    last = log_line(lines[-1]) if lines else type(error).__name__
    return last if len(last) <= 300 else last[:300] + "…"


def _remove_empty_docs(overrides: dict[str, str]) -> None:
    if "docs_dir" in overrides:
        os.rmdir(overrides["docs_dir"])  # the empty folder made for MkDocs; never anything else


def _build_with_zensical(config_file: Path, staging: Path, *, strict: bool, language: Language) -> None:
    """Write the generated docs tree and configuration, run Zensical, and move its site into `staging`."""
    import shutil

    from generator.engines.zensical import (
        ZensicalFailed,
        build_project,
        write_project,
        write_project_search_index,
        zensical_command,
    )

    if zensical_command() is None:
        shutil.rmtree(staging, ignore_errors=True)
        fail(render(msg("serve.engine_missing", engine="Zensical", package="zensical"), language))
    project = write_project(config_file)
    try:
        build_project(project, strict=strict)
        write_project_search_index(project)
    except ZensicalFailed as error:
        raise OSError(f"zensical: {error}") from error
    staging.rmdir()
    shutil.move(project.site_dir, staging)
