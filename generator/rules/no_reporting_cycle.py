"""`reports_to` must not go round in a circle.

Why: the org chart is a tree with someone at the top. If A reports to B and B
reports to A, nobody is at the top and the reporting line never ends.

Failing example::

    # roles/marketing-head.yml
    reports_to: market-research
    # roles/market-research.yml
    reports_to: marketing-head

Passing example::

    # roles/marketing-head.yml   (no reports_to: the top)
    # roles/market-research.yml
    reports_to: marketing-head
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.messages import msg
from generator.model import Handbook
from generator.problems import Finding

ID = "HB031"
NAME = "no-reporting-cycle"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    manager_of = {
        role.id: role.reports_to.role_id for role in handbook.role_by_id.values() if role.reports_to is not None
    }
    reported: set[str] = set()
    for role in handbook.role_by_id.values():
        chain = [role.id]
        current = manager_of.get(role.id)
        while current is not None and current not in chain:
            chain.append(current)
            current = manager_of.get(current)
        if current is None or current != role.id:
            continue
        cycle = frozenset(chain)
        if cycle & reported:
            continue
        reported |= cycle
        assert role.reports_to is not None
        circle = " → ".join([*chain, role.id])
        yield Finding(role.reports_to.at, msg("no_reporting_cycle", circle=circle))
