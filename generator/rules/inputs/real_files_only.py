"""Handbook files are ordinary files in the repository: no symbolic links, pipes or other special files.

Why: a symbolic link is a shortcut to a file somewhere else. Followed, a link in
`roles/`, in the docs folder (`handbook/`) or in the cache folder (`.cache/`)
would publish a file from outside the repository on the website, or let a build
overwrite a file the next step runs. A named pipe, a socket or a device is not a
file at all: reading one can wait forever. Such entries are never read, and the
site is not built while any is there. The message names the link, never what
it points to. Hidden entries in `roles/` and `processes/` (`.gitkeep`) are not read
and not reported; in the docs and cache folders every link is reported.

Failing example: `roles/market-research.yml` is a link to `../../secrets.yml`
(created with `ln -s`, or committed as a link).

Passing example: `roles/market-research.yml` is an ordinary file holding::

    id: market-research
    title: 市場調研專員
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.files import InputScan
from generator.source.model import Location
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB006"
NAME = "real-files-only"
SEVERITY = "error"
SCOPE = "inputs"


def check(scan: InputScan) -> Iterator[Finding]:
    for entry in scan.refused:
        at = Location(entry.path, 1, 1)
        if entry.found == "link":
            yield Finding(at, msg("inputs.link"))
        elif entry.expected == "folder":
            yield Finding(at, msg("inputs.not_a_folder", found=msg(f"inputs.what.{entry.found}")))
        elif entry.found == "folder":
            yield Finding(at, msg("inputs.folder_not_file"))
        else:
            yield Finding(at, msg("inputs.special", found=msg(f"inputs.what.{entry.found}")))
