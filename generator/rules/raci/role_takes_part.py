"""Every role takes part in at least one step (as R, A, C or I).

Why: a role that appears in no step has a page that says nothing about what
the person does; usually the role was renamed or left behind after a
reorganisation. Add it where it works, or delete its file. While a process
file cannot be read, this rule waits: that file may be the one naming the role.

Failing example: `roles/intern.yml` exists, but no step's `raci` names `intern`.

Passing example::

    raci:
      R: [intern]
      A: marketing-head
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB105"
NAME = "role-takes-part"
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    if not handbook.processes:
        return  # a handbook being started, or one whose process files are all broken: nothing to measure
    if any(path.startswith("processes/") for path in handbook.unreadable_files):
        return  # a broken process file may be the one that names the role: fix that file first
    taking_part = handbook.role_ids_in_raci
    for role in handbook.role_by_id.values():
        if role.id and role.id not in taking_part:
            yield Finding(role.id_at, msg("role_takes_part", role=role.id))
