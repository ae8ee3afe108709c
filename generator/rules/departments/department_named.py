"""Once a handbook has `departments/`, every role and process names its `department`.

Why: a role without a department appears on no department page and its file is
approved by no department's maintainers. Teams outside the company
(`external: true`) may name none. A handbook without `departments/` is one
department, and this rule says nothing.

Failing example::

    # departments/marketing.yml exists
    # roles/market-research.yml
    id: market-research
    title: 市場調研專員

Passing example::

    # roles/market-research.yml
    id: market-research
    title: 市場調研專員
    department: marketing
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.departments import department_by_id
from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB075"
NAME = "department-named"
SEVERITY = "error"
SCOPE = "handbook"

# The message lists the department ids to choose from, up to this many.
_CHOICES_SHOWN = 8


def check(handbook: Handbook) -> Iterator[Finding]:
    if not handbook.departments:
        return
    known = list(department_by_id(handbook))
    choices = ", ".join(f"`{identifier}`" for identifier in known[:_CHOICES_SHOWN]) + (
        ", …" if len(known) > _CHOICES_SHOWN else ""
    )
    for role in handbook.roles:
        if role.department is None and not role.external and role.id:
            yield Finding(role.id_at, msg("department_named.role", role=role.id, choices=choices))
    for process in handbook.processes:
        if process.department is None and process.id:
            yield Finding(process.id_at, msg("department_named.process", process=process.id, choices=choices))
