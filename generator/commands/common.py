"""What every command does with the handbook folder it is given: read mkdocs.yml, decide the language,
check the handbook, say how it went, write a file without following a link.

Status lines go to stderr through `say` (escaped for a log line); `fail` says why and exits 2.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import click

from generator.render.output_escaping import log_line
from generator.render.reporting import rules_page_url
from generator.rules.checking import (
    LastReport,
    NotAHandbook,
    Report,
    RuleSetting,
    Verdict,
    settings_with_options,
)
from generator.source.files import (
    LinkRefused,
    first_link,
    misnamed_site_config,
    read_regular_file,
    read_text_if_regular,
    write_replacing,
)
from generator.source.problems import Problem
from generator.source.reviews import (
    ReviewSettings,
    date_was_given,
    latest_review_day,
    review_settings_from_options,
    today_from_environment,
)
from generator.source.site_config import (
    CONFIG_FILE,
    MAX_CONFIG_BYTES,
    ConfigUnreadable,
    SiteSettings,
    parse_site_config,
    read_site_config,
    site_folders,
    site_settings,
    theme_language,
)
from generator.words.languages import handbook_language
from generator.words.messages import Language, msg, render

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2
# Where `handbook serve` serves unless told otherwise (its --dev-addr).
DEV_ADDR = "127.0.0.1:8000"


def say(message: str) -> None:
    """A status line on stderr; values in it (ids, paths, error texts) cannot break the line."""
    click.echo(log_line(message), err=True)


def fail(message: str) -> None:
    say(f"handbook: {message}")
    sys.exit(EXIT_CANNOT_RUN)


def fail_without_site_config(directory: Path, language: Language) -> None:
    """Stop when `directory` has no mkdocs.yml, naming the file that looks like one when there is such a file."""
    config_file = directory / CONFIG_FILE
    if config_file.is_file():
        return
    found = misnamed_site_config(directory)
    if found is not None:
        fail(render(msg("run.no_site_config_meant", path=str(config_file), found=str(directory / found)), language))
    fail(render(msg("run.no_site_config", path=str(config_file)), language))


def handbook_config(root: Path, language: Language | None = None) -> Mapping[str, Any]:
    """The handbook's mkdocs.yml as plain data (never running a tag in it), or {} when it has none.

    Says so when it cannot be read, unless `language` is None (the language is not known yet).
    """
    config, error = handbook_config_or_error(root)
    if error is not None and language is not None:
        say_config_unreadable(root, error, language)
    return config


def handbook_config_or_error(root: Path) -> tuple[Mapping[str, Any], ConfigUnreadable | None]:
    try:
        return read_site_config(root), None
    except ConfigUnreadable as error:  # a broken mkdocs.yml must not hide the handbook's own problems
        return {}, error


def say_config_unreadable(root: Path, error: ConfigUnreadable, language: Language) -> None:
    # YAML's own account runs over several lines with pointers; its first line says what broke.
    first = next((line.strip() for line in str(error).splitlines() if line.strip()), "")
    unreadable = msg("run.config_unreadable", path=str(root / CONFIG_FILE), error=first)
    say(f"handbook: {render(unreadable, language)}")


def plugin_options(config: Mapping[str, Any]) -> Mapping[str, Any]:
    """The `handbook` plugin's options from mkdocs.yml."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("handbook"), dict):
            return plugin["handbook"]  # type: ignore[no-any-return]
    return {}


def _handbook_options_as_written(config: Mapping[str, Any]) -> object:
    """The `handbook` plugin's options as mkdocs.yml writes them, whatever their shape (None when it lists none)."""
    plugins = config.get("plugins")
    items = plugins.items() if isinstance(plugins, dict) else []
    if isinstance(plugins, list):
        items = [next(iter(item.items())) for item in plugins if isinstance(item, dict) and len(item) == 1]
    return next((options for name, options in items if name == "handbook"), None)


def language_of(root: Path, chosen: str | None) -> Language:
    """The handbook's language (generator.words.languages.handbook_language) for the handbook in `root`."""
    return language_in(root, handbook_config(root), chosen)


_LANGUAGE_LINE = re.compile(
    r"^[ ]+language:[ ]*['\"]?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)['\"]?[ ]*$", re.MULTILINE
)


def language_in(root: Path, config: Mapping[str, Any], chosen: str | None) -> Language:
    """The handbook's language, from `config` (root's mkdocs.yml as read) or, with none, a misnamed copy of it.

    So the message that asks to rename `MKDOCS.yml` is in the language that file sets.
    """
    if config:
        return handbook_language(chosen=chosen, theme_language=theme_language(config))
    name = misnamed_site_config(root) or CONFIG_FILE
    try:
        raw = read_regular_file(root / name, limit=MAX_CONFIG_BYTES)
    except OSError:
        return handbook_language(chosen=chosen, theme_language=None)
    try:
        language = theme_language(parse_site_config(raw))
    except ConfigUnreadable:
        # A file YAML cannot read still says its language on a line of its own: the findings use it.
        found = _LANGUAGE_LINE.search(raw.decode("utf-8", "replace"))
        language = found.group(1) if found else None
    return handbook_language(chosen=chosen, theme_language=language)


