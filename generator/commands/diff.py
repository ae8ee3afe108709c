"""Who owns what, before and after: compare a handbook at two git revisions.

The files of a revision are read straight from git objects (`git ls-tree`,
`git cat-file`), never by checking anything out, so the working tree is left
alone. The comparison works on the typed model and knows about renames: a role
whose `aliases` list a removed id is that role renamed, and its RACI letters,
reporting lines and process ownership are compared under the new id, so a
rename is one line, not a change on every step.

The report is a list of sections, each written by one small function from one
part of `HandbookDiff` (see SECTIONS): a new kind of change is a new field and
a new writer, and the other sections stay as they are.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path, PurePosixPath

import click

from generator.commands.common import fail, handbook_config, language_of, plugin_options
from generator.render.output_escaping import markdown_code
from generator.source.building import build_handbook
from generator.source.files import is_source_name
from generator.source.loading import KIND_BY_FOLDER, read_sources, source_from_bytes
from generator.source.model import Department, Handbook, Location, Person, Process, Role, RoleRef, Stage, Step
from generator.words.messages import Language, Message, msg, render

LETTERS = ("R", "A", "C", "I")
# git's modes for an ordinary file (plain and executable); links are 120000, submodules 160000.
GIT_FILE_MODES = ("100644", "100755")


class GitError(Exception):
    """git could not give us a revision (not a repository, unknown revision …), said as a message."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


# --- reading a handbook at a revision ---------------------------------------------------


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(msg("diff.git_cannot_run", error=str(error))) from error
    if done.returncode != 0:
        # git's own words (in git's language) are kept after ours: they name what it could not do.
        said = done.stderr.decode("utf-8", errors="replace").strip() or f"git {args[0]}: {done.returncode}"
        raise GitError(msg("diff.git_failed", error=said))
    return done.stdout


def handbook_at_revision(root: Path, revision: str) -> Handbook:
    """The handbook in folder `root` as it was at `revision`, read from git objects."""
    try:
        _git(root, "rev-parse", "--git-dir")
    except GitError as error:
        raise GitError(msg("diff.not_a_repository", path=str(root))) from error
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except GitError as error:
        raise GitError(msg("diff.no_commit", revision=revision)) from error
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit).decode("utf-8")
    sources = []
    for entry in sorted(filter(None, listing.split("\0")), key=lambda entry: entry.partition("\t")[2]):
        mode_and_object, _, full_path = entry.partition("\t")
        if not full_path.startswith(prefix):
            continue
        relative = PurePosixPath(full_path[len(prefix) :])
        # The names `validate` reads (generator.source.files), and only ordinary files: a committed
        # symbolic link (mode 120000) is refused there and left out here, never followed.
        if (
            len(relative.parts) != 2
            or relative.parts[0] not in KIND_BY_FOLDER
            or not is_source_name(relative.name)
            or mode_and_object.split()[0] not in GIT_FILE_MODES
        ):
            continue
        raw = _git(root, "cat-file", "blob", f"{commit}:{full_path}")
        sources.append(source_from_bytes(relative.as_posix(), KIND_BY_FOLDER[relative.parts[0]], raw))
    return build_handbook(sources)


def handbook_in_working_tree(root: Path) -> Handbook:
    return build_handbook(read_sources(root))


# --- the comparison -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StepRef:
    """Where a step lives, for display: process, stage and step titles and ids."""

    process: Process
    stage: Stage
    step: Step


@dataclass(frozen=True, slots=True)
class LetterChange:
    """One RACI letter of one step: who joined and who left (for `A`, the owners before and after)."""

    letter: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def added(self) -> tuple[str, ...]:
        return _ordered_difference(self.after, self.before)

    @property
    def removed(self) -> tuple[str, ...]:
        return _ordered_difference(self.before, self.after)


@dataclass(frozen=True, slots=True)
class StepRaciChange:
    """Every letter of one step that changed, in R, A, C, I order: one line in the report."""

    where: StepRef
    letters: tuple[LetterChange, ...]


@dataclass(frozen=True, slots=True)
class StepMove:
    where: StepRef
    from_stage: Stage


