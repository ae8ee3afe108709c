"""Ids must be unique: roles and processes across the handbook, stages and steps within their process.

Why: an id is an address. Two roles with one id would share a page; two steps
with one id would share an anchor, so a link would land on the wrong step.
Ids that differ only in upper/lower case collide on Windows and macOS too.
A former id (under `aliases`) may be claimed by one role or process only: listed
under the `aliases` of two roles (or of a role and a process), it would send one
old link to two places.

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

from generator.source.model import Handbook, Location
from generator.source.problems import Finding
from generator.words.messages import msg

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


def _former_id_claims(handbook: Handbook) -> Iterator[Finding]:
    # One old address can redirect to one place only, whatever kind claims it; the first claim in
    # file order keeps it, every later one is reported, naming the first.
    claims = [("role", role.id, alias) for role in handbook.roles for alias in role.aliases]
    claims += [("process", process.id, alias) for process in handbook.processes for alias in process.aliases]
    first: dict[str, tuple[str, str, Location]] = {}
    for what, owner, alias in sorted(claims, key=lambda claim: claim[2].at):
        key = alias.role_id.casefold()
        if key in first:
            first_what, first_owner, first_at = first[key]
            yield Finding(
                alias.at,
                msg(
                    "alias_claimed_twice",
                    alias=alias.role_id,
                    what=msg(f"thing.{first_what}"),
                    owner=first_owner,
                    where=str(first_at),
                ),
            )
        elif alias.role_id:
            first[key] = (what, owner, alias.at)


def check(handbook: Handbook) -> Iterator[Finding]:
    yield from _duplicates("role", ((role.id, role.id_at) for role in handbook.roles))
    yield from _duplicates("process", ((process.id, process.id_at) for process in handbook.processes))
    for process in handbook.processes:
        yield from _duplicates("stage", ((stage.id, stage.id_at) for stage in process.stages))
        yield from _duplicates("step", ((step.id, step.id_at) for _, step in process.steps()))
    yield from _former_id_claims(handbook)
