"""`roles/` and `processes/` hold only role and process files (`.yml`); anything else there is reported.

Why: the tool does not read other files there, and a reader of the repository
may think it does: an editor's backup (`market-research.yml~`, `.bak`, `.orig`)
or a note is easily taken for the real file. Hidden files (names starting with a
dot, such as `.gitkeep` or an editor's swap file) are skipped without a warning.

Failing example: `roles/market-research.yml~` (an editor's backup) next to
`roles/market-research.yml`.

Passing example: only `roles/market-research.yml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from generator.source.files import InputScan
from generator.source.model import Location
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB008"
NAME = "no-stray-files"
SEVERITY = "warning"
SCOPE = "inputs"


def check(scan: InputScan) -> Iterator[Finding]:
    for entry in scan.unread:
        if entry.meant is None:
            folder = PurePosixPath(entry.path).parts[0]
            yield Finding(Location(entry.path, 1, 1), msg("inputs.stray", folder=folder))
