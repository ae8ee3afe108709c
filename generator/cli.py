"""The `handbook` command line: a thin adapter that turns arguments into calls to the core."""

from __future__ import annotations

import os
import posixpath
import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from generator.checking import NotAHandbook, Report, RuleSetting, check_handbook
from generator.problems import Problem
from generator.reporting import REPORTER_BY_NAME, format_text

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2
CONFIG_FILE = "mkdocs.yml"


def _fail(message: str) -> None:
    click.echo(f"handbook: {message}", err=True)
    sys.exit(EXIT_CANNOT_RUN)


def _plugin_options(root: Path) -> Mapping[str, Any]:
    """The `handbook` plugin's options from the handbook's mkdocs.yml, if it has one."""
    config_file = root / CONFIG_FILE
    if not config_file.is_file():
        return {}
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open(encoding="utf-8") as stream:
            config = yaml_load(stream) or {}
    except Exception as error:  # a broken mkdocs.yml must not hide the handbook's own problems
        click.echo(f"handbook: warning: cannot read {config_file}: {error}", err=True)
        return {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("handbook"), dict):
            return plugin["handbook"]  # type: ignore[no-any-return]
    return {}


def _check(root: Path) -> tuple[Report, list[Problem]]:
    """Check the handbook in `root`; also return its problems with paths as seen from here.

    Paths relative to the current folder let editors and CI annotations find the files
    when the handbook is a subfolder of the repository.
    """
    options = _plugin_options(root)
    settings: Mapping[str, RuleSetting] = options.get("rules") or {}
    handbook_root = (root / str(options.get("root", "."))).resolve()
    try:
        report = check_handbook(handbook_root, settings=settings)
    except NotAHandbook as error:
        _fail(str(error))
        raise  # unreachable: _fail exits
    prefix = Path(os.path.relpath(handbook_root, Path.cwd())).as_posix()
    # Outside the current folder, paths relative to the handbook read better than ../../…
    if prefix == "." or prefix.startswith(".."):
        return report, list(report.problems)
    return report, [replace(p, path=posixpath.join(prefix, p.path)) for p in report.problems]


@click.group()
@click.version_option(package_name="role-handbook")
def main() -> None:
    """Compile a role handbook (roles/ and processes/ in YAML) into a website."""


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
def validate(directory: Path, output_format: str) -> None:
    """Check every role and process file; exit 1 when there are errors, 2 when DIRECTORY is not a handbook."""
    report, problems = _check(directory)
    output = REPORTER_BY_NAME[output_format](problems)
    if output:
        click.echo(output)
    elif output_format == "text":
        roles, processes = len(report.handbook.roles), len(report.handbook.processes)
        click.echo(f"ok: {roles} roles and {processes} processes, no problems", err=True)
    sys.exit(EXIT_PROBLEMS if report.errors else EXIT_OK)


def _swap_into_place(built: Path, site_dir: Path) -> None:
    """Replace site_dir with the freshly built tree, keeping the old one until the new one is in place."""
    old = site_dir.with_name(site_dir.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    built.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("--strict", is_flag=True, help="Fail on MkDocs warnings too.")
@click.option("--site-dir", type=click.Path(path_type=Path, file_okay=False), help="Where to write the site.")
def build(directory: Path, strict: bool, site_dir: Path | None) -> None:
    """Validate, then build the site; a failed build leaves the previous site untouched."""
    report, problems = _check(directory)
    if problems:
        click.echo(format_text(problems), err=True)
    if report.errors:
        click.echo("handbook: not building: fix the errors above first", err=True)
        sys.exit(EXIT_PROBLEMS)
    config_file = directory / CONFIG_FILE
    if not config_file.is_file():
        _fail(f"{config_file} is missing; it tells MkDocs how to build the site")

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config = load_config(str(config_file), strict=strict or None)
    target = site_dir.resolve() if site_dir else Path(config.site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Build next to the target (same file system) so the final swap is a rename.
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    config.site_dir = str(staging)
    try:
        mkdocs_build(config)
    except (MkDocsException, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        click.echo(f"handbook: the build failed, {target} is unchanged: {error}", err=True)
        sys.exit(EXIT_PROBLEMS)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_into_place(staging, target)
    click.echo(f"handbook: built {target}", err=True)


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(directory: Path, dev_addr: str) -> None:
    """Preview the site, rebuilding when a YAML or Markdown file changes."""
    config_file = directory / CONFIG_FILE
    if not config_file.is_file():
        _fail(f"{config_file} is missing; it tells MkDocs how to build the site")
    from mkdocs.commands.serve import serve as mkdocs_serve

    os.chdir(directory)
    mkdocs_serve(config_file=CONFIG_FILE, dev_addr=dev_addr)


if __name__ == "__main__":
    main()
