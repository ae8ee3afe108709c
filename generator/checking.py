"""Run every rule over a handbook and collect the problems, sorted by file and position."""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, ParamSpec, TypeVar

from generator.building import build_handbook
from generator.files import InputScan, scan_inputs
from generator.loading import KIND_BY_FOLDER, SourceFile, read_sources
from generator.messages import Language, Message, msg, render
from generator.model import Handbook, HandbookFolder
from generator.problems import Problem, Severity
from generator.rules import RULES, Rule
from generator.site_config import SiteSettings

# How a handbook may re-level rules: a severity, or "off".
RuleSetting = Severity | Literal["off"]
P = ParamSpec("P")
T = TypeVar("T")


class NotAHandbook(Exception):
    """The folder cannot be checked at all (exit code 2), as opposed to having problems in it."""

    def __init__(self, message: Message) -> None:
        super().__init__(render(message))
        self.message = message


@dataclass(frozen=True)
class Report:
    handbook: Handbook
    sources: tuple[SourceFile, ...]
    problems: tuple[Problem, ...]
    # What the folders held; the plugin refuses links from it even with their rule switched off.
    inputs: InputScan

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


def _severity(rule: Rule, settings: Mapping[str, RuleSetting]) -> RuleSetting:
    return settings.get(rule.id) or settings.get(rule.name) or rule.severity


def _gc_paused(function: Callable[P, T]) -> Callable[P, T]:
    """Run `function` with the cyclic garbage collector paused.

    Checking allocates hundreds of thousands of small objects (nodes, marks, model
    objects) and frees almost none until the end; the collector would walk them
    again and again for nothing. Profiling a 1,000-role handbook showed that pause
    saves about two thirds of the load time.
    """

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> T:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


def _scan(root: Path, site_folders: Sequence[Path]) -> InputScan:
    if not root.is_dir():
        raise NotAHandbook(msg("run.not_a_folder", path=str(root)))
    # A link named roles/ counts as present: the inputs rule refuses it by name.
    if not any((root / folder).is_dir() or (root / folder).is_symlink() for folder in KIND_BY_FOLDER):
        raise NotAHandbook(msg("run.not_a_handbook", path=str(root)))
    return scan_inputs(root, site_folders=site_folders)


def check_handbook(
    root: Path,
    *,
    settings: Mapping[str, RuleSetting] | None = None,
    language: Language = "en",
    site_folders: Sequence[Path] = (),
    site: SiteSettings | None = None,
) -> Report:
    """Load, build and check the handbook in `root`.

    `settings` maps a rule id or name to "error", "warning" or "off"; messages
    are written in `language`. `site_folders` are the other folders the site is
    made from (MkDocs' docs folder, the plugin's cache), checked for links and
    special files. `site` is what mkdocs.yml sets, for the rules about it (skipped without).
    Raises `NotAHandbook` when `root` has neither roles/ nor processes/.
    """
    return _check_scanned(root, _scan(root, site_folders), settings=settings or {}, language=language, site=site)


@_gc_paused
def _check_scanned(
    root: Path,
    scan: InputScan,
    *,
    settings: Mapping[str, RuleSetting],
    language: Language,
    site: SiteSettings | None = None,
) -> Report:
    sources = tuple(read_sources(root, scan))
    not_read = [item.path for item in scan.refused] + [item.meant for item in scan.unread if item.meant]
    handbook = build_handbook(sources, not_read=not_read)
    targets_by_scope: dict[str, tuple[object, ...]] = {
        "file": sources,
        "handbook": (handbook,),
        "inputs": (scan,),
        "site": (site,) if site else (),
        "folder": (HandbookFolder(root, handbook),),
    }
    problems: list[Problem] = []
    for rule in RULES:
        severity = _severity(rule, settings)
        if severity == "off":
            continue
        targets = targets_by_scope[rule.scope]
        for target in targets:
            for finding in rule.check(target):
                problems.append(
                    Problem(
                        path=finding.at.path,
                        line=finding.at.line,
                        column=finding.at.column,
                        code=rule.id,
                        severity=severity,
                        message=render(finding.message, language),
                        rule=rule.name,
                    )
                )
    return Report(handbook=handbook, sources=sources, problems=tuple(sorted(set(problems))), inputs=scan)


# The last report, keyed by what it was computed from (see check_handbook_reusing).
_LAST_REPORT: dict[tuple[object, ...], Report] = {}


def _fingerprint(scan: InputScan) -> tuple[object, ...]:
    """Every source file's path, modification time and size, and every refused or unread entry.

    A file edited, added or swapped for a link since gives another value.
    """
    stamps = []
    for file in scan.sources:
        try:
            status = file.lstat()
        except OSError:
            return (object(),)  # gone since the scan: never equal to anything
        stamps.append((file.as_posix(), status.st_mtime_ns, status.st_size))
    return (tuple(stamps), scan.refused, scan.unread)


def check_handbook_reusing(
    root: Path,
    *,
    settings: Mapping[str, RuleSetting] | None = None,
    language: Language = "en",
    site_folders: Sequence[Path] = (),
    site: SiteSettings | None = None,
) -> Report:
    """`check_handbook`, or the previous report when it was made with the same arguments from the same files.

    `handbook build` checks the handbook before it starts MkDocs, and the plugin checks
    it again inside MkDocs (a plain `mkdocs build` needs that); in one process the second
    check reuses the first. On a 1,000-role handbook that saves seconds per build.
    """
    scan = _scan(root, site_folders)
    folders = tuple(os.path.abspath(folder) for folder in site_folders)
    key = (root.resolve(), folders, tuple(sorted((settings or {}).items())), language, site, _fingerprint(scan))
    report = _LAST_REPORT.get(key)
    if report is None:
        report = _check_scanned(root, scan, settings=settings or {}, language=language, site=site)
        _LAST_REPORT.clear()
        _LAST_REPORT[key] = report
    return report
