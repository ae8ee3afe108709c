"""A role's or process's `id` must equal its file name (without `.yml`).

Why: people find a role's file by its address and the other way round; when
the two differ, the next editor changes the wrong file.

Failing example: `roles/market-research.yml` containing::

    id: researcher

Passing example: `roles/market-research.yml` containing::

    id: market-research
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB021"
NAME = "id-matches-file-name"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for kind, items in (("role", handbook.roles), ("process", handbook.processes), ("person", handbook.people)):
        for item in items:
            stem = PurePosixPath(item.path).stem
            if item.id and item.id != stem:
                yield Finding(item.id_at, msg("id_matches_file_name", what=msg(f"thing.{kind}"), id=item.id, stem=stem))
