"""`reports_to` must not go round in a circle.

Why: the org chart is a tree with someone at the top. If A reports to B and B
reports to A, nobody is at the top and the reporting line never ends.

Failing example::

    # roles/marketing-head.yml
    reports_to: market-research
    # roles/market-research.yml
    reports_to: marketing-head

Passing example (`roles/marketing-head.yml` has no `reports_to`: it is the top)::

    # roles/market-research.yml
    reports_to: marketing-head
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.circles import circles
from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB031"
NAME = "no-reporting-cycle"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    role_by_id = handbook.role_by_id
    manager_of = {role.id: role.reports_to.role_id for role in role_by_id.values() if role.reports_to is not None}
    # Reported at the circle's first role in file order, read from there round.
    for circle in circles(role_by_id, manager_of):
        reports_to = role_by_id[circle[0]].reports_to
        assert reports_to is not None
        yield Finding(reports_to.at, msg("no_reporting_cycle", circle=" → ".join([*circle, circle[0]])))
