"""Run every rule over a handbook and collect the problems, sorted by file and position."""

from __future__ import annotations

import functools
import gc
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple, ParamSpec, TypeVar

from generator.rules import RULES, Rule
from generator.rules.forked import Forked, can_fork
from generator.source.building import FilePart, file_part, handbook_from_parts
from generator.source.files import InputScan, read_regular_file, scan_inputs
from generator.source.loading import (
    KIND_BY_FOLDER,
    MAX_FILE_BYTES,
    Kind,
    SourceFile,
    read_source,
    source_from_bytes,
    source_path_and_kind,
)
from generator.source.model import Handbook, HandbookFolder
from generator.source.problems import Finding, Problem, Severity
from generator.source.reviews import ReviewedHandbook, ReviewSettings, settings_for_today
from generator.source.schema import compile_validators
from generator.source.site_config import SiteSettings
from generator.words.messages import Language, Message, bounded, msg, render

if TYPE_CHECKING:
    from generator.rules.cache import ValidateCache

# How a handbook may re-level rules: a severity, or "off".
RuleSetting = Severity | Literal["off"]
P = ParamSpec("P")
T = TypeVar("T")


class NotAHandbook(Exception):
    """The folder cannot be checked at all (exit code 2), as opposed to having problems in it."""

    def __init__(self, message: Message) -> None:
        super().__init__(render(message))
        self.message = message


# Warnings that do not fail `--strict` unless the handbook asks (generator.source.reviews.ReviewSettings):
# a review falling due is news for its owner, not a mistake in the pull request at hand.
LENIENT_UNDER_STRICT = frozenset({"HB124"})


def lenient_codes(review: ReviewSettings | None) -> frozenset[str]:
    """The codes whose warnings `--strict` lets pass, with these review settings."""
    return frozenset() if review is not None and review.overdue_fails_strict else LENIENT_UNDER_STRICT


class _Problems:
    """The errors and the warnings among a result's `problems`."""

    problems: tuple[Problem, ...]
    lenient: frozenset[str]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def strict_warnings(self) -> tuple[Problem, ...]:
        """The warnings that fail `--strict` (an overdue review only when the handbook asks)."""
        return tuple(p for p in self.warnings if p.code not in self.lenient)


@dataclass(frozen=True)
class Report(_Problems):
    handbook: Handbook
    sources: tuple[SourceFile, ...]
    problems: tuple[Problem, ...]
    # What the folders held; the plugin refuses links from it even with their rule switched off.
    inputs: InputScan
    # Today and the review settings the review rules were checked with.
    review: ReviewSettings
    lenient: frozenset[str] = LENIENT_UNDER_STRICT


def _severity(rule: Rule, settings: Mapping[str, RuleSetting]) -> RuleSetting:
    return settings.get(rule.id) or settings.get(rule.name) or (rule.severity if rule.on_by_default else "off")


# The plugin options that switch on a rule which is off by default: option → (value, rule name, severity).
_OPT_IN_OPTIONS: Mapping[str, tuple[str, str, Severity]] = {"vacant_roles": ("warn", "vacant-role", "warning")}


def settings_with_options(settings: Mapping[str, RuleSetting], options: Mapping[str, object]) -> dict[str, RuleSetting]:
    """The rule settings of mkdocs.yml with the rules its plugin options opt into (`vacant_roles: warn`).

    A rule named under `rules:` keeps the level written there. One place, for the commands and the plugin.
    """
    combined: dict[str, RuleSetting] = dict(settings)
    for option, (value, name, severity) in _OPT_IN_OPTIONS.items():
        if options.get(option) == value and name not in combined:
            combined[name] = severity
    return combined


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
    review: ReviewSettings | None = None,
) -> Report:
    """Load, build and check the handbook in `root`.

    `settings` maps a rule id or name to "error", "warning" or "off"; messages
    are written in `language`. `site_folders` are the other folders the site is
    made from (MkDocs' docs folder, the plugin's cache), checked for links and
    special files. `site` is what mkdocs.yml sets, for the rules about it (skipped without).
    `review` is today and the review settings (without: today from `SOURCE_DATE_EPOCH` or the clock).
    Raises `NotAHandbook` when `root` has neither roles/ nor processes/.
    """
    return _check_scanned(
        root, _scan(root, site_folders), settings=settings or {}, language=language, site=site, review=review
    )


