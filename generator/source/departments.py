"""Departments of a company handbook: who belongs where, and which departments a step involves.

A department is a file `departments/<id>.yml`; roles and processes name theirs in a
`department` field. Files stay in the flat `roles/` and `processes/` folders: moving
a role to another department changes one field, never its file name or its address.
A handbook without `departments/` is one department and none of this applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from generator.source.model import Department, Handbook, Person, Process, Role, Step

# What CODEOWNERS accepts as an owner on both GitHub and GitLab: `@user`, `@org/team`
# (GitLab: `@group/subgroup`) or an e-mail address. Always used with fullmatch.
_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?"
MAINTAINER = re.compile(rf"@{_NAME}(?:/{_NAME})*|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{{2,}}")


def is_maintainer(text: str) -> bool:
    """Whether `text` is an owner CODEOWNERS understands (a handle, a team or an e-mail address)."""
    return MAINTAINER.fullmatch(text) is not None


def department_by_id(handbook: Handbook) -> Mapping[str, Department]:
    """Departments by id; when an id is duplicated, the first file wins (a rule reports it)."""
    found: dict[str, Department] = {}
    for department in handbook.departments:
        found.setdefault(department.id, department)
    return found


def department_id_of(item: Role | Process) -> str | None:
    return item.department.department_id if item.department else None


def department_of(handbook: Handbook, item: Role | Process) -> Department | None:
    identifier = department_id_of(item)
    return department_by_id(handbook).get(identifier) if identifier else None


def roles_of(handbook: Handbook, department: Department) -> tuple[Role, ...]:
    """The department's roles, head first, then down the reporting line (file order within a level)."""
    return tuple(role for role in handbook.roles_in_reading_order if department_id_of(role) == department.id)


def people_of(handbook: Handbook, department: Department) -> tuple[Person, ...]:
    """The people holding a role of the department, in file order."""
    return handbook.people_by_department.get(department.id, ())


def processes_owned_by(handbook: Handbook, department: Department) -> tuple[Process, ...]:
    return tuple(process for process in handbook.processes if department_id_of(process) == department.id)


def departments_of_step(handbook: Handbook, step: Step) -> tuple[str, ...]:
    """The departments whose roles hold a RACI letter on the step, in RACI order."""
    if step.raci is None:
        return ()
    found: dict[str, None] = {}
    for _, ref in step.raci.letters():
        role = handbook.role_by_id.get(ref.role_id)
        if role is not None and role.department is not None:
            found[role.department.department_id] = None
    return tuple(found)


def processes_taken_part_in(handbook: Handbook, department: Department) -> tuple[Process, ...]:
    """Processes of other departments (or of none) where a role of this department holds a letter."""
    found: list[Process] = []
    for process in handbook.processes:
        if department_id_of(process) == department.id:
            continue
        if any(department.id in departments_of_step(handbook, step) for _, step in process.steps()):
            found.append(process)
    return tuple(found)


def ancestors_of(handbook: Handbook, department: Department) -> tuple[Department, ...]:
    """The department's parent, the parent's parent, … (stops at a circle or an unknown id)."""
    by_id = department_by_id(handbook)
    chain: list[Department] = []
    seen = {department.id}
    current = department
    while current.parent and current.parent.department_id in by_id:
        current = by_id[current.parent.department_id]
        if current.id in seen:
            break
        seen.add(current.id)
        chain.append(current)
    return tuple(chain)


@dataclass(frozen=True, slots=True)
class OwnedFile:
    """A handbook file and the department whose maintainers approve changes to it."""

    path: str
    department: Department


def files_of_departments(handbook: Handbook) -> Iterator[OwnedFile]:
    """Every department file, every role and process file that names a known department, and every person
    file holding a role of one, in that order."""
    by_id = department_by_id(handbook)
    for department in handbook.departments:
        if by_id.get(department.id) is department:
            yield OwnedFile(department.path, department)
    items: Iterable[Role | Process] = (*handbook.roles, *handbook.processes)
    for item in items:
        owner = by_id.get(department_id_of(item) or "")
        if owner is not None:
            yield OwnedFile(item.path, owner)
    # A person's file belongs to the department of the first role they hold there.
    roles = handbook.role_by_id
    for person in handbook.people:
        departments = (department_id_of(roles[ref.role_id]) or "" for ref in person.roles if ref.role_id in roles)
        owner = next((by_id[d] for d in departments if d in by_id), None)
        if owner is not None:
            yield OwnedFile(person.path, owner)
