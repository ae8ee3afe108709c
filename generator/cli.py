"""The `handbook` command line: a thin adapter that turns arguments into calls to the core."""

from __future__ import annotations

import gc
import os
import posixpath
import sys
import time
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from generator.cache import FOLDER as CACHE_FOLDER
from generator.cache import ValidateCache
from generator.checking import NotAHandbook, Report, RuleSetting, Verdict, check_handbook_reusing, validate_handbook
from generator.cli_help import HandbookGroup
from generator.files import LinkRefused, first_link, write_replacing
from generator.messages import LANGUAGES, Language, language_for, msg, render
from generator.output_escaping import log_line, markdown_code
from generator.problems import Problem
from generator.reporting import REPORTER_BY_NAME, format_text, rules_page_url
from generator.site_config import (
    CACHE_DIR,
    CONFIG_FILE,
    ConfigUnreadable,
    SiteSettings,
    read_site_config,
    site_folders,
    site_settings,
    theme_language,
)

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2


def _say(message: str) -> None:
    """A status line on stderr; values in it (ids, paths, error texts) cannot break the line."""
    click.echo(log_line(message), err=True)


def _fail(message: str) -> None:
    _say(f"handbook: {message}")
    sys.exit(EXIT_CANNOT_RUN)


def _site_config(root: Path, language: Language | None = None) -> Mapping[str, Any]:
    """The handbook's mkdocs.yml as plain data (never running a tag in it), or {} when it has none.

    Says so when it cannot be read, unless `language` is None (the language is not known yet).
    """
    config, error = _site_config_or_error(root)
    if error is not None and language is not None:
        _say_config_unreadable(root, error, language)
    return config


def _site_config_or_error(root: Path) -> tuple[Mapping[str, Any], ConfigUnreadable | None]:
    try:
        return read_site_config(root), None
    except ConfigUnreadable as error:  # a broken mkdocs.yml must not hide the handbook's own problems
        return {}, error


def _say_config_unreadable(root: Path, error: ConfigUnreadable, language: Language) -> None:
    unreadable = msg("run.config_unreadable", path=str(root / CONFIG_FILE), error=str(error))
    _say(f"handbook: {render(unreadable, language)}")


