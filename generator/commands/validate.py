"""`handbook validate`: check the handbook and print its findings in the format asked for."""

from __future__ import annotations

import gc
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import click

from generator.commands.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    as_seen_from_here,
    fail,
    fails,
    handbook_config_or_error,
    language_in,
    review_settings_of,
    rules_page,
    say,
    settings_of,
)
from generator.render.reporting import REPORTER_BY_NAME
from generator.rules.cache import FOLDER as CACHE_FOLDER
from generator.rules.cache import ValidateCache
from generator.rules.checking import (
    NotAHandbook,
    Verdict,
    validate_handbook,
)
from generator.source.problems import Problem
from generator.source.site_config import (
    CACHE_DIR,
)
from generator.words.messages import Language, msg, render


def run(
    directory: Path,
    *,
    output_format: str,
    strict: bool,
    no_cache: bool,
    lang: str | None,
    today: date | None = None,
) -> None:
    """`handbook validate`, with the arguments generator.cli parsed (its help says what each does)."""
    # The process ends right after the check: the collector would only walk the million objects of
    # a big handbook's model once more when it is switched back on (0.4 s at 1,000 roles) to free nothing.
    gc.disable()
    # mkdocs.yml read once: for the language, the rule settings and the rules page's address.
    # One that cannot be read is {} here, and a finding of rule HB090 below, at its line.
    config, _ = handbook_config_or_error(directory)
    language = language_in(directory, config, lang)
    verdict, problems = _validate(directory, language, cached=not no_cache, config=config, today=today)
    output = REPORTER_BY_NAME[output_format](problems, language, rules_page=rules_page(directory, config))
    if output:
        click.echo(output)
    elif output_format == "text":
        say(render(msg("run.ok", roles=verdict.roles, processes=verdict.processes), language))
    # `strict: true` in mkdocs.yml makes MkDocs stop a build on any warning: then so does validate.
    strict = strict or config.get("strict") is True
    sys.exit(EXIT_PROBLEMS if fails(verdict, strict=strict) else EXIT_OK)


def _validate(
    root: Path, language: Language, *, cached: bool, config: Mapping[str, Any], today: date | None
) -> tuple[Verdict, list[Problem]]:
    """`check` for `validate`; with `cached`, files unchanged since the last run are not read again."""
    settings, handbook_root, folders, site = settings_of(root, language, config=config)
    review = review_settings_of(root, config, handbook_root=handbook_root, today=today)
    cache = None
    if cached:
        config = {"settings": settings, "language": language, "root": str(handbook_root)}
        cache = ValidateCache(root / CACHE_DIR / CACHE_FOLDER, within=root, config=config)
    try:
        verdict = validate_handbook(
            handbook_root,
            settings=settings,
            language=language,
            site_folders=folders,
            site=site,
            cache=cache,
            review=review,
        )
    except NotAHandbook as error:
        fail(render(error.message, language))
        raise  # unreachable: fail exits
    return verdict, as_seen_from_here(verdict.problems, handbook_root)