@dataclass(frozen=True, slots=True)
class ListChange:
    """Items added to and removed from a list of texts (a role's responsibilities, a step's checklist)."""

    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ResponsibilityChange:
    role: Role
    change: ListChange


@dataclass(frozen=True, slots=True)
class ChecklistChange:
    where: StepRef
    change: ListChange


@dataclass(frozen=True, slots=True)
class ReportingChange:
    """A role now reports to someone else (or to no one): the org chart changed."""

    role: Role
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class ProcessOwnerChange:
    process: Process
    before: str | None
    after: str | None


Described = Role | Process | Stage | Step


@dataclass(frozen=True, slots=True)
class ReviewChange:
    """A role, process or department whose review fields changed: reviewed again, a new period, a new reviewer.

    Kept apart from ownership: moving `last_reviewed_on` on says "someone checked this page",
    not "someone else owns it".
    """

    kind: str
    thing_id: str
    title: str
    reviewed_before: str
    reviewed_after: str
    period_before: str
    period_after: str
    owner_before: str | None
    owner_after: str | None


@dataclass(frozen=True, slots=True)
class TextChange:
    """A title or summary rewritten. `kind` is role, process, stage or step; `ids` name it (process first)."""

    kind: str
    ids: tuple[str, ...]
    field: str
    before: str
    after: str


@dataclass
class HandbookDiff:
    """Everything a reviewer should know about who owns what, in handbook order."""

    roles_added: list[Role] = field(default_factory=list)
    roles_removed: list[Role] = field(default_factory=list)
    roles_renamed: list[tuple[str, Role]] = field(default_factory=list)  # (former id, role now)
    reporting: list[ReportingChange] = field(default_factory=list)
    texts: list[TextChange] = field(default_factory=list)
    responsibilities: list[ResponsibilityChange] = field(default_factory=list)
    process_owners: list[ProcessOwnerChange] = field(default_factory=list)
    raci: list[StepRaciChange] = field(default_factory=list)
    checklists: list[ChecklistChange] = field(default_factory=list)
    processes_added: list[Process] = field(default_factory=list)
    processes_removed: list[Process] = field(default_factory=list)
    stages_added: list[tuple[Process, Stage]] = field(default_factory=list)
    stages_removed: list[tuple[Process, Stage]] = field(default_factory=list)
    steps_added: list[StepRef] = field(default_factory=list)
    steps_removed: list[StepRef] = field(default_factory=list)
    steps_moved: list[StepMove] = field(default_factory=list)
    reviews: list[ReviewChange] = field(default_factory=list)
    # Every role either side defines, by its id now, with its title (the newer one when both have it).
    role_titles: dict[str, str] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__ if name != "role_titles")


def _ordered_difference(first: Iterable[str], second: Iterable[str]) -> tuple[str, ...]:
    exclude = set(second)
    return tuple(dict.fromkeys(item for item in first if item not in exclude))


def _list_change(before: Sequence[str], after: Sequence[str]) -> ListChange | None:
    change = ListChange(_ordered_difference(after, before), _ordered_difference(before, after))
    return change if change.added or change.removed else None


def _letter_ids(step: Step, letter: str, rename: dict[str, str]) -> tuple[str, ...]:
    if step.raci is None:
        return ()
    refs = {"R": step.raci.responsible, "A": step.raci.accountable, "C": step.raci.consulted, "I": step.raci.informed}
    return tuple(dict.fromkeys(rename.get(ref.role_id, ref.role_id) for ref in refs[letter]))


def _role_id(ref: RoleRef | None, rename: dict[str, str]) -> str | None:
    return None if ref is None else rename.get(ref.role_id, ref.role_id)


def _steps_by_id(process: Process) -> dict[str, StepRef]:
    return {step.id: StepRef(process, stage, step) for stage, step in process.steps()}


def _texts(kind: str, ids: tuple[str, ...], before: Described, after: Described) -> list[TextChange]:
    """Title and summary changes between two versions of one thing (steps have no summary)."""
    changes = []
    for name in ("title", "summary"):
        old, new = getattr(before, name, None), getattr(after, name, None)
        if old is not None and new is not None and old != new:
            changes.append(TextChange(kind, ids, name, old, new))
    return changes


