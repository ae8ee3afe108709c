"""A role's `buddy` is a department role, not a team outside it (`external: true`).

Why: the buddy is the colleague a new hire asks the small questions of the first
weeks (where is the template, who approves this); someone on another team does
not sit with them and does not know the department's habits.

Failing example (`design-team` has `external: true`)::

    id: event-planning
    title: 活動策劃專員
    buddy: design-team

Passing example::

    id: event-planning
    title: 活動策劃專員
    buddy: new-media
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB040"
NAME = "buddy-internal"
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for role in handbook.roles:
        buddy = handbook.role_by_id.get(role.buddy.role_id) if role.buddy else None
        if role.buddy and buddy is not None and buddy.external and not role.external:
            yield Finding(role.buddy.at, msg("buddy_internal", role=role.id, buddy=buddy.id))
