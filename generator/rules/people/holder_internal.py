"""A person holds department roles only, not a team outside it (`external: true`).

Why: an external team's page says what to ask of that team, not who in it does
the work; its people are not the department's, change without the department
knowing, and would be published in the department's handbook. Name the department
role that works with the team instead, or drop the role from the person's list.

Failing example (`design-team` has `external: true`)::

    id: zhang-wei
    name: 張偉
    roles: [design-team]

Passing example::

    id: zhang-wei
    name: 張偉
    roles: [brand-promotion]
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB082"
NAME = "holder-internal"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for person in handbook.people:
        for field, refs in (("roles", person.roles), ("deputy_for", person.deputy_for)):
            for ref in refs:
                role = handbook.role_by_id.get(ref.role_id)
                if role is not None and role.external:
                    yield Finding(ref.at, msg("holder_internal", field=field, role=role.id, title=role.title))