def _compare_roles(diff: HandbookDiff, base: Handbook, head: Handbook, rename: dict[str, str]) -> None:
    base_roles, head_roles = base.role_by_id, head.role_by_id
    diff.roles_renamed = [(old, head_roles[new]) for old, new in rename.items()]
    diff.roles_removed = [
        role for role_id, role in base_roles.items() if role_id not in head_roles and role_id not in rename
    ]
    renamed_to = set(rename.values())
    diff.roles_added = [
        role for role_id, role in head_roles.items() if role_id not in base_roles and role_id not in renamed_to
    ]
    for old_id, old_role in base_roles.items():
        new_role = head_roles.get(rename.get(old_id, old_id))
        if new_role is None:
            continue
        old_boss, new_boss = _role_id(old_role.reports_to, rename), _role_id(new_role.reports_to, {})
        if old_boss != new_boss:
            diff.reporting.append(ReportingChange(new_role, old_boss, new_boss))
        diff.texts += _texts("role", (new_role.id,), old_role, new_role)
        responsibilities = _list_change(old_role.responsibilities, new_role.responsibilities)
        if responsibilities:
            diff.responsibilities.append(ResponsibilityChange(new_role, responsibilities))


def _compare_step(diff: HandbookDiff, before: StepRef, now: StepRef, rename: dict[str, str]) -> None:
    if before.stage.id != now.stage.id:
        diff.steps_moved.append(StepMove(now, before.stage))
    diff.texts += _texts("step", (now.process.id, now.step.id), before.step, now.step)
    letters = []
    for letter in LETTERS:
        old_ids, new_ids = _letter_ids(before.step, letter, rename), _letter_ids(now.step, letter, {})
        if set(old_ids) != set(new_ids):
            letters.append(LetterChange(letter, old_ids, new_ids))
    if letters:
        diff.raci.append(StepRaciChange(now, tuple(letters)))
    checklist = _list_change(before.step.checklist, now.step.checklist)
    if checklist:
        diff.checklists.append(ChecklistChange(now, checklist))


def _compare_process(diff: HandbookDiff, old: Process, new: Process, rename: dict[str, str]) -> None:
    diff.texts += _texts("process", (new.id,), old, new)
    old_owner, new_owner = _role_id(old.owner, rename), _role_id(new.owner, {})
    if old_owner != new_owner:
        diff.process_owners.append(ProcessOwnerChange(new, old_owner, new_owner))
    old_stages = {stage.id: stage for stage in old.stages}
    new_stages = {stage.id: stage for stage in new.stages}
    # What was removed shows with the titles it had.
    diff.stages_removed += [(old, s) for sid, s in old_stages.items() if sid not in new_stages]
    diff.stages_added += [(new, s) for sid, s in new_stages.items() if sid not in old_stages]
    for stage_id, stage in new_stages.items():
        if stage_id in old_stages:
            diff.texts += _texts("stage", (new.id, stage_id), old_stages[stage_id], stage)
    old_steps, new_steps = _steps_by_id(old), _steps_by_id(new)
    diff.steps_removed += [ref for sid, ref in old_steps.items() if sid not in new_steps]
    diff.steps_added += [ref for sid, ref in new_steps.items() if sid not in old_steps]
    for step_id, now in new_steps.items():
        if step_id in old_steps:
            _compare_step(diff, old_steps[step_id], now, rename)


def _compare_review(
    diff: HandbookDiff,
    kind: str,
    old: Role | Process | Department,
    new: Role | Process | Department,
    rename: dict[str, str],
) -> None:
    before, after = old.review, new.review
    # A process's reviewer is its `owner`, which the ownership section reports already.
    owner_before = None if isinstance(old, Process) else _role_id(old.owner, rename)
    owner_after = None if isinstance(new, Process) else _role_id(new.owner, {})
    change = ReviewChange(
        kind=kind,
        thing_id=new.id,
        title=new.title,
        reviewed_before=before.last_reviewed_on if before else "",
        reviewed_after=after.last_reviewed_on if after else "",
        period_before=before.review_in if before else "",
        period_after=after.review_in if after else "",
        owner_before=owner_before,
        owner_after=owner_after,
    )
    if (change.reviewed_before, change.period_before, change.owner_before) != (
        change.reviewed_after,
        change.period_after,
        change.owner_after,
    ):
        diff.reviews.append(change)


