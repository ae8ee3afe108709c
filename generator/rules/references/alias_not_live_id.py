"""An alias (a former id under `aliases`) must not be the id of a role (or process) that exists.

Why: an alias makes old links and old references find a renamed role or
process. If the same id also belongs to a live one, nobody can tell which a
reference or an old link means. Remove the alias; the live one keeps its id.

Failing example (in `roles/market-research.yml`, while `roles/brand-promotion.yml` exists)::

    id: market-research
    aliases: [brand-promotion]

Passing example (`market-analyst` is the id this role had before)::

    id: market-research
    aliases: [market-analyst]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from generator.source.model import Handbook, Process, Role
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB032"
NAME = "alias-not-live-id"
SEVERITY = "error"
SCOPE = "handbook"


def _clashes(what: str, owners: Iterable[Role | Process], live: Mapping[str, Role | Process]) -> Iterator[Finding]:
    for owner in owners:
        for alias in owner.aliases:
            clash = live.get(alias.role_id)
            if clash is not None:
                where = msg(f"thing.{what}")
                yield Finding(
                    alias.at, msg("alias_is_live_id", alias=alias.role_id, role=owner.id, what=where, path=clash.path)
                )


def check(handbook: Handbook) -> Iterator[Finding]:
    # Roles and processes have pages in separate folders: an alias clashes only with its own kind.
    yield from _clashes("role", handbook.roles, handbook.role_by_id)
    live_processes = {process.id: process for process in reversed(handbook.processes)}
    yield from _clashes("process", handbook.processes, live_processes)
