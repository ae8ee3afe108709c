"""The typed model at the centre: roles, processes, stages, steps and their RACI.

Every object remembers where it was written (file, line, column) so that any
message can point at the exact spot. Nothing here reads files or renders pages.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal, NamedTuple


class Location(NamedTuple):
    """A place in a source file; line and column are 1-based.

    A named tuple, not a frozen dataclass like the rest of the model: a 1,000-role handbook
    holds 75,000 places, a tuple is made in half the time, and JSON writes it as it is
    (`[path, line, column]`, the validate cache's form). It orders and hashes alike.
    """

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class RoleRef:
    """A role id as written somewhere (a RACI letter, an owner, a reports_to)."""

    role_id: str
    at: Location
    # The former id (an alias) this reference was written with, when the builder resolved it.
    written: str | None = None


@dataclass(frozen=True, slots=True)
class DepartmentRef:
    """A department id as written somewhere (a role's or process's `department`, a `parent`)."""

    department_id: str
    at: Location


@dataclass(frozen=True, slots=True)
class ReviewDates:
    """A file's `last_reviewed_on` and `review_in`, as the review pages and rules read them.

    The date is kept as `YYYY-MM-DD` text ("" when it is missing or names no real day: a
    rule reports that), the period as written ("" when absent; generator.source.reviews reads it).
    """

    last_reviewed_on: str
    review_in: str
    # Where `last_reviewed_on` is written (else the file's top mapping), and `review_in`.
    at: Location
    review_in_at: Location


@dataclass(frozen=True, slots=True)
class Raci:
    responsible: tuple[RoleRef, ...]
    accountable: tuple[RoleRef, ...]
    consulted: tuple[RoleRef, ...]
    informed: tuple[RoleRef, ...]
    at: Location

    def letters(self) -> Iterator[tuple[str, RoleRef]]:
        """Every (letter, role reference) pair, in R, A, C, I order."""
        for letter, refs in (
            ("R", self.responsible),
            ("A", self.accountable),
            ("C", self.consulted),
            ("I", self.informed),
        ):
            for ref in refs:
                yield letter, ref

    def letters_of(self, role_id: str) -> tuple[str, ...]:
        """The RACI letters a role holds on this step, e.g. ("R", "A")."""
        return tuple(dict.fromkeys(letter for letter, ref in self.letters() if ref.role_id == role_id))


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: str
    details: str
    raci: Raci | None
    checklist: tuple[str, ...]
    due: str
    outputs: tuple[str, ...]
    at: Location
    id_at: Location
    # Documents the step works from, by exact name (the outputs of other steps, usually).
    inputs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    at: Location
    id_at: Location


@dataclass(frozen=True, slots=True)
class Process:
    id: str
    title: str
    summary: str
    owner: RoleRef | None
    stages: tuple[Stage, ...]
    path: str
    at: Location
    id_at: Location
    # Former ids; their old addresses redirect to this process.
    aliases: tuple[RoleRef, ...] = ()
    # The department that owns the process (departments/<id>.yml); None in a one-department handbook.
    department: DepartmentRef | None = None
    # When the file was last reviewed and how often it should be (None when it says neither).
    review: ReviewDates | None = None

    def steps(self) -> Iterator[tuple[Stage, Step]]:
        for stage in self.stages:
            for step in stage.steps:
                yield stage, step


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    title: str
    summary: str
    reports_to: RoleRef | None
    external: bool
    aliases: tuple[RoleRef, ...]
    responsibilities: tuple[str, ...]
    metrics: tuple[str, ...]
    path: str
    at: Location
    id_at: Location
    # The department the role belongs to; None in a one-department handbook and for external teams.
    department: DepartmentRef | None = None
    # For the onboarding plan on the role page (department roles only): the role whose
    # holder shows a new hire around, what to install and which accounts to ask for,
    # and the first piece of work the new hire hands in.
    buddy: RoleRef | None = None
    tools: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    first_deliverable: str = ""
    # Who reviews the file (else its department's head), and when it was last reviewed.
    owner: RoleRef | None = None
    review: ReviewDates | None = None


@dataclass(frozen=True, slots=True)
class Department:
    """One department of a company handbook (departments/<id>.yml): its head and who approves its files."""

    id: str
    title: str
    summary: str
    head: RoleRef | None
    # The department (a division) this one belongs to.
    parent: DepartmentRef | None
    # Git-host handles (`@name`, `@org/team`) or e-mail addresses, as written.
    maintainers: tuple[str, ...]
    path: str
    at: Location
    id_at: Location
    maintainers_at: Location
    # Who reviews the file (else the head), when it was last reviewed, and the period its
    # roles and processes take when they give none.
    owner: RoleRef | None = None
    review: ReviewDates | None = None


@dataclass(frozen=True, slots=True)
class ContactValue:
    """One way to reach a person (an e-mail address, a chat URL or channel, a phone number), as written."""

    value: str
    at: Location


@dataclass(frozen=True, slots=True)
class Contact:
    """How to reach a person; any of the three may be missing."""

    email: ContactValue | None = None
    chat: ContactValue | None = None
    phone: ContactValue | None = None

    def values(self) -> Iterator[tuple[Literal["email", "chat", "phone"], ContactValue]]:
        """Each (kind, value) written, in the order email, chat, phone."""
        if self.email is not None:
            yield "email", self.email
        if self.chat is not None:
            yield "chat", self.chat
        if self.phone is not None:
            yield "phone", self.phone


@dataclass(frozen=True, slots=True)
class Person:
    """One person (people/<id>.yml): the roles they hold, how to reach them, the roles they stand in for."""

    id: str
    name: str
    roles: tuple[RoleRef, ...]
    path: str
    at: Location
    id_at: Location
    contact: Contact | None = None
    # Free text such as 2023-04 or 2023 年 4 月.
    since: str = ""
    # Roles this person covers while the role is vacant or its holder is away.
    deputy_for: tuple[RoleRef, ...] = ()
    # The git-host handle, without `@`, for CODEOWNERS.
    github: str = ""
    github_at: Location | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry: a word of the trade, what it stands for and what it means."""

    term: str
    expansion: str
    explanation: str
    # Other words readers use for the same thing (e.g. 投資回報率 for ROI).
    synonyms: tuple[str, ...]
    at: Location


@dataclass(frozen=True, slots=True)
class StepPlace:
    """A step together with the process and stage it belongs to: everything a link to it needs."""

    process: Process
    stage: Stage
    step: Step


@dataclass(frozen=True, slots=True)
class Participation:
    """One step a role takes part in, with the letters it holds there."""

    place: StepPlace
    letters: tuple[str, ...]


@dataclass(frozen=True)
class Handbook:
    """All roles and processes of one handbook, in file-name order."""

    roles: tuple[Role, ...]
    processes: tuple[Process, ...]
    # From glossary.yml at the handbook root, in file order; empty when there is none.
    glossary: tuple[Term, ...] = ()
    # Files that exist but could not be read into a mapping (their problems are reported).
    unreadable_files: frozenset[str] = frozenset()
    # Every id-like word in the role files that could not be read: an id or former id a
    # broken file may define, so no rule calls it unknown before that file is fixed.
    words_in_unreadable_roles: frozenset[str] = frozenset()
    # From departments/, in file-name order; empty in a one-department handbook.
    departments: tuple[Department, ...] = ()
    # From people/, in file-name order; empty when the handbook names no people.
    people: tuple[Person, ...] = ()

    @cached_property
    def holders_by_role(self) -> Mapping[str, tuple[Person, ...]]:
        """The people holding each role, in file order (a person listed twice counts once)."""
        found: dict[str, dict[str, Person]] = {}
        for person in self.people:
            for ref in person.roles:
                found.setdefault(ref.role_id, {}).setdefault(person.id, person)
        return {role_id: tuple(people.values()) for role_id, people in found.items()}

    @cached_property
    def deputies_by_role(self) -> Mapping[str, tuple[Person, ...]]:
        """The people standing in for each role, in file order."""
        found: dict[str, dict[str, Person]] = {}
        for person in self.people:
            for ref in person.deputy_for:
                found.setdefault(ref.role_id, {}).setdefault(person.id, person)
        return {role_id: tuple(people.values()) for role_id, people in found.items()}

    @cached_property
    def people_by_department(self) -> Mapping[str, tuple[Person, ...]]:
        """The people holding a role of each department (by department id), in file order; found in one pass."""
        department_of_role = {role.id: role.department.department_id for role in self.roles if role.department}
        found: dict[str, dict[str, Person]] = {}
        for person in self.people:
            for ref in person.roles:
                department = department_of_role.get(ref.role_id)
                if department is not None:
                    found.setdefault(department, {}).setdefault(person.id, person)
        return {department: tuple(people.values()) for department, people in found.items()}

    def holders_of(self, role_id: str) -> tuple[Person, ...]:
        return self.holders_by_role.get(role_id, ())

    def deputies_of(self, role_id: str) -> tuple[Person, ...]:
        return self.deputies_by_role.get(role_id, ())

    @cached_property
    def role_by_id(self) -> Mapping[str, Role]:
        """Roles by id; when an id is duplicated, the first file wins (a rule reports it)."""
        roles: dict[str, Role] = {}
        for role in self.roles:
            roles.setdefault(role.id, role)
        return roles

    @cached_property
    def role_ids_in_raci(self) -> frozenset[str]:
        """Every role id some step's RACI names (what a rule asks; `participations_by_role` is for pages)."""
        return frozenset(
            ref.role_id
            for process in self.processes
            for stage in process.stages
            for step in stage.steps
            if step.raci is not None
            for refs in (step.raci.responsible, step.raci.accountable, step.raci.consulted, step.raci.informed)
            for ref in refs
        )

    @cached_property
    def role_ids_named(self) -> frozenset[str]:
        """Every role id a reference names: a RACI letter, an owner (of a process, or a file's reviewer), a reports_to,
        a buddy."""
        named = set(self.role_ids_in_raci)
        named.update(process.owner.role_id for process in self.processes if process.owner)
        named.update(role.reports_to.role_id for role in self.roles if role.reports_to)
        named.update(role.buddy.role_id for role in self.roles if role.buddy)
        named.update(role.owner.role_id for role in self.roles if role.owner)
        named.update(department.owner.role_id for department in self.departments if department.owner)
        named.update(ref.role_id for person in self.people for ref in (*person.roles, *person.deputy_for))
        return frozenset(named)

    @cached_property
    def participations_by_role(self) -> Mapping[str, tuple[Participation, ...]]:
        found: dict[str, list[Participation]] = {}
        for process in self.processes:
            for stage, step in process.steps():
                if step.raci is None:
                    continue
                # One pass over the step's letters: asking each role for its letters would
                # read the whole RACI once per role (quadratic in a long RACI list).
                letters_by_role: dict[str, dict[str, None]] = {}
                for letter, ref in step.raci.letters():
                    letters_by_role.setdefault(ref.role_id, {})[letter] = None
                place = StepPlace(process, stage, step)
                for role_id, letters in letters_by_role.items():
                    found.setdefault(role_id, []).append(Participation(place, tuple(letters)))
        return {role_id: tuple(entries) for role_id, entries in found.items()}

    @cached_property
    def roles_in_reading_order(self) -> tuple[Role, ...]:
        """Department roles from the top of the reporting line down, then external teams.

        Within one level, file order. A reader scanning a list meets the head first.
        """
        depth = self._reporting_depths
        roles = list(self.role_by_id.values())
        return tuple(sorted(roles, key=lambda role: (role.external, depth[role.id])))

    @cached_property
    def _reporting_depths(self) -> Mapping[str, int]:
        """How many roles each role's reporting line holds, itself included (a circle counts once).

        Each role is walked once and its depth remembered, so a 10,000-role chain stays linear.
        """
        manager_of = {
            role.id: role.reports_to.role_id
            for role in self.role_by_id.values()
            if role.reports_to and role.reports_to.role_id in self.role_by_id
        }
        depth: dict[str, int] = {}
        for start in self.role_by_id:
            walk: dict[str, int] = {}
            current: str | None = start
            while current is not None and current not in depth and current not in walk:
                walk[current] = len(walk)
                current = manager_of.get(current)
            line = list(walk)
            below = 0 if current is None else depth.get(current, 0)
            if current is not None and current in walk:
                # A circle (reported by a rule): every role on it reaches all of it.
                circle = line[walk[current] :]
                for role_id in circle:
                    depth[role_id] = len(circle)
                line, below = line[: walk[current]], len(circle)
            for role_id in reversed(line):
                below += 1
                depth[role_id] = below
        return depth

    @cached_property
    def _direct_reports(self) -> Mapping[str, tuple[Role, ...]]:
        found: dict[str, list[Role]] = {}
        for role in self.roles:
            if role.reports_to:
                found.setdefault(role.reports_to.role_id, []).append(role)
        return {manager: tuple(reports) for manager, reports in found.items()}

    def participations_of(self, role: Role) -> tuple[Participation, ...]:
        """Every step, across all processes, where the role is R, A, C or I."""
        return self.participations_by_role.get(role.id, ())

    def owner_of(self, step: Step) -> Role | None:
        """The one accountable role of a step, if it is known."""
        if step.raci is None:
            return None
        owners = {ref.role_id for ref in step.raci.accountable}
        return self.role_by_id.get(owners.pop()) if len(owners) == 1 else None

    def direct_reports_of(self, role: Role) -> tuple[Role, ...]:
        return self._direct_reports.get(role.id, ())

    def reporting_chain_of(self, role: Role, *, limit: int | None = None) -> tuple[Role, ...]:
        """The role's manager, the manager's manager, … up to the top (stops at a cycle or unknown id).

        With `limit`, at most that many managers: a page showing a bounded part of every
        role's line keeps a very deep reporting line from costing depth × roles.
        """
        chain: list[Role] = []
        seen = {role.id}
        current = role
        while current.reports_to and current.reports_to.role_id in self.role_by_id and len(chain) != limit:
            current = self.role_by_id[current.reports_to.role_id]
            if current.id in seen:  # a cycle, reported by a rule
                break
            seen.add(current.id)
            chain.append(current)
        return tuple(chain)


@dataclass(frozen=True)
class HandbookFolder:
    """A handbook and the folder it was read from, for the rules that compare it with other files there."""

    root: Path
    handbook: Handbook
