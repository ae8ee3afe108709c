"""A role's `buddy` is a colleague, not the manager it reports to.

Why: the role page already sends a new hire to the manager (`reports_to`). A buddy
is a second person, a peer who is easy to ask the small questions one would not
take to the manager; naming the manager again leaves the new hire without one.

Failing example (`brand-promotion` reports to `marketing-head`)::

    id: brand-promotion
    title: 品牌推廣專員
    reports_to: marketing-head
    buddy: marketing-head

Passing example::

    id: brand-promotion
    title: 品牌推廣專員
    reports_to: marketing-head
    buddy: new-media
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB044"
NAME = "buddy-not-manager"
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for role in handbook.roles:
        if role.buddy and role.reports_to and role.buddy.role_id == role.reports_to.role_id:
            yield Finding(role.buddy.at, msg("buddy_not_manager", role=role.id, buddy=role.buddy.role_id))
