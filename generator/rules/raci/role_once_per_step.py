"""A role holds one letter on a step; the one exception is R together with A.

Why: a role listed twice (`C` and `I`, or `R` twice) means the editor was
unsure what the role does there, and the RACI matrix shows a muddled cell.
Doing the work and owning it (`R` and `A`) is normal RACI practice and allowed.

Failing example::

    raci:
      R: [market-research]
      A: marketing-head
      C: [sales-team]
      I: [sales-team]

Passing example::

    raci:
      R: [marketing-head]
      A: marketing-head
      C: [sales-team]
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook, RoleRef
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB104"
NAME = "role-once-per-step"
SEVERITY = "error"
SCOPE = "handbook"
_ALLOWED_TOGETHER = ("R", "A")


def check(handbook: Handbook) -> Iterator[Finding]:
    for process in handbook.processes:
        for _, step in process.steps():
            if step.raci is None:
                continue
            raci = step.raci
            named = (*raci.responsible, *raci.accountable, *raci.consulted, *raci.informed)
            if len({ref.role_id for ref in named}) == len(named):
                continue  # each role named once: nearly every step
            held: dict[str, list[tuple[str, RoleRef]]] = {}
            for letter, ref in step.raci.letters():
                held.setdefault(ref.role_id, []).append((letter, ref))
            for role_id, entries in held.items():
                letters = tuple(letter for letter, _ in entries)
                # An unknown id is already an error of its own (HB030); one message per mistake.
                if len(letters) < 2 or letters == _ALLOWED_TOGETHER or role_id not in handbook.role_by_id:
                    continue
                # Point at the second mention: the first is usually the intended one.
                second = sorted((ref.at for _, ref in entries))[1]
                yield Finding(second, msg("role_once_per_step", step=step.id, role=role_id, letters=", ".join(letters)))
