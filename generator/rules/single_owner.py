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

from generator.model import Handbook
from generator.problems import Finding

ID = "HB102"
NAME = "single-owner"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for process in handbook.processes:
        for _, step in process.steps():
            if step.raci is not None and len(step.raci.accountable) > 1:
                names = ", ".join(f"`{ref.role_id}`" for ref in step.raci.accountable)
                yield Finding(
                    step.raci.accountable[1].at,
                    f"step `{step.id}` has {len(step.raci.accountable)} owners ({names}): keep one role under `A` "
                    "and move the others to `R` or `C`",
                )
