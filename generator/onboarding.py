"""What a new hire in a role needs first: "what is my job here", computed from the model.

The role page lays this out; every decision (which processes, which steps it
owns, whom to ask) is made here so it can be tested without building a site.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.documents import Document
from generator.model import Handbook, Process, Role, StepPlace


@dataclass(frozen=True, slots=True)
class ProcessToLearn:
    process: Process
    # How many of the process's steps the role takes part in (any RACI letter).
    step_count: int


@dataclass(frozen=True, slots=True)
class PeopleToAsk:
    """For one step the role works on (R or A), the roles to consult (the C's)."""

    place: StepPlace
    roles: tuple[Role, ...]


@dataclass(frozen=True, slots=True)
class StepChecklist:
    """The checklist items the role ticks on a step where it is R or A."""

    place: StepPlace
    letters: tuple[str, ...]
    items: tuple[str, ...]


# A role page shows this many managers above the role at most, then "…": real reporting
# lines are far shorter, and showing a 10,000-role line in full on each of its 10,000
# pages would make the site grow with the square of its depth.
REPORTING_LINE_SHOWN = 12


@dataclass(frozen=True, slots=True)
class Onboarding:
    reporting_chain: tuple[Role, ...]
    # True when the line goes on above the managers shown (see REPORTING_LINE_SHOWN).
    reporting_chain_goes_on: bool
    processes: tuple[ProcessToLearn, ...]
    owned_steps: tuple[StepPlace, ...]
    documents: tuple[Document, ...]
    people_to_ask: tuple[PeopleToAsk, ...]
    checklists: tuple[StepChecklist, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.processes or self.owned_steps or self.documents or self.people_to_ask)


def onboarding_of(handbook: Handbook, role: Role, documents: tuple[Document, ...]) -> Onboarding:
    """The first-weeks view of a role: its processes, owned steps, documents, contacts and checklists."""
    participations = handbook.participations_of(role)
    counts: dict[str, int] = {}
    processes: dict[str, Process] = {}
    for entry in participations:
        processes.setdefault(entry.place.process.id, entry.place.process)
        counts[entry.place.process.id] = counts.get(entry.place.process.id, 0) + 1
    working = [entry for entry in participations if {"R", "A"} & set(entry.letters)]
    working_steps = {id(entry.place.step) for entry in working}
    people_to_ask: list[PeopleToAsk] = []
    for entry in working:
        assert entry.place.step.raci is not None  # a participation comes from a RACI
        consulted = dict.fromkeys(ref.role_id for ref in entry.place.step.raci.consulted if ref.role_id != role.id)
        roles = tuple(handbook.role_by_id[i] for i in consulted if i in handbook.role_by_id)
        if roles:
            people_to_ask.append(PeopleToAsk(entry.place, roles))
    chain = handbook.reporting_chain_of(role, limit=REPORTING_LINE_SHOWN + 1)
    return Onboarding(
        reporting_chain=chain[:REPORTING_LINE_SHOWN],
        reporting_chain_goes_on=len(chain) > REPORTING_LINE_SHOWN,
        processes=tuple(ProcessToLearn(process, counts[pid]) for pid, process in processes.items()),
        owned_steps=tuple(entry.place for entry in participations if "A" in entry.letters),
        documents=tuple(
            document for document in documents if any(id(place.step) in working_steps for place in document.produced_by)
        ),
        people_to_ask=tuple(people_to_ask),
        checklists=tuple(
            StepChecklist(entry.place, entry.letters, entry.place.step.checklist)
            for entry in working
            if entry.place.step.checklist
        ),
    )
