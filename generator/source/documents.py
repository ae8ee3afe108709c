"""Documents and metrics as things of their own, derived from the model.

A document is known by its exact name: the steps that list it under `outputs`
produce it, the steps that list it under `inputs` use it. A metric is known by
its exact text under a role's `metrics`. Nothing here reads files or renders.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.source.model import Handbook, Role, StepPlace
from generator.source.slugs import unique_anchors


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    # A stable id for links to the document's entry on the documents page.
    anchor: str
    produced_by: tuple[StepPlace, ...]
    used_by: tuple[StepPlace, ...]


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    watched_by: tuple[Role, ...]


def documents_of(handbook: Handbook) -> tuple[Document, ...]:
    """Every document named in a step's outputs or inputs, in the order the processes first mention it."""
    produced: dict[str, list[StepPlace]] = {}
    used: dict[str, list[StepPlace]] = {}
    order: dict[str, None] = {}
    for process in handbook.processes:
        for stage, step in process.steps():
            place = StepPlace(process, stage, step)
            for found, names in ((produced, step.outputs), (used, step.inputs)):
                for name in dict.fromkeys(n.strip() for n in names if n.strip()):
                    order.setdefault(name)
                    found.setdefault(name, []).append(place)
    anchors = unique_anchors(order)
    return tuple(
        Document(name, anchors[name], tuple(produced.get(name, ())), tuple(used.get(name, ()))) for name in order
    )


def producers_of(handbook: Handbook, place: StepPlace) -> tuple[Role, ...]:
    """The roles that make a step's outputs: its responsible roles, then its owner."""
    raci = place.step.raci
    if raci is None:
        return ()
    ids = dict.fromkeys(ref.role_id for ref in (*raci.responsible, *raci.accountable))
    return tuple(handbook.role_by_id[role_id] for role_id in ids if role_id in handbook.role_by_id)


def metrics_of(handbook: Handbook) -> tuple[Metric, ...]:
    """Every metric a role watches, with the roles that watch it, in reading order of the roles."""
    watchers: dict[str, list[Role]] = {}
    for role in handbook.roles_in_reading_order:
        for name in dict.fromkeys(m.strip() for m in role.metrics if m.strip()):
            watchers.setdefault(name, []).append(role)
    return tuple(Metric(name, tuple(roles)) for name, roles in watchers.items())
