"""A department's id is a lowercase slug, equals its file name and is used by no other department.

Why: the id is what roles and processes write in `department`, and it becomes the
address of the department's page (`departments/<id>/`). Two files with one id, or
a file whose name differs from its id, make it unclear which one a role belongs to.

Failing example::

    # departments/sales.yml
    id: Sales Team

Passing example::

    # departments/sales.yml
    id: sales
    title: 業務部
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from generator.rules.ids.id_format import problem_with
from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB071"
NAME = "department-id"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    first_file: dict[str, str] = {}
    for department in handbook.departments:
        identifier = department.id
        if not identifier:
            continue  # reported as a missing value
        reason = problem_with(identifier)
        if reason is not None:
            yield Finding(department.id_at, msg("department_id.format", id=identifier, reason=reason))
            continue
        stem = PurePosixPath(department.path).stem
        if stem != identifier:
            yield Finding(department.id_at, msg("department_id.file_name", id=identifier, stem=stem))
        if identifier in first_file:
            yield Finding(department.id_at, msg("department_id.duplicate", id=identifier, other=first_file[identifier]))
        else:
            first_file[identifier] = department.path
