"""`handbook review`: the reviews overdue or due within 30 days, for maintainers and a scheduled CI job."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import click

from generator.commands.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    check,
    handbook_config,
    language_of,
    path_from_here,
    rules_page,
    say,
    settings_of,
)
from generator.render.reporting import format_text
from generator.render.review_reporting import REVIEW_REPORTER_BY_NAME
from generator.source.reviews import reviews_of, reviews_to_do
from generator.words.messages import msg, render


def run(directory: Path, *, output_format: str, fail_on_overdue: bool, lang: str | None, today: date | None) -> None:
    """`handbook review`, with the arguments generator.cli parsed (its help says what each does)."""
    language = language_of(directory, lang)
    report, problems = check(directory, language, today=today)
    if report.errors:
        click.echo(format_text(problems, language, rules_page=rules_page(directory)), err=True)
        say(f"handbook: {render(msg('review_report.not_listing'), language)}")
        sys.exit(EXIT_PROBLEMS)
    handbook, settings = report.handbook, report.review
    _, handbook_root, _, _ = settings_of(directory, config=handbook_config(directory))
    # Paths as seen from here, like validate's, so a CI annotation lands on the file.
    to_do = [
        replace(review, at=review.at._replace(path=path_from_here(review.at.path, handbook_root)))
        for review in reviews_to_do(handbook, settings)
    ]
    output = REVIEW_REPORTER_BY_NAME[output_format](
        to_do, language, today=settings.today, tracked=len(reviews_of(handbook, settings))
    )
    if output:
        click.echo(output)
    overdue = any(review.status == "overdue" for review in to_do)
    sys.exit(EXIT_PROBLEMS if fail_on_overdue and overdue else EXIT_OK)