def _compare_reviews(diff: HandbookDiff, base: Handbook, head: Handbook, rename: dict[str, str]) -> None:
    """The review fields of every department, role and process both revisions have."""
    old_departments = {department.id: department for department in base.departments}
    for department in head.departments:
        if department.id in old_departments:
            _compare_review(diff, "department", old_departments[department.id], department, rename)
    for old_id, old_role in base.role_by_id.items():
        new_role = head.role_by_id.get(rename.get(old_id, old_id))
        if new_role is not None:
            _compare_review(diff, "role", old_role, new_role, rename)
    old_processes = {process.id: process for process in base.processes}
    for process in head.processes:
        if process.id in old_processes:
            _compare_review(diff, "process", old_processes[process.id], process, rename)


def compare(base: Handbook, head: Handbook) -> HandbookDiff:
    """What changed from `base` to `head`: roles, reporting lines, texts, stages, steps, RACI and checklists."""
    diff = HandbookDiff()
    base_roles, head_roles = base.role_by_id, head.role_by_id
    # A removed id listed under a head role's aliases is that role, renamed.
    rename = {
        alias.role_id: role.id
        for role in head_roles.values()
        for alias in role.aliases
        if alias.role_id in base_roles and alias.role_id not in head_roles
    }
    diff.role_titles = {rename.get(role_id, role_id): role.title for role_id, role in base_roles.items()}
    diff.role_titles |= {role_id: role.title for role_id, role in head_roles.items()}
    _compare_roles(diff, base, head, rename)

    base_processes = {process.id: process for process in base.processes}
    head_processes = {process.id: process for process in head.processes}
    diff.processes_removed = [p for pid, p in base_processes.items() if pid not in head_processes]
    diff.processes_added = [p for pid, p in head_processes.items() if pid not in base_processes]
    for process_id, new_process in head_processes.items():
        if process_id in base_processes:
            _compare_process(diff, base_processes[process_id], new_process, rename)
    _compare_reviews(diff, base, head, rename)
    return diff


# --- Markdown for a pull-request comment ----------------------------------------------------

# Every value (id, title, responsibility) goes into the comment as a code span: GitHub renders
# comments as Markdown with HTML, then links @mentions, #references and URLs in the text; inside a
# code span none of that happens, so a value can only ever be shown (see markdown_code).

SUB_ITEM = "    - "


def _named(identifier: str, title: str) -> str:
    """A title with its id beside it: `組長` (`lead`); the id alone when there is no title."""
    return f"{markdown_code(title)} ({markdown_code(identifier)})" if title else markdown_code(identifier)


def _step(ref: StepRef) -> str:
    path = " › ".join(markdown_code(title) for title in (ref.process.title, ref.stage.title, ref.step.title))
    return f"**{path}** ({markdown_code(ref.step.id)})"


def _stage(process: Process, stage: Stage) -> str:
    path = " › ".join(markdown_code(title) for title in (process.title, stage.title))
    return f"**{path}** ({markdown_code(process.id)} › {markdown_code(stage.id)})"


def _list_items(change: ListChange) -> list[str]:
    """What was there, then what is: an item reworded reads old before new, as in a diff."""
    return [f"{SUB_ITEM}➖ {markdown_code(text)}" for text in change.removed] + [
        f"{SUB_ITEM}➕ {markdown_code(text)}" for text in change.added
    ]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (a message key) and its list items; an item starting with SUB_ITEM nests under the one before."""

    title: str
    items: list[str]


class DiffWriter:
    """Turns the parts of a HandbookDiff into lines of Markdown in the handbook's language."""

    def __init__(self, diff: HandbookDiff, language: Language) -> None:
        self.diff = diff
        self.language = language

    def say(self, key: str, **params: str | Message) -> str:
        return render(msg(key, **params), self.language)

    def role(self, role_id: str | None) -> str:
        if role_id is None:
            return self.say("diff.nobody")
        return _named(role_id, self.diff.role_titles.get(role_id, ""))

    def roles(self, role_ids: Sequence[str]) -> str:
        return ", ".join(self.role(role_id) for role_id in role_ids) if role_ids else self.say("diff.nobody")

    def thing(self, kind: str, ids: Sequence[str]) -> str:
        return f"{self.say(f'thing.{kind}')} {' › '.join(markdown_code(i) for i in ids)}"

    def letter(self, change: LetterChange) -> str:
        if change.letter == "A":  # one owner: before and after read better than joined and left
            shown = f"{self.roles(change.before)} → {self.roles(change.after)}"
        else:
            parts = ([f"➖ {self.roles(change.removed)}"] if change.removed else []) + (
                [f"➕ {self.roles(change.added)}"] if change.added else []
            )
            shown = " ".join(parts)
        return self.say("diff.letter_change", letter=msg(f"diff.letter_{change.letter}"), change=shown)

    def owner(self, ref: StepRef) -> str:
        return self.roles(_letter_ids(ref.step, "A", {}))