def _not_read(scan: InputScan) -> list[str]:
    """Files that exist but were refused or skipped (a link, `x.YML`): the model counts them as unreadable."""
    return [item.path for item in scan.refused] + [item.meant for item in scan.unread if item.meant]


def _active_rules(settings: Mapping[str, RuleSetting]) -> list[tuple[Rule, Severity]]:
    """The rules switched on, in registry order, each with the severity it reports at."""
    active: list[tuple[Rule, Severity]] = []
    for rule in RULES:
        severity = _severity(rule, settings)
        if severity != "off":
            active.append((rule, severity))
    return active


def _stamped(rule: Rule, severity: Severity, finding: Finding, language: Language) -> Problem:
    """A rule's finding as a problem: the rule's code and name, the configured severity, words in `language`."""
    return Problem(
        path=finding.at.path,
        line=finding.at.line,
        column=finding.at.column,
        code=rule.id,
        severity=severity,
        # A finding quotes at most a bounded part of any value (see messages.bounded).
        message=render(bounded(finding.message), language),
        rule=rule.name,
    )


def _problems_of(
    rules: Sequence[tuple[Rule, Severity]], scope: str, target: object, language: Language
) -> Iterator[Problem]:
    for rule, severity in rules:
        if rule.scope == scope:
            for finding in rule.check(target):
                yield _stamped(rule, severity, finding, language)


def _whole_handbook_problems(
    rules: Sequence[tuple[Rule, Severity]],
    root: Path,
    handbook: Handbook,
    scan: InputScan,
    site: SiteSettings | None,
    language: Language,
    review: ReviewSettings,
) -> Iterator[Problem]:
    """The problems of the rules that see more than one file: the model, the folders, mkdocs.yml, today."""
    yield from _problems_of(rules, "handbook", handbook, language)
    yield from _problems_of(rules, "inputs", scan, language)
    if site is not None:
        yield from _problems_of(rules, "site", site, language)
    yield from _problems_of(rules, "folder", HandbookFolder(root, handbook), language)
    yield from _problems_of(rules, "review", ReviewedHandbook(handbook, review), language)


@_gc_paused
def _check_scanned(
    root: Path,
    scan: InputScan,
    *,
    settings: Mapping[str, RuleSetting],
    language: Language,
    site: SiteSettings | None = None,
    parsed: ParsedFiles | None = None,
    review: ReviewSettings | None = None,
) -> Report:
    rules = _active_rules(settings)
    review = review or settings_for_today()
    # Without a preview's files from an earlier check, every file is parsed.
    files = (parsed or ParsedFiles()).files(root, scan, rules, language)
    sources = tuple(file.source for file in files)
    handbook = handbook_from_parts((file.part for file in files), not_read=_not_read(scan))
    problems = [problem for file in files for problem in file.problems]
    problems.extend(_whole_handbook_problems(rules, root, handbook, scan, site, language, review))
    return Report(
        handbook=handbook,
        sources=sources,
        problems=tuple(sorted(set(problems))),
        inputs=scan,
        review=review,
        lenient=lenient_codes(review),
    )


@dataclass(frozen=True)
class Verdict(_Problems):
    """What `handbook validate` prints: every problem, and how many roles and processes were read."""

    problems: tuple[Problem, ...]
    roles: int
    processes: int
    lenient: frozenset[str] = LENIENT_UNDER_STRICT

    @classmethod
    def of(cls, report: Report) -> Verdict:
        return cls(report.problems, len(report.handbook.roles), len(report.handbook.processes), report.lenient)


