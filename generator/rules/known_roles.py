"""Every role named in a RACI, an `owner` or a `reports_to` must exist in `roles/`.

Why: a misspelt role id would leave a step with an owner nobody can find.
The message suggests the closest existing id. A former id listed under a
role's `aliases` still counts as that role (rule HB033 asks to update it).
An id written in a role file that cannot be read is not called unknown: that
file may define it or list it as a former id; the file's own problem comes first.

Failing example::

    raci:
      R: [market-reserch]
      A: marketing-head

Passing example::

    raci:
      R: [market-research]
      A: marketing-head
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from generator.messages import Message, msg
from generator.model import Handbook, RoleRef
from generator.problems import Finding

ID = "HB030"
NAME = "known-roles"
SEVERITY = "error"
SCOPE = "handbook"


def role_references(handbook: Handbook) -> Iterator[tuple[RoleRef, Message]]:
    """Every place a role id is written (reports_to, owner, RACI letters), with its name in words."""
    for role in handbook.roles:
        if role.reports_to:
            yield role.reports_to, msg("where.reports_to")
    for process in handbook.processes:
        if process.owner:
            yield process.owner, msg("where.owner")
        for _, step in process.steps():
            if step.raci is None:
                continue
            for letter, ref in step.raci.letters():
                yield ref, msg("where.raci", letter=letter, step=step.id)


def _suggestion(handbook: Handbook, written: str) -> Message | str:
    for role in handbook.roles:
        if written in (role.title, role.id.casefold()) or written.casefold() == role.id:
            return msg("known_roles.did_you_mean_titled", role=role.id, title=role.title)
    close = difflib.get_close_matches(written, list(handbook.role_by_id), n=1, cutoff=0.6)
    if close:
        return msg("known_roles.did_you_mean", role=close[0])
    return ""


def check(handbook: Handbook) -> Iterator[Finding]:
    for ref, where in role_references(handbook):
        # A former id (alias) was already resolved to its role by the builder.
        if ref.role_id in handbook.role_by_id:
            continue
        if {f"roles/{ref.role_id}.yml", f"roles/{ref.role_id}.yaml"} & handbook.unreadable_files:
            continue  # the role's file exists but is broken: that file's own problem says what to fix
        if ref.role_id in handbook.words_in_unreadable_roles:
            continue  # a broken role file may list it as an id or a former id: hear that file first
        hint = _suggestion(handbook, ref.role_id)
        yield Finding(ref.at, msg("known_roles.unknown", where=where, role=ref.role_id, hint=hint))
