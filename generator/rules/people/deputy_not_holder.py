"""A person is not the deputy (`deputy_for`) of a role they already hold (`roles`).

Why: a deputy covers a role while it is vacant or its holder is away; the holder
cannot stand in for themselves. The role page would name the same person as
holder and as deputy, and a reader would look for a deputy who does not exist.

Failing example::

    id: wu-mingzhe
    name: 吳明哲
    roles: [new-media]
    deputy_for: [new-media]

Passing example::

    id: wu-mingzhe
    name: 吳明哲
    roles: [new-media]
    deputy_for: [event-planning]
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB084"
NAME = "deputy-not-holder"
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for person in handbook.people:
        held = {ref.role_id for ref in person.roles}
        for ref in person.deputy_for:
            if ref.role_id in held:
                yield Finding(ref.at, msg("deputy_not_holder", role=ref.role_id))
