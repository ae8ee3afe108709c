"""A role's `buddy` is another role, not the role itself.

Why: a buddy is someone who already does the work and shows a new hire around;
a role cannot show itself around. Usually the id was copied from the line above.

Failing example::

    id: new-media
    title: 新媒體運營專員
    buddy: new-media

Passing example::

    id: new-media
    title: 新媒體運營專員
    buddy: customer-relations
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB041"
NAME = "buddy-not-self"
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for role in handbook.roles:
        if role.buddy and role.id and role.buddy.role_id == role.id:
            yield Finding(role.buddy.at, msg("buddy_not_self", role=role.id))