def validate_handbook(
    root: Path,
    *,
    settings: Mapping[str, RuleSetting] | None = None,
    language: Language = "en",
    site_folders: Sequence[Path] = (),
    site: SiteSettings | None = None,
    cache: ValidateCache | None = None,
    review: ReviewSettings | None = None,
) -> Verdict:
    """`check_handbook`'s problems, reusing from `cache` the results of every file unchanged since it was written.

    The rules that look at one file are not run again on an unchanged file, nor is the
    file parsed: its part of the model comes from the cache, so the rules across files
    still see the whole handbook. When no file changed at all, the last run's problems
    are returned as they were. Raises `NotAHandbook` like `check_handbook`.
    """
    scan = _scan(root, site_folders)
    review = review or settings_for_today()
    if cache is None:
        return Verdict.of(
            _check_scanned(root, scan, settings=settings or {}, language=language, site=site, review=review)
        )
    return _check_cached(root, scan, settings=settings or {}, language=language, site=site, cache=cache, review=review)


# Below this many bytes to parse, a second process costs more than it saves (fork, and decoding its results).
_BYTES_WORTH_A_SECOND_PROCESS = 1_000_000
# The forked process's share of those bytes: the parent also decodes what it hands back.
_SECOND_PROCESS_SHARE = 0.48


class _Input(NamedTuple):
    """A source file as `validate` reads it, once: where it is, its path in findings, its kind, bytes and key."""

    file: Path
    path: str
    kind: Kind
    raw: bytes | None  # None when it could not be read (the loader then says why)
    key: str | None  # None without bytes


def _row(problem: Problem) -> tuple[str, str, int, int, str]:
    return problem.code, problem.path, problem.line, problem.column, problem.message


def _file_results(
    root: Path, read: _Input, rules: Sequence[tuple[Rule, Severity]], language: Language
) -> tuple[list[Problem], FilePart]:
    """One file parsed: the problems of the rules that read one file, and its part of the model."""
    raw = read.raw
    source = source_from_bytes(read.path, read.kind, raw) if raw is not None else read_source(root, read.file)
    return list(_problems_of(rules, "file", source, language)), file_part(source)


def _results_in_json(
    root: Path, files: Sequence[_Input], rules: Sequence[tuple[Rule, Severity]], language: Language
) -> bytes:
    """`_file_results` of each file as the cache keeps them, one JSON text a line (run in the forked process)."""
    from generator.rules.cache import entry_text

    lines = []
    for read in files:
        found, part = _file_results(root, read, rules, language)
        lines.append(entry_text([_row(problem) for problem in found], part))
    return "\n".join(lines).encode()


def _lines(payload: bytes | None) -> list[str]:
    # JSON text has no raw line break (one in a value is written `\n`): one entry a line.
    return payload.decode().split("\n") if payload else []


def _shares(to_check: list[int], files: Sequence[_Input]) -> tuple[list[int], list[int]]:
    """The files this process checks, and those a forked process checks (none when that would not pay)."""
    size = {index: len(files[index].raw or b"") for index in to_check}
    total = sum(size.values())
    if len(to_check) < 2 or total < _BYTES_WORTH_A_SECOND_PROCESS or not can_fork():
        return to_check, []
    # The last files (processes/ comes after roles/), up to the forked process's share of the bytes.
    there: list[int] = []
    taken = 0
    for index in reversed(to_check):
        if files[index].raw is None or taken >= total * _SECOND_PROCESS_SHARE:
            continue
        there.append(index)
        taken += size[index]
    chosen = set(there)
    return [index for index in to_check if index not in chosen], there[::-1]


def _files_beside(root: Path) -> tuple[tuple[str, str | None], ...]:
    """mkdocs.yml and every CODEOWNERS place as they are now: a whole run's result depends on them too."""
    from generator.source.codeowners import PLACES
    from generator.source.files import read_text_if_regular
    from generator.source.site_config import CONFIG_FILE

    places = dict.fromkeys((CONFIG_FILE, *PLACES["github"], *PLACES["gitlab"]))
    return tuple((place, read_text_if_regular(root / place)) for place in places)


