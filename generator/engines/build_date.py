"""The build date of a site: the time of the last commit, so that two builds of one commit are byte-identical.

MkDocs stamps the sitemap (`<lastmod>`, and the gzip header of sitemap.xml.gz) with
the build date, or with `SOURCE_DATE_EPOCH` when that is set (the convention of
reproducible-builds.org). We set it from the handbook's last commit when it is
unset, so a site built today and one built next week from the same commit agree.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENVIRONMENT_VARIABLE = "SOURCE_DATE_EPOCH"


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
    try:
        yield
    finally:
        # Only ours is removed: something in the block may have set its own on purpose.
        if os.environ.get(ENVIRONMENT_VARIABLE) == stamp:
            del os.environ[ENVIRONMENT_VARIABLE]
