"""A step has exactly one owner: `A` names one role, never several.

Why: when two roles are accountable, each assumes the other one decides.
Put the other roles under `R` (they do the work) or `C` (they are consulted).

Failing example::

    raci:
      R: [brand-promotion]
      A: [marketing-head, brand-promotion]

Passing example::

    raci:
      R: [brand-promotion]
      A: marketing-head
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB102"
NAME = "single-owner"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for process in handbook.processes:
        for _, step in process.steps():
            if step.raci is None or len(step.raci.accountable) < 2:
                continue
            owners = list(dict.fromkeys(ref.role_id for ref in step.raci.accountable))
            if len(owners) > 1:
                second = next(ref for ref in step.raci.accountable if ref.role_id == owners[1])
                names = ", ".join(f"`{owner}`" for owner in owners)
                yield Finding(second.at, msg("single_owner", step=step.id, count=len(owners), names=names))