def roles_section(w: DiffWriter) -> Section:
    d = w.diff
    return Section(
        "diff.roles",
        [
            *(w.say("diff.role_added", role=w.role(role.id)) for role in d.roles_added),
            *(w.say("diff.role_removed", role=_named(role.id, role.title)) for role in d.roles_removed),
            *(
                w.say("diff.role_renamed", old=markdown_code(old), role=w.role(role.id))
                for old, role in d.roles_renamed
            ),
        ],
    )


def reporting_section(w: DiffWriter) -> Section:
    return Section(
        "diff.reporting",
        [
            w.say("diff.reports_to_changed", role=w.role(c.role.id), before=w.role(c.before), after=w.role(c.after))
            for c in w.diff.reporting
        ],
    )


def texts_section(w: DiffWriter) -> Section:
    return Section(
        "diff.texts",
        [
            w.say(
                f"diff.{c.field}_changed",
                thing=w.thing(c.kind, c.ids),
                before=markdown_code(c.before) if c.before.strip() else w.say("diff.empty"),
                after=markdown_code(c.after) if c.after.strip() else w.say("diff.empty"),
            )
            for c in w.diff.texts
        ],
    )


def responsibilities_section(w: DiffWriter) -> Section:
    items: list[str] = []
    for c in w.diff.responsibilities:
        items += [w.role(c.role.id), *_list_items(c.change)]
    return Section("diff.responsibilities", items)


def ownership_section(w: DiffWriter) -> Section:
    owners = [
        w.say(
            "diff.process_owner_changed",
            process=_named(c.process.id, c.process.title),
            before=w.role(c.before),
            after=w.role(c.after),
        )
        for c in w.diff.process_owners
    ]
    separator = w.say("diff.separator")
    steps = [
        w.say("diff.step_changes", step=_step(c.where), changes=separator.join(w.letter(x) for x in c.letters))
        for c in w.diff.raci
    ]
    return Section("diff.ownership", owners + steps)


def checklists_section(w: DiffWriter) -> Section:
    items: list[str] = []
    for c in w.diff.checklists:
        items += [_step(c.where), *_list_items(c.change)]
    return Section("diff.checklists", items)


def structure_section(w: DiffWriter) -> Section:
    d = w.diff
    return Section(
        "diff.structure",
        [
            *(w.say("diff.process_added", process=_named(p.id, p.title)) for p in d.processes_added),
            *(w.say("diff.process_removed", process=_named(p.id, p.title)) for p in d.processes_removed),
            *(w.say("diff.stage_added", stage=_stage(p, s)) for p, s in d.stages_added),
            *(w.say("diff.stage_removed", stage=_stage(p, s)) for p, s in d.stages_removed),
            *(w.say("diff.step_added", step=_step(ref), owner=w.owner(ref)) for ref in d.steps_added),
            *(w.say("diff.step_removed", step=_step(ref), owner=w.owner(ref)) for ref in d.steps_removed),
            *(
                w.say(
                    "diff.step_moved",
                    step=_step(m.where),
                    before=_named(m.from_stage.id, m.from_stage.title),
                    after=_named(m.where.stage.id, m.where.stage.title),
                )
                for m in d.steps_moved
            ),
        ],
    )


