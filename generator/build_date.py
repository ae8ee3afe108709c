"""The build date of a site: the time of the last commit, so that two builds of one commit are byte-identical.

MkDocs stamps the sitemap (`<lastmod>`, and the gzip header of sitemap.xml.gz) with
the build date, or with `SOURCE_DATE_EPOCH` when that is set (the convention of
reproducible-builds.org). We set it from the handbook's last commit when it is
unset, so a site built today and one built next week from the same commit agree.
"""

from __future__ import annotations

import os
import subprocess
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


def set_source_date_epoch(folder: Path) -> None:
    """Set SOURCE_DATE_EPOCH from the last commit of `folder` unless the caller already set it."""
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return
    stamp = last_commit_time(folder)
    if stamp is not None:
        os.environ[ENVIRONMENT_VARIABLE] = stamp
