"""An alias (a former id under `aliases`) must not be the id of a role that exists.

Why: an alias makes old links and old references find a renamed role. If the
same id also belongs to a live role, nobody can tell which role a reference
means. Remove the alias; the live role keeps its id.

Failing example::

    # roles/market-research.yml
    id: market-research
    aliases: [brand-promotion]   # brand-promotion.yml exists

Passing example::

    id: market-research
    aliases: [market-analyst]    # the id this role had before
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.messages import msg
from generator.model import Handbook
from generator.problems import Finding

ID = "HB032"
NAME = "alias-not-live-id"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for role in handbook.roles:
        for alias in role.aliases:
            live = handbook.role_by_id.get(alias.role_id)
            if live is not None:
                yield Finding(alias.at, msg("alias_is_live_id", alias=alias.role_id, role=role.id, path=live.path))
