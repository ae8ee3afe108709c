"""What a new hire in a role does first: an onboarding plan computed from the model.

The role page lays it out; every decision (what comes in which week, in which
order, whom to ask) is made here so it can be tested without building a site.

The plan has three phases, each shown only when it has something in it:

1. settling in: meet the manager and the buddy, request the accounts, set up
   the tools, read the processes the role takes part in (in handbook order);
2. the role's own work: every step where it is `A` or `R`, in process, stage
   and step order, each with the roles to consult first, then the documents
   those steps produce;
3. the first piece of work (`first_deliverable`), then the steps the role is
   only consulted on or told about (`C` / `I`).

Teams outside the department (`external: true`) get no plan: the handbook does
not onboard other departments' people.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.source.documents import Document
from generator.source.model import Handbook, Participation, Process, Role, StepPlace

# The letters of the steps a role does itself; the plan puts those first.
WORKING_LETTERS = frozenset({"R", "A"})


@dataclass(frozen=True, slots=True)
class ProcessToLearn:
    process: Process
    # How many of the process's steps the role takes part in (any RACI letter).
    step_count: int


@dataclass(frozen=True, slots=True)
class StepToLearn:
    """A step in the plan: where it is, the role's letters there, and whom to consult before doing it."""

    place: StepPlace
    letters: tuple[str, ...]
    # The roles under `C` (other than the role itself); only for steps the role does (R or A).
    consult: tuple[Role, ...]


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
    # Phase 1: settling in.
    manager: Role | None
    buddy: Role | None
    accounts: tuple[str, ...]
    tools: tuple[str, ...]
    processes: tuple[ProcessToLearn, ...]
    # Phase 2: the role's own steps (A or R), then the documents they produce.
    steps_to_do: tuple[StepToLearn, ...]
    documents: tuple[Document, ...]
    # Phase 3: the first piece of work, then the steps the role is only C or I on.
    first_deliverable: str
    steps_to_follow: tuple[StepToLearn, ...]
    checklists: tuple[StepChecklist, ...]
    # False for a team outside the department: its page shows no plan.
    has_plan: bool

    @property
    def settling_in(self) -> bool:
        return bool(self.manager or self.buddy or self.accounts or self.tools or self.processes)

    @property
    def own_work(self) -> bool:
        return bool(self.steps_to_do or self.documents)

    @property
    def first_work(self) -> bool:
        return bool(self.first_deliverable.strip() or self.steps_to_follow)

    @property
    def is_empty(self) -> bool:
        return not (self.has_plan and (self.settling_in or self.own_work or self.first_work))


def _step_to_learn(handbook: Handbook, role: Role, entry: Participation) -> StepToLearn:
    consult: tuple[Role, ...] = ()
    raci = entry.place.step.raci
    if raci is not None and WORKING_LETTERS & set(entry.letters):
        ids = dict.fromkeys(ref.role_id for ref in raci.consulted if ref.role_id != role.id)
        consult = tuple(handbook.role_by_id[i] for i in ids if i in handbook.role_by_id)
    return StepToLearn(entry.place, entry.letters, consult)


def onboarding_of(handbook: Handbook, role: Role, documents: tuple[Document, ...]) -> Onboarding:
    """The first-weeks plan of a role (empty for a team outside the department), and its checklists."""
    participations = handbook.participations_of(role)
    counts: dict[str, int] = {}
    processes: dict[str, Process] = {}
    for entry in participations:
        processes.setdefault(entry.place.process.id, entry.place.process)
        counts[entry.place.process.id] = counts.get(entry.place.process.id, 0) + 1
    # Participations come in process, stage and step order: keeping it keeps the work's own order.
    working = [entry for entry in participations if WORKING_LETTERS & set(entry.letters)]
    following = [entry for entry in participations if not WORKING_LETTERS & set(entry.letters)]
    working_steps = {id(entry.place.step) for entry in working}
    chain = handbook.reporting_chain_of(role, limit=REPORTING_LINE_SHOWN + 1)
    has_plan = not role.external
    manager = handbook.role_by_id.get(role.reports_to.role_id) if role.reports_to else None
    buddy = handbook.role_by_id.get(role.buddy.role_id) if role.buddy else None
    return Onboarding(
        reporting_chain=chain[:REPORTING_LINE_SHOWN],
        reporting_chain_goes_on=len(chain) > REPORTING_LINE_SHOWN,
        manager=manager if has_plan and manager is not role else None,
        # A buddy outside the department, or the role itself, is reported by a rule and left out.
        buddy=buddy if has_plan and buddy is not None and buddy is not role and not buddy.external else None,
        accounts=tuple(item for item in role.accounts if item.strip()) if has_plan else (),
        tools=tuple(item for item in role.tools if item.strip()) if has_plan else (),
        processes=tuple(ProcessToLearn(process, counts[pid]) for pid, process in processes.items()),
        steps_to_do=tuple(_step_to_learn(handbook, role, entry) for entry in working),
        documents=tuple(
            document for document in documents if any(id(place.step) in working_steps for place in document.produced_by)
        ),
        first_deliverable=role.first_deliverable if has_plan else "",
        steps_to_follow=tuple(_step_to_learn(handbook, role, entry) for entry in following),
        checklists=tuple(
            StepChecklist(entry.place, entry.letters, entry.place.step.checklist)
            for entry in working
            if entry.place.step.checklist
        ),
        has_plan=has_plan,
    )