def _plugin_options(config: Mapping[str, Any]) -> Mapping[str, Any]:
    """The `handbook` plugin's options from mkdocs.yml."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("handbook"), dict):
            return plugin["handbook"]  # type: ignore[no-any-return]
    return {}


def _language(root: Path, chosen: str | None) -> Language:
    """--lang when given, else the theme language in mkdocs.yml, else English."""
    if chosen:
        return language_for(chosen)
    return language_for(theme_language(_site_config(root)))


def _settings(
    root: Path, language: Language | None = None, *, config: Mapping[str, Any] | None = None
) -> tuple[Mapping[str, RuleSetting], Path, list[Path], SiteSettings | None]:
    """The rule settings in mkdocs.yml, the handbook's own folder, the other folders the site is made from
    and what mkdocs.yml sets for the site rules. Says so when mkdocs.yml cannot be read (see _site_config);
    `config`, when given, is mkdocs.yml as read already (and said)."""
    if config is None:
        config = _site_config(root, language)
    options = _plugin_options(config)
    settings: Mapping[str, RuleSetting] = options.get("rules") or {}
    handbook_root = (root / str(options.get("root", "."))).resolve()
    site = site_settings(root, config, handbook_root=handbook_root)
    return settings, handbook_root, list(site_folders(root, config)), site


def _as_seen_from_here(problems: tuple[Problem, ...], handbook_root: Path) -> list[Problem]:
    """Problems with paths relative to the current folder, so editors and CI annotations find the files.

    That matters when the handbook is a subfolder of the repository.
    """
    prefix = Path(os.path.relpath(handbook_root, Path.cwd())).as_posix()
    # Outside the current folder, paths relative to the handbook read better than ../../…
    if prefix == "." or prefix.startswith(".."):
        return list(problems)
    # normpath: mkdocs.yml sits above a handbook kept in a subfolder (`../mkdocs.yml`).
    return [replace(p, path=posixpath.normpath(posixpath.join(prefix, p.path))) for p in problems]


def _check(root: Path, language: Language = "en") -> tuple[Report, list[Problem]]:
    """Check the handbook in `root`; also return its problems with paths as seen from here."""
    settings, handbook_root, folders, site = _settings(root, language)
    try:
        report = check_handbook_reusing(
            handbook_root, settings=settings, language=language, site_folders=folders, site=site
        )
    except NotAHandbook as error:
        _fail(render(error.message, language))
        raise  # unreachable: _fail exits
    return report, _as_seen_from_here(report.problems, handbook_root)


def _validate(
    root: Path, language: Language, *, cached: bool, config: Mapping[str, Any]
) -> tuple[Verdict, list[Problem]]:
    """`_check` for `validate`; with `cached`, files unchanged since the last run are not read again."""
    settings, handbook_root, folders, site = _settings(root, language, config=config)
    cache = None
    if cached:
        config = {"settings": settings, "language": language, "root": str(handbook_root)}
        cache = ValidateCache(root / CACHE_DIR / CACHE_FOLDER, within=root, config=config)
    try:
        verdict = validate_handbook(
            handbook_root, settings=settings, language=language, site_folders=folders, site=site, cache=cache
        )
    except NotAHandbook as error:
        _fail(render(error.message, language))
        raise  # unreachable: _fail exits
    return verdict, _as_seen_from_here(verdict.problems, handbook_root)


@click.group(cls=HandbookGroup)
@click.version_option(package_name="role-handbook")
def main() -> None:
    """Compile a role handbook (roles/ and processes/ in YAML) into a website."""


_LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(LANGUAGES, case_sensitive=False),
    help="Language of the messages. Default: the theme language in mkdocs.yml, else English.",
)


def _rules_page(root: Path, config: Mapping[str, Any] | None = None) -> str:
    """Where the built site's rules page is: below mkdocs.yml's site_url when set, else relative to the site.

    `config` is mkdocs.yml as read already, when it was.
    """
    if config is None:
        config, _ = _site_config_or_error(root)  # _check has said so already
    return rules_page_url(config.get("site_url"), directory_urls=config.get("use_directory_urls") is not False)


def _fails(report: Report | Verdict, *, strict: bool) -> bool:
    return bool(report.errors or (strict and report.warnings))


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
@_LANG_OPTION
def validate(directory: Path, output_format: str, strict: bool, no_cache: bool, lang: str | None) -> None:
    """Check every role and process file; exit 1 when there are errors, 2 when DIRECTORY is not a handbook."""
    # The process ends right after the check: the collector would only walk the million objects of
    # a big handbook's model once more when it is switched back on (0.4 s at 1,000 roles) to free nothing.
    gc.disable()
    # mkdocs.yml read once: for the language, the rule settings and the rules page's address.
    config, unreadable = _site_config_or_error(directory)
    language = language_for(lang) if lang else language_for(theme_language(config))
    if unreadable is not None:
        _say_config_unreadable(directory, unreadable, language)
    verdict, problems = _validate(directory, language, cached=not no_cache, config=config)
    output = REPORTER_BY_NAME[output_format](problems, language, rules_page=_rules_page(directory, config))
    if output:
        click.echo(output)
    elif output_format == "text":
        _say(render(msg("run.ok", roles=verdict.roles, processes=verdict.processes), language))
    sys.exit(EXIT_PROBLEMS if _fails(verdict, strict=strict) else EXIT_OK)


def _swap_into_place(built: Path, site_dir: Path) -> None:
    """Replace site_dir with the freshly built tree, keeping the old one until the new one is in place.

    Renames and removals never follow a link: a link named like the old site is removed
    itself, and `build` refuses a site_dir that is a link before it starts.
    """
    old = site_dir.with_name(site_dir.name + ".old")
    _remove(old)
    if os.path.lexists(site_dir):
        site_dir.rename(old)
    built.rename(site_dir)
    _remove(old)


def _remove(path: Path) -> None:
    """Delete a folder tree, or the link or file at `path`; never what a link points to."""
    if path.is_symlink() or (os.path.lexists(path) and not path.is_dir()):
        path.unlink()
    elif path.exists():
        import shutil  # here, like the other imports only building needs: `validate` starts sooner

        shutil.rmtree(path)


def _refuse_links(path: Path, *, within: Path, language: Language) -> None:
    """Stop (exit 2) when `path`, or a folder between `within` and it, is a symbolic link."""
    link = first_link(path, within=within)
    if link is not None:
        _fail(render(msg("write.link", path=link.as_posix()), language))


ENGINES = ("mkdocs", "zensical")


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
@_LANG_OPTION
def build(directory: Path, strict: bool, site_dir: Path | None, engine: str, lang: str | None) -> None:
    """Validate, then build the site; a failed build leaves the previous site untouched."""
    language = _language(directory, lang)
    report, problems = _check(directory, language)
    if problems:
        click.echo(format_text(problems, language, rules_page=_rules_page(directory)), err=True)
    if _fails(report, strict=strict):
        reason = msg("run.not_building" if report.errors else "run.strict_warnings")
        _say(f"handbook: {render(reason, language)}")
        sys.exit(EXIT_PROBLEMS)
    config_file = directory / CONFIG_FILE
    if not config_file.is_file():
        _fail(render(msg("run.no_site_config", path=str(config_file)), language))

    import shutil
    import tempfile

    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.build_date import reproducible_build_date

    config = load_config(str(config_file), strict=strict or None)
    target = site_dir.resolve() if site_dir else Path(config.site_dir)
    # A committed link named site/ (or site.old/) must not send the site, or its removal, elsewhere.
    for path in (target, target.with_name(target.name + ".old")):
        _refuse_links(path, within=directory, language=language)
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
        _say(f"handbook: {render(msg('run.build_failed', path=str(target), error=str(error)), language)}")
        sys.exit(EXIT_PROBLEMS)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_into_place(staging, target)
    seconds = f"{time.monotonic() - started:.1f}"
    _say(f"handbook: {render(msg('serve.engine_built', path=str(target), engine=engine, seconds=seconds), language)}")
    _say(render(msg("run.preview"), language))


def _build_with_zensical(config_file: Path, staging: Path, *, strict: bool, language: Language) -> None:
    """Write the generated docs tree and configuration, run Zensical, and move its site into `staging`."""
    import shutil

    from generator.zensical_build import (
        ZensicalFailed,
        build_project,
        write_project,
        write_project_search_index,
        zensical_command,
    )

    if zensical_command() is None:
        shutil.rmtree(staging, ignore_errors=True)
        _fail(render(msg("serve.engine_missing", engine="Zensical", package="zensical"), language))
    project = write_project(config_file)
    try:
        build_project(project, strict=strict)
        write_project_search_index(project)
    except ZensicalFailed as error:
        raise OSError(f"zensical: {error}") from error
    staging.rmdir()
    shutil.move(project.site_dir, staging)


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--format", "output_format", type=click.Choice(["json"]), default="json", show_default=True, help="Export format."
)
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write here, not to stdout.")
@_LANG_OPTION
def export(directory: Path, output_format: str, output: Path | None, lang: str | None) -> None:
    """Write the whole handbook as one JSON document for HR systems (schema: export.schema.json)."""
    language = _language(directory, lang)
    report, problems = _check(directory, language)
    if report.errors:
        click.echo(format_text(problems, language, rules_page=_rules_page(directory)), err=True)
        _say(f"handbook: {render(msg('run.not_exporting'), language)}")
        sys.exit(EXIT_PROBLEMS)
    from generator.exporting import export_json

    text = export_json(report.handbook)
    if output is None:
        click.echo(text, nl=False)
        return
    _write(output, text, language)
    _say(f"handbook: {render(msg('run.wrote', path=str(output)), language)}")


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
    from generator.codeowners import PLACES, codeowners_text, committed_file, handbook_maintainers, sections
    from generator.rules.codeowners_up_to_date import ID as STALE_CODEOWNERS

    language = _language(directory, lang)
    report, problems = _check(directory, language)
    # The file being out of date is what this command fixes; every other error would be written into it.
    blocking = [problem for problem in problems if problem.severity == "error" and problem.code != STALE_CODEOWNERS]
    if blocking:
        click.echo(format_text(blocking, language), err=True)
        _say("handbook: not writing CODEOWNERS: fix the errors above first")
        sys.exit(EXIT_PROBLEMS)
    config = _site_config(directory)
    root = (directory / str(_plugin_options(config).get("root", "."))).resolve()
    prefix = os.path.relpath(root, directory.resolve()).replace(os.sep, "/")
    found = sections(
        report.handbook,
        maintainers=handbook_maintainers(config),
        config=config,
        prefix="" if prefix == "." else f"{prefix}/",
    )
    text = codeowners_text(found, syntax="gitlab" if syntax == "gitlab" else "github")
    if output is not None and str(output) == "-":
        click.echo(text, nl=False)
        return
    if output is None:
        committed = committed_file(directory)
        output = directory / (committed[0] if committed else PLACES["github" if syntax == "github" else "gitlab"][-1])
        if syntax == "github" and committed is None:
            output = directory / PLACES["github"][0]
    _write(output, text, language)
    _say(f"handbook: wrote {output}")


def _write(path: Path, text: str, language: Language) -> None:
    """Write a generated file (never through a link inside the current folder); exit 2 when it cannot."""
    try:
        write_replacing(path, text, within=Path.cwd())
    except LinkRefused as error:
        _fail(render(msg("write.link", path=error.path.as_posix()), language))
    except OSError as error:
        _fail(render(msg("run.cannot_write", path=str(path), error=str(error.strerror)), language))


@main.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("--dir", "directory", default=".", type=click.Path(path_type=Path, file_okay=False), help="The handbook.")
@_LANG_OPTION
def diff(base: str, head: str | None, directory: Path, lang: str | None) -> None:
    """Who owns what, changed between git revision BASE and HEAD (default: the working tree), as Markdown."""
    from generator.diffing import (
        GitError,
        compare,
        departments_markdown,
        diff_markdown,
        handbook_at_revision,
        handbook_in_working_tree,
    )

    language = _language(directory, lang)
    root = (directory / str(_plugin_options(_site_config(directory)).get("root", "."))).resolve()
    try:
        before = handbook_at_revision(root, base)
        after = handbook_at_revision(root, head) if head else handbook_in_working_tree(root)
    except GitError as error:
        _fail(f"git: {error}")
        raise  # unreachable: _fail exits
    shown_head = markdown_code(head) if head else render(msg("diff.working_tree"), language)
    click.echo(diff_markdown(compare(before, after), base=base, head=shown_head, language=language))
    # Which departments the change reaches and whose approval it needs (empty without departments/).
    section = departments_markdown(before, after, language=language)
    if section:
        click.echo(section)


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
    """Write the JSON Schemas of role, process and department files (the ones the validator uses), for editors."""
    from generator.scaffolding import EDITOR_SCHEMAS, schema_text

    for kind in EDITOR_SCHEMAS:
        _write(output / f"{kind}.schema.json", schema_text(kind), "en")
        click.echo(log_line((output / f"{kind}.schema.json").as_posix()))


@main.command()
@click.argument("kind", type=click.Choice(["role", "process", "department"]))
@click.argument("identifier", metavar="ID")
@click.option("--dir", "directory", default=".", type=click.Path(path_type=Path, file_okay=False), help="The handbook.")
@_LANG_OPTION
def new(kind: str, identifier: str, directory: Path, lang: str | None) -> None:
    """Write a skeleton roles/ID.yml, processes/ID.yml or departments/ID.yml to fill in; never overwrites a file."""
    from generator.loading import KIND_BY_FOLDER
    from generator.rules.id_format import problem_with
    from generator.scaffolding import process_skeleton, role_skeleton, schema_line

    language = _language(directory, lang)
    reason = problem_with(identifier)
    if reason is not None:
        _fail(render(msg("run.bad_new_id", what=msg(f"thing.{kind}"), id=identifier, reason=reason), language))
    folder_name = next(name for name, folder_kind in KIND_BY_FOLDER.items() if folder_kind == kind)
    folder = directory / folder_name
    # Before anything reads the folder: a link named roles/ would send the new file elsewhere.
    _refuse_links(folder, within=directory, language=language)
    existing = [
        folder / f"{identifier}{suffix}"
        for suffix in (".yml", ".yaml")
        if os.path.lexists(folder / f"{identifier}{suffix}")
    ]
    if existing:
        _fail(render(msg("run.exists", path=existing[0].as_posix()), language))
    started = any((directory / name).is_dir() for name in KIND_BY_FOLDER)
    handbook = _check(directory, language)[0].handbook if started else None
    # A live id or a former id of the same kind (in a file of another name) is refused as the rules would.
    same_kind = () if handbook is None else handbook.roles if kind == "role" else handbook.processes
    taken = [
        other
        for other in same_kind
        if other.id == identifier or any(alias.role_id.casefold() == identifier for alias in other.aliases)
    ]
    if kind == "department" and handbook is not None:
        taken += [other for other in handbook.departments if other.id == identifier]  # type: ignore[misc]
    if taken:
        _fail(render(msg("run.id_taken", what=msg(f"thing.{kind}"), id=identifier, path=taken[0].path), language))
    line = schema_line(folder, "role" if kind == "role" else "department" if kind == "department" else "process")
    if kind == "role":
        text = role_skeleton(identifier, schema=line, language=language)
    elif kind == "department":
        from generator.scaffolding import department_skeleton

        text = department_skeleton(identifier, schema=line, language=language)
    else:
        roles = directory / "roles"
        owners = sorted(p.stem for p in roles.glob("*.y*ml")) if roles.is_dir() else []
        if not owners or handbook is None:
            _fail(render(msg("run.no_roles_yet"), language))
            return
        # The head of the department (a role others report to) is the likeliest owner of a new process.
        internal = [role for role in handbook.roles_in_reading_order if not role.external]
        ranked = [role.id for role in internal if handbook.direct_reports_of(role)] + [role.id for role in internal]
        text = process_skeleton(identifier, owner=(ranked or owners)[0], schema=line, language=language)
    target = folder / f"{identifier}.yml"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as stream:  # "x": never overwrite, even in a race
            stream.write(text)
    except OSError as error:
        _fail(render(msg("run.cannot_write", path=str(target), error=str(error.strerror)), language))
    _say(render(msg("run.wrote", path=target.as_posix()), language))


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@_LANG_OPTION
def serve(directory: Path, dev_addr: str, lang: str | None) -> None:
    """Preview the site, rebuilding the pages a YAML or Markdown change touches; errors show in the browser."""
    config_file = directory / CONFIG_FILE
    if not config_file.is_file():
        _fail(render(msg("run.no_site_config", path=str(config_file)), _language(directory, None)))
    from generator.serving import serve_handbook

    language = _language(directory, lang)
    os.chdir(directory)
    serve_handbook(CONFIG_FILE, dev_addr=dev_addr, language=language, say=_say)


if __name__ == "__main__":
    main()
