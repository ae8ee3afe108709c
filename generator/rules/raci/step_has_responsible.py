"""Every step names at least one role under `R`: who does the work.

Why: the owner (`A`) answers for the step, but a new hire reading a checklist
needs to know whose hands do it — often their own.

Failing example::

    raci:
      A: marketing-head

Passing example::

    raci:
      R: [market-research]
      A: marketing-head
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB103"
NAME = "step-has-responsible"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for process in handbook.processes:
        for _, step in process.steps():
            if step.raci is not None and not step.raci.responsible:
                yield Finding(step.raci.at, msg("step_has_responsible", step=step.id))
