"""A role reports to a role of its own department; only a department's head reports upward.

Why: a department's reporting tree is drawn from its head down. A role whose
manager sits in another department falls out of that tree, and usually means a
`department` was forgotten when the role moved. The one explicit line across
departments is the head of a department reporting to a role of the department
directly above it (its `parent`).

Failing example::

    # roles/sales-rep.yml
    department: sales
    reports_to: marketing-head     # department: marketing

Passing example::

    # roles/sales-head.yml  (head of sales; departments/sales.yml says parent: commercial)
    department: sales
    reports_to: coo                # department: commercial
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.departments import department_by_id
from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB076"
NAME = "cross-department-manager"
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    by_id = department_by_id(handbook)
    for role in handbook.roles:
        if role.reports_to is None or role.department is None or role.external:
            continue
        manager = handbook.role_by_id.get(role.reports_to.role_id)
        if manager is None or manager.department is None:
            continue
        own, other = role.department.department_id, manager.department.department_id
        department = by_id.get(own)
        if own == other or department is None or other not in by_id:
            continue
        is_head = department.head is not None and department.head.role_id == role.id
        if is_head and department.parent is not None and department.parent.department_id == other:
            continue
        yield Finding(
            role.reports_to.at,
            msg("cross_department_manager", role=role.id, manager=manager.id, department=own, other=other),
        )
