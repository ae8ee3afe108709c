"""Ids must be unique: roles and processes across the handbook, stages and steps within their process.

Why: an id is an address. Two roles with one id would share a page; two steps
with one id would share an anchor, so a link would land on the wrong step.
Ids that differ only in upper/lower case collide on Windows and macOS too.

Failing example (two steps of one process)::

    - id: collect-inputs
      title: 彙整市場輸入
    - id: collect-inputs
      title: 彙整銷售回饋

Passing example::

    - id: collect-market-inputs
      title: 彙整市場輸入
    - id: collect-sales-feedback
      title: 彙整銷售回饋
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.messages import msg
from generator.model import Handbook, Location
from generator.problems import Finding

ID = "HB022"
NAME = "unique-ids"
SEVERITY = "error"
SCOPE = "handbook"


def _duplicates(what: str, entries: Iterable[tuple[str, Location]]) -> Iterator[Finding]:
    first: dict[str, tuple[str, Location]] = {}
    for identifier, at in entries:
        if not identifier:
            continue
        key = identifier.casefold()
        if key in first:
            original, original_at = first[key]
            same = msg("unique_ids.same") if original == identifier else msg("unique_ids.case", original=original)
            yield Finding(
                at, msg("unique_ids", what=msg(f"thing.{what}"), id=identifier, same=same, where=str(original_at))
            )
        else:
            first[key] = (identifier, at)


def check(handbook: Handbook) -> Iterator[Finding]:
    yield from _duplicates("role", ((role.id, role.id_at) for role in handbook.roles))
    yield from _duplicates("process", ((process.id, process.id_at) for process in handbook.processes))
    for process in handbook.processes:
        yield from _duplicates("stage", ((stage.id, stage.id_at) for stage in process.stages))
        yield from _duplicates("step", ((step.id, step.id_at) for _, step in process.steps()))