def settings_of(
    root: Path, language: Language | None = None, *, config: Mapping[str, Any] | None = None
) -> tuple[Mapping[str, RuleSetting], Path, list[Path], SiteSettings | None]:
    """The rule settings in mkdocs.yml, the handbook's own folder, the other folders the site is made from
    and what mkdocs.yml sets for the site rules. A mkdocs.yml that cannot be read counts as empty here:
    the check reports where it breaks (rule HB090). `config`, when given, is mkdocs.yml as read already."""
    if config is None:
        config = handbook_config(root)
    options = plugin_options(config)
    written = options.get("rules")
    settings: Mapping[str, RuleSetting] = settings_with_options(written if isinstance(written, dict) else {}, options)
    handbook_root = (root / str(options.get("root", "."))).resolve()
    site = site_settings(root, config, handbook_root=handbook_root)
    if site is not None:
        from generator.engines.mkdocs_plugin.config import option_problems

        site = replace(site, handbook_option_problems=option_problems(_handbook_options_as_written(config)))
    return settings, handbook_root, list(site_folders(root, config)), site


def review_settings_of(
    root: Path, config: Mapping[str, Any], *, handbook_root: Path, today: date | None
) -> ReviewSettings:
    """Today (`--today`, else `SOURCE_DATE_EPOCH`, else the clock) and the review options in mkdocs.yml."""
    config_file = root / CONFIG_FILE
    text = read_text_if_regular(config_file) or "" if config else ""
    day = today or today_from_environment()
    return review_settings_from_options(
        plugin_options(config),
        today=day,
        config_path=Path(os.path.relpath(config_file, handbook_root)).as_posix(),
        config_text=text,
        latest_day=latest_review_day(day, given=today is not None or date_was_given()),
    )


def path_from_here(path: str, handbook_root: Path) -> str:
    """A path relative to the handbook as seen from the current folder, so editors and CI annotations find the file.

    That matters when the handbook is a subfolder of the repository.
    """
    prefix = Path(os.path.relpath(handbook_root, Path.cwd())).as_posix()
    # Outside the current folder, paths relative to the handbook read better than ../../…
    if prefix == "." or prefix.startswith(".."):
        return path
    # normpath: mkdocs.yml sits above a handbook kept in a subfolder (`../mkdocs.yml`).
    return posixpath.normpath(posixpath.join(prefix, path))


def as_seen_from_here(problems: tuple[Problem, ...], handbook_root: Path) -> list[Problem]:
    """Problems with paths relative to the current folder (see path_from_here)."""
    return [replace(p, path=path_from_here(p.path, handbook_root)) for p in problems]


def check(
    root: Path, language: Language = "en", *, last: LastReport | None = None, today: date | None = None
) -> tuple[Report, list[Problem]]:
    """Check the handbook in `root`; also return its problems with paths as seen from here.

    `last`, when given, keeps the report for a later check of the same files (see LastReport);
    `today`, when given, is the day the review rules count from.
    """
    config = handbook_config(root, language)
    settings, handbook_root, folders, site = settings_of(root, language, config=config)
    review = review_settings_of(root, config, handbook_root=handbook_root, today=today)
    try:
        report = (last or LastReport()).check(
            handbook_root, settings=settings, language=language, site_folders=folders, site=site, review=review
        )
    except NotAHandbook as error:
        fail(render(error.message, language))
        raise  # unreachable: fail exits
    return report, as_seen_from_here(report.problems, handbook_root)


def rules_page(root: Path, config: Mapping[str, Any] | None = None) -> str:
    """Where the built site's rules page is: below mkdocs.yml's site_url when set, else relative to the site.

    `config` is mkdocs.yml as read already, when it was.
    """
    if config is None:
        config, _ = handbook_config_or_error(root)  # check has said so already
    return rules_page_url(config.get("site_url"), directory_urls=config.get("use_directory_urls") is not False)


def fails(report: Report | Verdict, *, strict: bool) -> bool:
    """Errors fail; under `--strict` warnings too, but an overdue review only when the handbook asks."""
    return bool(report.errors or (strict and report.strict_warnings))


def refuse_links(path: Path, *, within: Path, language: Language) -> None:
    """Stop (exit 2) when `path`, or a folder between `within` and it, is a symbolic link."""
    link = first_link(path, within=within)
    if link is not None:
        fail(render(msg("write.link", path=link.as_posix()), language))


def write_file(path: Path, text: str, language: Language) -> None:
    """Write a generated file (never through a link inside the current folder); exit 2 when it cannot."""
    try:
        write_replacing(path, text, within=Path.cwd())
    except LinkRefused as error:
        fail(render(msg("write.link", path=error.path.as_posix()), language))
    except OSError as error:
        fail(render(msg("run.cannot_write", path=str(path), error=str(error.strerror)), language))