@_gc_paused
def _check_cached(
    root: Path,
    scan: InputScan,
    *,
    settings: Mapping[str, RuleSetting],
    language: Language,
    site: SiteSettings | None,
    cache: ValidateCache,
    review: ReviewSettings,
) -> Verdict:
    from generator.rules.cache import CachedFile, CacheUnusable, file_key, read_entry, run_key

    rules = _active_rules(settings)
    rule_by_id = {rule.id: (rule, severity) for rule, severity in rules}
    not_read = _not_read(scan)
    # Each file's bytes, read once: hashed for its key, parsed only when the cache has no result for it.
    files: list[_Input] = []
    for file in scan.sources:
        path, kind = source_path_and_kind(root, file)
        try:
            raw: bytes | None = read_regular_file(file, limit=MAX_FILE_BYTES)
        except OSError:
            raw = None  # read again below, where the loader says what is wrong with it
        files.append(_Input(file, path, kind, raw, file_key(path, raw) if raw is not None else None))
    keys = [read.key for read in files]
    whole_key = None
    if None not in keys:
        # The rules about mkdocs.yml and the committed CODEOWNERS read more than the source files.
        # Today too: whether a review is overdue or a date in the future changes with it.
        outside = repr((scan.refused, scan.unread, site, review, _files_beside(root)))
        whole_key = run_key(keys, not_read=not_read, scan_outcome=outside)  # type: ignore[arg-type]
        last = cache.run(whole_key)
        if last is not None:
            return Verdict(last.problems, last.roles, last.processes, lenient_codes(review))
    problems: list[Problem] = []
    parts: dict[int, FilePart] = {}  # by the file's place in `files`

    def take(index: int, cached: CachedFile) -> bool:
        """Use a file's results from the cache (or from the forked process); False when they are of another shape."""
        try:
            part = cached.part()
            found = [
                Problem(path, line, column, code, rule_by_id[code][1], text, rule_by_id[code][0].name)
                for code, path, line, column, text in cached.findings
            ]
        except (CacheUnusable, KeyError, TypeError, ValueError):
            return False  # read the file after all
        parts[index] = part
        problems.extend(found)
        return True

    def check_here(index: int) -> None:
        found, part = _file_results(root, files[index], rules, language)
        parts[index] = part
        problems.extend(found)
        if (key := files[index].key) is not None:
            cache.put_file(key, [_row(problem) for problem in found], part)

    # Each file's results from the cache, else checked here or, past a million bytes, part in a forked process.
    to_check = [
        index
        for index, read in enumerate(files)
        if not (read.key and (hit := cache.file(read.key)) and take(index, hit))
    ]
    here, there = _shares(to_check, files)
    helper = None
    if there:
        compile_validators(("role", "process"))  # once, shared with the forked process
        helper = Forked(lambda: _results_in_json(root, [files[index] for index in there], rules, language))
    for index in here:
        check_here(index)
    texts = _lines(helper.result()) if helper is not None else []
    if len(texts) != len(there):
        texts = [""] * len(there)  # the forked process failed: check its files here
    saver = None
    if helper is not None and all(texts):
        # While this process reads the forked process's results back and runs the rules across files,
        # another forked process writes the cache: it holds every file's results by now. (Should one
        # of those results prove unreadable below, the cache keeps it as it is; the next run, unable to
        # use it either, parses that file again.)
        for index, text in zip(there, texts, strict=True):
            if (key := files[index].key) is not None:  # always: the forked process checks only files read already
                cache.keep(key, text)
        saver = Forked(lambda: _cache_written(cache))
    for index, text in zip(there, texts, strict=True):
        try:
            if not take(index, read_entry(json.loads(text))):
                raise CacheUnusable("not this run's results")
        except (ValueError, CacheUnusable):
            check_here(index)
    handbook = handbook_from_parts((parts[index] for index in range(len(files))), not_read=not_read)
    problems.extend(_whole_handbook_problems(rules, root, handbook, scan, site, language, review))
    verdict = Verdict(tuple(sorted(set(problems))), len(handbook.roles), len(handbook.processes), lenient_codes(review))
    try:
        if saver is None or saver.result() != _WRITTEN:
            cache.save_files()
        if whole_key is not None:
            cache.put_run(whole_key, problems=verdict.problems, roles=verdict.roles, processes=verdict.processes)
    except (TypeError, ValueError):
        pass  # a model value with no JSON form: no cache this time, the result stands
    return verdict