def reviews_section(w: DiffWriter) -> Section:
    """Reviews: "reviewed" for a moved `last_reviewed_on`, then a new period or reviewer, one line per file."""
    items = []
    for change in w.diff.reviews:
        thing = f"{w.say(f'thing.{change.kind}')} {_named(change.thing_id, change.title)}"
        parts = []
        if change.reviewed_before != change.reviewed_after:
            if change.reviewed_after:
                parts.append(
                    w.say(
                        "diff.reviewed",
                        before=markdown_code(change.reviewed_before) if change.reviewed_before else w.say("diff.empty"),
                        after=markdown_code(change.reviewed_after),
                    )
                )
            else:
                parts.append(w.say("diff.review_date_removed", before=markdown_code(change.reviewed_before)))
        if change.period_before != change.period_after:
            parts.append(
                w.say(
                    "diff.review_period",
                    before=markdown_code(change.period_before) if change.period_before else w.say("diff.empty"),
                    after=markdown_code(change.period_after) if change.period_after else w.say("diff.empty"),
                )
            )
        if change.owner_before != change.owner_after:
            parts.append(
                w.say("diff.review_owner", before=w.role(change.owner_before), after=w.role(change.owner_after))
            )
        items.append(w.say("diff.review_change", thing=thing, changes=w.say("diff.separator").join(parts)))
    return Section("diff.reviews", items)


# The report's sections, in order. A new kind of change adds a HandbookDiff field and a writer here.
SECTIONS: tuple[Callable[[DiffWriter], Section], ...] = (
    roles_section,
    reporting_section,
    texts_section,
    responsibilities_section,
    ownership_section,
    checklists_section,
    structure_section,
    reviews_section,
)


def diff_markdown(diff: HandbookDiff, *, base: str, head: str, language: Language = "en") -> str:
    """The diff as Markdown for a PR comment, in the handbook's language."""
    writer = DiffWriter(diff, language)
    lines = [f"## {writer.say('diff.title', base=markdown_code(base), head=head)}", ""]
    if diff.is_empty():
        lines += [writer.say("diff.none"), ""]
    for section in (write(writer) for write in SECTIONS):
        if section.items:
            items = (item if item.startswith(SUB_ITEM) else f"- {item}" for item in section.items)
            lines += [f"### {writer.say(section.title)}", "", *items, ""]
    return "\n".join(lines)


# --- departments: which a change affects, and whose approval it needs --------------------
# Kept apart from the comparison above: it reads the same two handbooks and adds its own
# section to the comment, only when either revision has departments/.


@dataclass(frozen=True, slots=True)
class WorkGiven:
    """A step of a changed process whose RACI gains or loses a role of another department."""

    step: StepRef
    letter: str
    role_id: str
    department_id: str
    added: bool


@dataclass(frozen=True, slots=True)
class DepartmentImpact:
    """One changed file: the department(s) owning it and every department the change reaches."""

    path: str
    owners: tuple[str, ...]
    affected: tuple[str, ...]
    work: tuple[WorkGiven, ...] = ()


