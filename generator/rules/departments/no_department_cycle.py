"""A department's `parent` must not go round in a circle.

Why: departments form a tree under the company (a division holds departments).
If sales belongs to marketing and marketing to sales, neither is at the top and
the company page cannot place them.

Failing example::

    # departments/marketing.yml
    parent: sales
    # departments/sales.yml
    parent: marketing

Passing example::

    # departments/commercial.yml   (no parent: the top)
    # departments/marketing.yml
    parent: commercial
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.circles import circles
from generator.source.departments import department_by_id
from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB074"
NAME = "no-department-cycle"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    by_id = department_by_id(handbook)
    parent_of = {d.id: d.parent.department_id for d in by_id.values() if d.parent is not None}
    for circle in circles(by_id, parent_of):
        parent = by_id[circle[0]].parent
        assert parent is not None
        yield Finding(parent.at, msg("no_department_cycle", circle=" → ".join([*circle, circle[0]])))
