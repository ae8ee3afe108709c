"""References use a role's current id, not a former one listed under its `aliases`.

Why: an alias keeps old references working after a role is renamed, so the
handbook still builds; but the next editor searching for the new id would miss
these places. The message names the id to write instead.

Failing example (`market-analyst` is listed under `aliases` of `market-research`)::

    raci:
      R: [market-analyst]
      A: marketing-head

Passing example::

    raci:
      R: [market-research]
      A: marketing-head
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.references.known_roles import role_references
from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB033"
NAME = "deprecated-alias"
SEVERITY = "warning"
SCOPE = "handbook"


def _maybe_live(handbook: Handbook, role_id: str) -> bool:
    return bool({f"roles/{role_id}.yml", f"roles/{role_id}.yaml"} & handbook.unreadable_files)


def check(handbook: Handbook) -> Iterator[Finding]:
    if not any(role.aliases for role in handbook.roles):
        return  # without former ids no reference was written with one
    for ref, where in role_references(handbook, lambda ref: ref.written is not None):
        role = handbook.role_by_id.get(ref.role_id)
        # When the former id's own file is broken, the id may still be live: hear that file first.
        if ref.written is not None and role is not None and not _maybe_live(handbook, ref.written):
            yield Finding(
                ref.at, msg("deprecated_alias", where=where, alias=ref.written, role=role.id, title=role.title)
            )
