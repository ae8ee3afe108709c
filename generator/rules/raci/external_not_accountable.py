"""The owner (`A`) of a step is a department role, not a team outside it (`external: true`).

Why: the handbook describes what the department answers for. A team outside
it can do the work (`R`) or be consulted (`C`), but when it owns a step the
department has nobody to ask when the step slips.

Failing example (`design-team` has `external: true`)::

    raci:
      R: [design-team]
      A: design-team

Passing example::

    raci:
      R: [design-team]
      A: event-planning
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB106"
NAME = "external-not-accountable"
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for process in handbook.processes:
        for _, step in process.steps():
            for ref in step.raci.accountable if step.raci else ():
                role = handbook.role_by_id.get(ref.role_id)
                if role is not None and role.external:
                    yield Finding(ref.at, msg("external_not_accountable", step=step.id, role=role.id))
