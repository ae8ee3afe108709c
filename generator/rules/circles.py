"""Circles in a "points to" relation: reporting lines, department parents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping


def circles(nodes: Iterable[str], points_to: Mapping[str, str]) -> Iterator[list[str]]:
    """Each circle of `points_to` among `nodes`, once, read round from its node that comes first in `nodes`.

    Linear in the number of nodes: each is walked once. A walk stops at a node an earlier
    walk finished (no circle goes through it), at one already on this walk (a circle), or
    where nothing is pointed to.
    """
    order = {node: index for index, node in enumerate(nodes)}
    finished: set[str] = set()
    for start in order:
        walk: dict[str, int] = {}  # node -> its position on this walk (dicts keep insertion order)
        current: str | None = start
        while current is not None and current not in finished and current not in walk:
            walk[current] = len(walk)
            current = points_to.get(current)
        finished.update(walk)
        if current is None or current not in walk:
            continue
        circle = list(walk)[walk[current] :]
        first = min(range(len(circle)), key=lambda index: order[circle[index]])
        yield circle[first:] + circle[:first]
