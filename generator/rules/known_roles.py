"""Every role named in a RACI, an `owner` or a `reports_to` must exist in `roles/`.

Why: a misspelt role id would leave a step with an owner nobody can find.
The message suggests the closest existing id.

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

from generator.model import Handbook, RoleRef
from generator.problems import Finding

ID = "HB030"
NAME = "known-roles"
SEVERITY = "error"
SCOPE = "handbook"


def _suggestion(handbook: Handbook, written: str) -> str:
    for role in handbook.roles:
        if written in (role.title, role.id.casefold()) or written.casefold() == role.id:
            return f" — did you mean `{role.id}` ({role.title})?"
    close = difflib.get_close_matches(written, list(handbook.role_by_id), n=1, cutoff=0.6)
    if close:
        return f" — did you mean `{close[0]}`?"
    return ""


def _check(handbook: Handbook, ref: RoleRef, where: str) -> Iterator[Finding]:
    if ref.role_id in handbook.role_by_id:
        return
    if f"roles/{ref.role_id}.yml" in handbook.unreadable_files:
        return  # the role's file exists but is broken: that file's own problem says what to fix
    yield Finding(
        ref.at,
        f"{where} names the role `{ref.role_id}`, which has no file in roles/{_suggestion(handbook, ref.role_id)}",
    )


def check(handbook: Handbook) -> Iterator[Finding]:
    for role in handbook.roles:
        if role.reports_to:
            yield from _check(handbook, role.reports_to, "`reports_to`")
    for process in handbook.processes:
        if process.owner:
            yield from _check(handbook, process.owner, "`owner`")
        for _, step in process.steps():
            if step.raci is None:
                continue
            for letter, ref in step.raci.letters():
                yield from _check(handbook, ref, f"`{letter}` of step `{step.id}`")
