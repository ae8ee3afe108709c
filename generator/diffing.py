"""Who owns what, before and after: compare a handbook at two git revisions.

The files of a revision are read straight from git objects (`git ls-tree`,
`git cat-file`), never by checking anything out, so the working tree is left
alone. The comparison works on the typed model and knows about renames: a role
whose `aliases` list a removed id is that role renamed, and its RACI letters
are compared under the new id, so a rename is one line, not a change on every step.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path, PurePosixPath

from generator.building import build_handbook
from generator.files import is_source_name
from generator.loading import KIND_BY_FOLDER, read_sources, source_from_bytes
from generator.messages import Language, Message, msg, render
from generator.model import Department, Handbook, Location, Process, Role, Stage, Step
from generator.output_escaping import markdown_code

LETTERS = ("R", "A", "C", "I")
# git's modes for an ordinary file (plain and executable); links are 120000, submodules 160000.
GIT_FILE_MODES = ("100644", "100755")


class GitError(Exception):
    """git could not give us a revision (not a repository, unknown revision …)."""


# --- reading a handbook at a revision ---------------------------------------------------


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"cannot run git: {error}") from error
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", errors="replace").strip() or f"git {args[0]} failed")
    return done.stdout


def handbook_at_revision(root: Path, revision: str) -> Handbook:
    """The handbook in folder `root` as it was at `revision`, read from git objects."""
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except GitError as error:
        raise GitError(f"no commit `{revision}` here: fetch it first, or check the name ({error})") from error
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit).decode("utf-8")
    sources = []
    for entry in sorted(filter(None, listing.split("\0")), key=lambda entry: entry.partition("\t")[2]):
        mode_and_object, _, full_path = entry.partition("\t")
        if not full_path.startswith(prefix):
            continue
        relative = PurePosixPath(full_path[len(prefix) :])
        # The names `validate` reads (generator.files), and only ordinary files: a committed
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
class RaciChange:
    where: StepRef
    letter: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OwnerChange:
    where: StepRef
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StepMove:
    where: StepRef
    from_stage: Stage


@dataclass(frozen=True, slots=True)
class ResponsibilityChange:
    role: Role
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass
class HandbookDiff:
    """Everything a reviewer should know about who owns what, in handbook order."""

    roles_added: list[Role] = field(default_factory=list)
    roles_removed: list[Role] = field(default_factory=list)
    roles_renamed: list[tuple[str, Role]] = field(default_factory=list)  # (former id, role now)
    responsibilities: list[ResponsibilityChange] = field(default_factory=list)
    processes_added: list[Process] = field(default_factory=list)
    processes_removed: list[Process] = field(default_factory=list)
    stages_added: list[tuple[Process, Stage]] = field(default_factory=list)
    stages_removed: list[tuple[Process, Stage]] = field(default_factory=list)
    steps_added: list[StepRef] = field(default_factory=list)
    steps_removed: list[StepRef] = field(default_factory=list)
    steps_moved: list[StepMove] = field(default_factory=list)
    owners: list[OwnerChange] = field(default_factory=list)
    raci: list[RaciChange] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def _ordered_difference(first: Iterable[str], second: Iterable[str]) -> tuple[str, ...]:
    exclude = set(second)
    return tuple(dict.fromkeys(item for item in first if item not in exclude))


def _letter_ids(step: Step, letter: str, rename: dict[str, str]) -> tuple[str, ...]:
    if step.raci is None:
        return ()
    refs = {"R": step.raci.responsible, "A": step.raci.accountable, "C": step.raci.consulted, "I": step.raci.informed}
    return tuple(dict.fromkeys(rename.get(ref.role_id, ref.role_id) for ref in refs[letter]))


def _steps_by_id(process: Process) -> dict[str, StepRef]:
    return {step.id: StepRef(process, stage, step) for stage, step in process.steps()}


def compare(base: Handbook, head: Handbook) -> HandbookDiff:
    """What changed from `base` to `head`: roles, responsibilities, stages, steps and their RACI."""
    diff = HandbookDiff()
    base_roles, head_roles = base.role_by_id, head.role_by_id
    # A removed id listed under a head role's aliases is that role, renamed.
    rename = {
        alias.role_id: role.id
        for role in head_roles.values()
        for alias in role.aliases
        if alias.role_id in base_roles and alias.role_id not in head_roles
    }
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
        added = _ordered_difference(new_role.responsibilities, old_role.responsibilities)
        removed = _ordered_difference(old_role.responsibilities, new_role.responsibilities)
        if added or removed:
            diff.responsibilities.append(ResponsibilityChange(new_role, added, removed))

    base_processes = {process.id: process for process in base.processes}
    head_processes = {process.id: process for process in head.processes}
    diff.processes_removed = [p for pid, p in base_processes.items() if pid not in head_processes]
    diff.processes_added = [p for pid, p in head_processes.items() if pid not in base_processes]
    for process_id, new_process in head_processes.items():
        old_process = base_processes.get(process_id)
        if old_process is None:
            continue
        old_stages = {stage.id: stage for stage in old_process.stages}
        new_stages = {stage.id: stage for stage in new_process.stages}
        diff.stages_removed += [(new_process, s) for sid, s in old_stages.items() if sid not in new_stages]
        diff.stages_added += [(new_process, s) for sid, s in new_stages.items() if sid not in old_stages]
        old_steps, new_steps = _steps_by_id(old_process), _steps_by_id(new_process)
        diff.steps_removed += [ref for sid, ref in old_steps.items() if sid not in new_steps]
        diff.steps_added += [ref for sid, ref in new_steps.items() if sid not in old_steps]
        for step_id, now in new_steps.items():
            before = old_steps.get(step_id)
            if before is None:
                continue
            if before.stage.id != now.stage.id:
                diff.steps_moved.append(StepMove(now, before.stage))
            old_owner, new_owner = _letter_ids(before.step, "A", rename), _letter_ids(now.step, "A", {})
            if set(old_owner) != set(new_owner):
                diff.owners.append(OwnerChange(now, old_owner, new_owner))
            for letter in ("R", "C", "I"):
                old_ids, new_ids = _letter_ids(before.step, letter, rename), _letter_ids(now.step, letter, {})
                added, removed = _ordered_difference(new_ids, old_ids), _ordered_difference(old_ids, new_ids)
                if added or removed:
                    diff.raci.append(RaciChange(now, letter, added, removed))
    return diff


# --- Markdown for a pull-request comment ----------------------------------------------------

# Every value (id, title, responsibility) goes into the comment as a code span: GitHub renders
# comments as Markdown with HTML, then links @mentions, #references and URLs in the text; inside a
# code span none of that happens, so a value can only ever be shown (see markdown_code).


def _role(role: Role) -> str:
    return f"{markdown_code(role.id)} {markdown_code(role.title)}" if role.title else markdown_code(role.id)


def _step(ref: StepRef) -> str:
    path = " › ".join(markdown_code(title) for title in (ref.process.title, ref.stage.title, ref.step.title))
    return f"**{path}** ({markdown_code(ref.step.id)})"


def _titled(*ids: str, title: str) -> str:
    shown = " › ".join(markdown_code(identifier) for identifier in ids)
    return f"{shown} {markdown_code(title)}" if title else shown


def diff_markdown(diff: HandbookDiff, *, base: str, head: str, language: Language = "en") -> str:
    """The diff as Markdown for a PR comment, in the handbook's language."""

    def say(key: str, **params: str | Message) -> str:
        return render(msg(key, **params), language)

    def ids(role_ids: Sequence[str]) -> str:
        return ", ".join(markdown_code(role_id) for role_id in role_ids) if role_ids else say("diff.nobody")

    def owner(ref: StepRef) -> str:
        return ids(_letter_ids(ref.step, "A", {}))

    roles = [
        *(say("diff.role_added", role=_role(role)) for role in diff.roles_added),
        *(say("diff.role_removed", role=_role(role)) for role in diff.roles_removed),
        *(say("diff.role_renamed", old=markdown_code(old), role=_role(role)) for old, role in diff.roles_renamed),
    ]
    responsibilities: list[str] = []
    for change in diff.responsibilities:
        responsibilities.append(_role(change.role))
        responsibilities += [f"    - ➕ {markdown_code(text)}" for text in change.added]
        responsibilities += [f"    - ➖ {markdown_code(text)}" for text in change.removed]
    ownership = [
        f"{_step(c.where)}: " + say("diff.owner_changed", before=ids(c.before), after=ids(c.after)) for c in diff.owners
    ]
    for c in diff.raci:
        parts = ([f"➕ {ids(c.added)}"] if c.added else []) + ([f"➖ {ids(c.removed)}"] if c.removed else [])
        ownership.append(f"{_step(c.where)}: {markdown_code(c.letter)} " + "; ".join(parts))
    structure = [
        *(say("diff.process_added", process=_titled(p.id, title=p.title)) for p in diff.processes_added),
        *(say("diff.process_removed", process=_titled(p.id, title=p.title)) for p in diff.processes_removed),
        *(say("diff.stage_added", stage=_titled(p.id, s.id, title=s.title)) for p, s in diff.stages_added),
        *(say("diff.stage_removed", stage=_titled(p.id, s.id, title=s.title)) for p, s in diff.stages_removed),
        *(say("diff.step_added", step=_step(ref), owner=owner(ref)) for ref in diff.steps_added),
        *(say("diff.step_removed", step=_step(ref), owner=owner(ref)) for ref in diff.steps_removed),
        *(
            say(
                "diff.step_moved",
                step=_step(m.where),
                before=markdown_code(m.from_stage.id),
                after=markdown_code(m.where.stage.id),
            )
            for m in diff.steps_moved
        ),
    ]

    lines = [f"## {say('diff.title', base=markdown_code(base), head=head)}", ""]
    if diff.is_empty():
        lines += [say("diff.none"), ""]
    for title, items in (
        ("diff.roles", roles),
        ("diff.responsibilities", responsibilities),
        ("diff.ownership", ownership),
        ("diff.structure", structure),
    ):
        if items:
            # Sub-items (responsibility texts) are already indented list items; the rest become items here.
            lines += [f"### {say(title)}", "", *(i if i.startswith("    - ") else f"- {i}" for i in items), ""]
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
