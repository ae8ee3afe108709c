"""The build date of a site: the time of the last commit, so that two builds of one commit are byte-identical.

MkDocs stamps the sitemap (`<lastmod>`, and the gzip header of sitemap.xml.gz) with
the build date, or with `SOURCE_DATE_EPOCH` when that is set (the convention of
reproducible-builds.org). We set it from the handbook's last commit when it is
unset, so a site built today and one built next week from the same commit agree.
The review pages count "today" from the same variable (generator.source.reviews),
and `--today` sets it for a build or a preview (`given_build_date`).

Also here, from the same git: the day each YAML file last changed (`last_changed_days`),
which every generated page shows.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from generator.source.reviews import ENVIRONMENT_VARIABLE, FROM_COMMIT_VARIABLE, epoch_of

# Reading the history of a very big repository must not hold a build up for long.
_GIT_TIMEOUT = 30


def last_commit_time(folder: Path) -> str | None:
    """Seconds since the epoch of the last commit of the git repository holding `folder`, if any."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None  # no git installed, or it hung: build with today's date as before
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


@contextmanager
def reproducible_build_date(folder: Path) -> Iterator[None]:
    """SOURCE_DATE_EPOCH from the last commit of `folder` while the block runs, unless the caller set it.

    The variable is removed again afterwards: left in the environment, `mkdocs serve`'s
    next rebuild (or anything else in the process) would take it for the user's own
    and stamp today's edits with the date of the last commit.
    """
    if os.environ.get(ENVIRONMENT_VARIABLE):
        yield
        return
    stamp = last_commit_time(folder)
    if stamp is None:
        yield
        return
    os.environ[ENVIRONMENT_VARIABLE] = stamp
    # Says the day is the commit's, not one a user chose (generator.source.reviews.date_was_given).
    os.environ[FROM_COMMIT_VARIABLE] = stamp
    try:
        yield
    finally:
        # Only ours is removed: something in the block may have set its own on purpose.
        if os.environ.get(ENVIRONMENT_VARIABLE) == stamp:
            del os.environ[ENVIRONMENT_VARIABLE]
        if os.environ.get(FROM_COMMIT_VARIABLE) == stamp:
            del os.environ[FROM_COMMIT_VARIABLE]


@contextmanager
def given_build_date(day: date | None, folder: Path) -> Iterator[None]:
    """`SOURCE_DATE_EPOCH` at midnight (UTC) of `day` while the block runs (`--today`); without `day`,
    `reproducible_build_date`. The variable's earlier value, or its absence, is put back afterwards."""
    if day is None:
        with reproducible_build_date(folder):
            yield
        return
    before = os.environ.get(ENVIRONMENT_VARIABLE)
    os.environ[ENVIRONMENT_VARIABLE] = epoch_of(day)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENVIRONMENT_VARIABLE, None)
        else:
            os.environ[ENVIRONMENT_VARIABLE] = before


def last_changed_days(folder: Path, paths: Iterable[str]) -> Mapping[str, date]:
    """The day of the last commit that changed each of `paths` (relative to `folder`), as the committer dated it.

    One `git log` over the history of the handbook's folders, newest first: a file's first
    appearance is its last change. Files never committed, and every file outside a git work
    tree or without git, are left out: a page then shows no date, and nothing fails.
    """
    wanted = set(paths)
    if not wanted:
        return {}
    folders = sorted({path.split("/", 1)[0] if "/" in path else path for path in wanted})
    try:
        result = subprocess.run(
            [
                "git",
                "-c",
                "core.quotepath=off",
                "log",
                "--format=%x00%cs",
                "--name-only",
                "--no-renames",
                "--",
                *folders,
            ],
            cwd=folder,
            capture_output=True,
            timeout=_GIT_TIMEOUT,
            check=False,
        )
        prefix_result = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], cwd=folder, capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0 or prefix_result.returncode != 0:
        return {}
    # git names files from the top of the repository; the handbook may be a folder inside it.
    prefix = prefix_result.stdout.decode("utf-8", errors="replace").strip()
    found: dict[str, date] = {}
    day: date | None = None
    for line in result.stdout.decode("utf-8", errors="replace").splitlines():
        if line.startswith("\x00"):
            try:
                day = date.fromisoformat(line[1:].strip())
            except ValueError:
                day = None
            continue
        name = line.strip()
        if not name or day is None or not name.startswith(prefix):
            continue
        path = name[len(prefix) :]
        if path in wanted and path not in found:
            found[path] = day
    return found
