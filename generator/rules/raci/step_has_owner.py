"""Every step must have an owner: exactly one role under `A` (accountable) in its `raci`.

Why: this is the handbook's headline rule. A step nobody owns is a step nobody
finishes; the site refuses to build until each step names its owner.

Failing example::

    raci:
      R: [event-planning]

Passing example::

    raci:
      R: [event-planning]
      A: marketing-head
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB101"
NAME = "step-has-owner"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for process in handbook.processes:
        for _, step in process.steps():
            # A step without any `raci` is already reported as a missing required field.
            if step.raci is not None and not step.raci.accountable:
                yield Finding(step.raci.at, msg("step_has_owner", step=step.id))
