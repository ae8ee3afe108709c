"""A department role that no person in `people/` holds is vacant (reported only when the handbook asks).

Why: a vacant role's steps still need doing; the handbook should say who covers
it meanwhile (a person with `deputy_for`) and the department head should know it is
open. Off unless `mkdocs.yml` sets `vacant_roles: warn` under the `handbook` plugin:
a handbook that lists no people, or lists them only in part, is not wrong.
External teams are never vacant.

Failing example (`vacant_roles: warn`, and no file in people/ holds `event-planning`)::

    id: event-planning
    title: 活動策劃專員

Passing example (a person holds it)::

    id: ho-jiahao
    name: 何家豪
    roles: [event-planning]
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.people import is_vacant
from generator.source.problems import Finding
from generator.words.messages import Message, msg

ID = "HB085"
NAME = "vacant-role"
SEVERITY = "warning"
SCOPE = "handbook"
# Opted into with the plugin option `vacant_roles: warn` (generator.rules.checking.settings_with_options).
ON_BY_DEFAULT = False


def check(handbook: Handbook) -> Iterator[Finding]:
    for role in handbook.role_by_id.values():
        if not is_vacant(handbook, role):
            continue
        deputies = handbook.deputies_of(role.id)
        if deputies:
            names: Message | str = deputies[0].name or deputies[0].id
            for person in deputies[1:]:
                names = msg("people.and", first=names, second=person.name or person.id)
            yield Finding(role.id_at, msg("vacant_role.deputy", role=role.id, deputies=names))
        else:
            yield Finding(role.id_at, msg("vacant_role.none", role=role.id))
