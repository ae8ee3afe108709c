"""Every department names a `head`: an existing role that belongs to the department.

Why: the head is the top of the department's reporting tree and the person its
page and its chart start from. A head that is missing, misspelt or in another
department leaves the department without anyone in charge on paper.

Failing example::

    # departments/sales.yml
    id: sales
    title: 業務部
    head: marketing-head      # roles/marketing-head.yml says department: marketing

Passing example::

    # departments/sales.yml
    id: sales
    title: 業務部
    head: sales-head          # roles/sales-head.yml says department: sales
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB072"
NAME = "department-head"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for department in handbook.departments:
        if not department.id:
            continue
        head = department.head
        if head is None:
            yield Finding(department.id_at, msg("department_head.missing", department=department.id))
            continue
        role = handbook.role_by_id.get(head.role_id)
        if role is None:
            if head.role_id not in handbook.words_in_unreadable_roles:
                yield Finding(head.at, msg("department_head.unknown", department=department.id, role=head.role_id))
        elif role.department is None:
            yield Finding(head.at, msg("department_head.no_department", department=department.id, role=role.id))
        elif role.department.department_id != department.id:
            yield Finding(
                head.at,
                msg(
                    "department_head.elsewhere",
                    department=department.id,
                    role=role.id,
                    other=role.department.department_id,
                ),
            )