_WRITTEN = b"written"


def _cache_written(cache: ValidateCache) -> bytes:
    """Write the results of every file into the cache (in a forked process)."""
    cache.save_files()
    return _WRITTEN


class _ParsedFile(NamedTuple):
    raw: bytes
    source: SourceFile
    part: FilePart
    problems: tuple[Problem, ...]


class ParsedFiles:
    """Each file's parse, model part and one-file problems, kept from one check to the next of a preview.

    A `serve` session checks the whole handbook after every edit, and an edit changes
    one file: the others, byte for byte the same, are not parsed or checked again (at
    1,000 roles that was most of the check). The rules across files still run on the
    whole model. A change of rule settings or language starts afresh.
    """

    def __init__(self) -> None:
        self._by_path: dict[str, _ParsedFile] = {}
        self._made_with: tuple[object, ...] = ()

    def files(
        self, root: Path, scan: InputScan, rules: Sequence[tuple[Rule, Severity]], language: Language
    ) -> list[_ParsedFile]:
        made_with = (tuple((rule.id, severity) for rule, severity in rules), language)
        if made_with != self._made_with:
            self._by_path.clear()
            self._made_with = made_with
        files: list[_ParsedFile] = []
        reusable: dict[str, _ParsedFile] = {}
        for file in scan.sources:
            path, kind = source_path_and_kind(root, file)
            try:
                raw: bytes | None = read_regular_file(file, limit=MAX_FILE_BYTES)
            except OSError:
                raw = None  # read_source says what is wrong with it, each time
            last = self._by_path.get(path)
            if raw is not None and last is not None and last.raw == raw:
                parsed = last
            else:
                source = source_from_bytes(path, kind, raw) if raw is not None else read_source(root, file)
                found = tuple(_problems_of(rules, "file", source, language))
                parsed = _ParsedFile(raw or b"", source, file_part(source), found)
            files.append(parsed)
            if raw is not None:
                reusable[path] = parsed
        self._by_path = reusable
        return files


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


class LastReport:
    """The last report a caller computed, and what it was computed from: `check` returns it again while nothing changed.

    `handbook build` checks the handbook before it starts MkDocs, and the plugin checks it
    again inside MkDocs (a plain `mkdocs build` needs that): the build command hands the
    plugin its `LastReport`, so the second check reuses the first. On a 1,000-role handbook
    that saves seconds per build. A preview's plugin keeps one for its whole session.
    """

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._report: Report | None = None

    def check(
        self,
        root: Path,
        *,
        settings: Mapping[str, RuleSetting] | None = None,
        language: Language = "en",
        site_folders: Sequence[Path] = (),
        site: SiteSettings | None = None,
        parsed: ParsedFiles | None = None,
        review: ReviewSettings | None = None,
    ) -> Report:
        """`check_handbook`, or the last report when it was made with the same arguments from the same files.

        A preview passes its `parsed` files, so after an edit only the changed files are parsed.
        """
        scan = _scan(root, site_folders)
        review = review or settings_for_today()
        folders = tuple(os.path.abspath(folder) for folder in site_folders)
        settings_key = tuple(sorted((settings or {}).items()))
        key = (root.resolve(), folders, settings_key, language, site, review, _fingerprint(scan))
        if self._report is None or key != self._key:
            self._report = _check_scanned(
                root, scan, settings=settings or {}, language=language, site=site, parsed=parsed, review=review
            )
            self._key = key
        return self._report