def _without_places(value: object) -> object:
    """A value with every Location left out: moving a line is no change to who owns what."""
    if isinstance(value, Location):
        return None
    if isinstance(value, tuple):
        return tuple(_without_places(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return tuple((item.name, _without_places(getattr(value, item.name))) for item in fields(value))
    return value


def _items_by_path(handbook: Handbook) -> dict[str, Role | Process | Department]:
    found: dict[str, Role | Process | Department] = {}
    items: Iterable[Role | Process | Department] = (*handbook.departments, *handbook.roles, *handbook.processes)
    for item in items:
        found.setdefault(item.path, item)
    return found


def _department_of_item(item: Role | Process | Department | None) -> str | None:
    if item is None:
        return None
    if isinstance(item, Department):
        return item.id or None
    return item.department.department_id if item.department else None


def _letters_by_step(process: Process | None) -> dict[str, tuple[StepRef, set[tuple[str, str]]]]:
    if process is None:
        return {}
    found: dict[str, tuple[StepRef, set[tuple[str, str]]]] = {}
    for stage, step in process.steps():
        letters = {(letter, ref.role_id) for letter, ref in step.raci.letters()} if step.raci else set()
        found[step.id] = (StepRef(process, stage, step), letters)
    return found


def _work_given(base: Handbook, head: Handbook, before: Process | None, after: Process | None) -> list[WorkGiven]:
    old_steps, new_steps = _letters_by_step(before), _letters_by_step(after)
    work: list[WorkGiven] = []
    for step_id in dict.fromkeys([*new_steps, *old_steps]):
        ref, new_letters = new_steps.get(step_id) or (old_steps[step_id][0], set())
        old_letters = old_steps[step_id][1] if step_id in old_steps else set()
        for added, letters in ((True, new_letters - old_letters), (False, old_letters - new_letters)):
            for letter, role_id in sorted(letters, key=lambda pair: (LETTERS.index(pair[0]), pair[1])):
                role = (head if added else base).role_by_id.get(role_id)
                department = _department_of_item(role)
                if department is not None:
                    work.append(WorkGiven(ref, letter, role_id, department, added))
    return work


def department_impacts(base: Handbook, head: Handbook) -> list[DepartmentImpact]:
    """Every changed department, role and process file with the departments it affects, in path order.

    A file is owned by the department it names before and after (both, when it moved). A
    process affects, besides its own department, the department of every role that gains or
    loses a RACI letter in it: a step of department A giving work to a role of department B
    needs B to know. A role whose manager changes affects the old and the new manager's department.
    """
    old_items, new_items = _items_by_path(base), _items_by_path(head)
    impacts: list[DepartmentImpact] = []
    for path in sorted(set(old_items) | set(new_items)):
        before, after = old_items.get(path), new_items.get(path)
        if _without_places(before) == _without_places(after):
            continue
        owners = tuple(
            dict.fromkeys(d for d in (_department_of_item(after), _department_of_item(before)) if d is not None)
        )
        reached: list[str] = []
        work: list[WorkGiven] = []
        if isinstance(before, Process | None) and isinstance(after, Process | None):
            work = _work_given(base, head, before, after)
            reached += [given.department_id for given in work]
        for role, handbook in ((after, head), (before, base)):
            if isinstance(role, Role) and role.reports_to:
                reached.append(_department_of_item(handbook.role_by_id.get(role.reports_to.role_id)) or "")
        affected = tuple(dict.fromkeys(d for d in (*owners, *reached) if d))
        if affected:
            impacts.append(
                DepartmentImpact(path, owners, affected, tuple(g for g in work if g.department_id not in owners))
            )
    return impacts


def approvals_needed(impacts: Sequence[DepartmentImpact], base: Handbook, head: Handbook) -> dict[str, tuple[str, ...]]:
    """The maintainers of every affected department, by department id (as the head revision names them)."""
    maintainers = {d.id: d.maintainers for d in base.departments} | {d.id: d.maintainers for d in head.departments}
    needed: dict[str, tuple[str, ...]] = {}
    for impact in impacts:
        for department in impact.affected:
            needed.setdefault(department, maintainers.get(department, ()))
    return needed


def departments_markdown(base: Handbook, head: Handbook, *, language: Language = "en") -> str:
    """The department section of the pull-request comment; empty when neither revision has departments."""
    if not base.departments and not head.departments:
        return ""

    def say(key: str, **params: str | Message) -> str:
        return render(msg(key, **params), language)

    def codes(values: Iterable[str]) -> str:
        return ", ".join(markdown_code(value) for value in values) or say("diff.nobody")

    impacts = department_impacts(base, head)
    lines = [f"### {say('diff.departments')}", ""]
    if not impacts:
        return "\n".join([*lines, say("diff.departments_none"), ""])
    for impact in impacts:
        lines.append(
            "- "
            + say(
                "diff.department_file",
                path=markdown_code(impact.path),
                owners=codes(impact.owners),
                affected=codes(impact.affected),
            )
        )
        for given in impact.work:
            key = "diff.work_given" if given.added else "diff.work_taken"
            lines.append(
                "    - "
                + say(
                    key,
                    step=_step(given.step),
                    letter=markdown_code(given.letter),
                    role=markdown_code(given.role_id),
                    department=markdown_code(given.department_id),
                )
            )
    lines += ["", f"**{say('diff.approvals')}**", ""]
    for department, maintainers in approvals_needed(impacts, base, head).items():
        lines.append(f"- {markdown_code(department)}: {codes(maintainers)}")
    return "\n".join([*lines, ""])


# --- people: who joined, who left, whose roles changed -------------------------------------
# Its own section of the comment, only when either revision has people/. A person is the same
# person across the two revisions by id (the file name).


@dataclass(frozen=True, slots=True)
class PersonChange:
    """One person in the diff: joined (no `before`), left (no `after`) or with other roles."""

    person_id: str
    name: str
    before: tuple[str, ...] | None
    after: tuple[str, ...] | None
    deputy_before: tuple[str, ...] = ()
    deputy_after: tuple[str, ...] = ()


def _people_by_id(handbook: Handbook) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for person in handbook.people:
        if person.id:
            found.setdefault(person.id, person)
    return found


def _role_ids(refs: tuple[RoleRef, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ref.role_id for ref in refs))


def people_changes(base: Handbook, head: Handbook) -> list[PersonChange]:
    """Every person who joined, left, or holds or stands in for other roles than before, by id."""
    old, new = _people_by_id(base), _people_by_id(head)
    changes: list[PersonChange] = []
    for person_id in sorted(set(old) | set(new)):
        before, after = old.get(person_id), new.get(person_id)
        name = (after or before).name if (after or before) is not None else person_id  # type: ignore[union-attr]
        if before is None or after is None:
            changes.append(
                PersonChange(
                    person_id,
                    name or person_id,
                    _role_ids(before.roles) if before else None,
                    _role_ids(after.roles) if after else None,
                )
            )
            continue
        roles = (_role_ids(before.roles), _role_ids(after.roles))
        deputies = (_role_ids(before.deputy_for), _role_ids(after.deputy_for))
        if set(roles[0]) != set(roles[1]) or set(deputies[0]) != set(deputies[1]):
            changes.append(PersonChange(person_id, name or person_id, *roles, *deputies))
    return changes


def people_markdown(base: Handbook, head: Handbook, *, language: Language = "en") -> str:
    """The people section of the pull-request comment; empty when nobody joins, leaves or changes roles."""

    def say(key: str, **params: str | Message) -> str:
        return render(msg(key, **params), language)

    def codes(values: Iterable[str]) -> str:
        return ", ".join(markdown_code(value) for value in values) or say("diff.nobody")

    changes = people_changes(base, head)
    if not changes:
        return ""
    lines = [f"### {say('diff.people')}", ""]
    for change in changes:
        who = f"{markdown_code(change.name)} ({markdown_code(change.person_id)})"
        if change.before is None:
            lines.append("- " + say("diff.person_joined", person=who, roles=codes(change.after or ())))
        elif change.after is None:
            lines.append("- " + say("diff.person_left", person=who, roles=codes(change.before)))
        else:
            if set(change.before) != set(change.after):
                lines.append(
                    "- " + say("diff.person_roles", person=who, before=codes(change.before), after=codes(change.after))
                )
            if set(change.deputy_before) != set(change.deputy_after):
                lines.append(
                    "- "
                    + say(
                        "diff.person_deputy",
                        person=who,
                        before=codes(change.deputy_before),
                        after=codes(change.deputy_after),
                    )
                )
    return "\n".join([*lines, ""])


def run(base: str, *, head: str | None, directory: Path, lang: str | None) -> None:
    """`handbook diff`, with the arguments generator.cli parsed (its help says what each does)."""
    from generator.commands.diff import (
        GitError,
        compare,
        departments_markdown,
        diff_markdown,
        handbook_at_revision,
        handbook_in_working_tree,
        people_markdown,
    )

    language = language_of(directory, lang)
    root = (directory / str(plugin_options(handbook_config(directory)).get("root", "."))).resolve()
    try:
        before = handbook_at_revision(root, base)
        after = handbook_at_revision(root, head) if head else handbook_in_working_tree(root)
    except GitError as error:
        fail(render(error.message, language))
        raise  # unreachable: fail exits
    shown_head = markdown_code(head) if head else render(msg("diff.working_tree"), language)
    click.echo(diff_markdown(compare(before, after), base=base, head=shown_head, language=language))
    # Which departments the change reaches and whose approval it needs (empty without departments/).
    section = departments_markdown(before, after, language=language)
    if section:
        click.echo(section)
    # Who joined, left or changed roles (empty without people/).
    section = people_markdown(before, after, language=language)
    if section:
        click.echo(section)
