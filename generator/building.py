"""Turn loaded files into the typed model, leniently.

A value of the wrong type becomes its empty default here: the schema rules
already report it, and building what we can lets the other rules still find
every remaining problem in one run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from generator.loading import DataTree, JsonPath, SourceFile
from generator.model import Department, DepartmentRef, Handbook, Process, Raci, Role, RoleRef, Stage, Step, Term

# Wider than the id rules on purpose: a broken file may hold an id that breaks them too.
_ID_LIKE_WORD = re.compile(r"[^\s:,\[\]{}#'\"]+")


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _texts(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def _refs(tree: DataTree, data: dict[str, Any], key: str, path: JsonPath) -> tuple[RoleRef, ...]:
    value = data.get(key)
    items: Iterable[tuple[JsonPath, Any]]
    if isinstance(value, str):
        items = [((*path, key), value)]
    elif isinstance(value, list):
        items = [((*path, key, index), item) for index, item in enumerate(value)]
    else:
        return ()
    return tuple(
        RoleRef(item.strip(), tree.at(item_path)) for item_path, item in items if isinstance(item, str) and item.strip()
    )


def _former_ids(tree: DataTree, data: dict[str, Any], path: JsonPath) -> tuple[RoleRef, ...]:
    """The `aliases` as written: a former id is an id, so the id rules must see any stray space or line break."""
    value = data.get("aliases")
    if not isinstance(value, list):
        return ()
    return tuple(
        RoleRef(item, tree.at((*path, "aliases", index)))
        for index, item in enumerate(value)
        if isinstance(item, str) and item
    )


def _ref(tree: DataTree, data: dict[str, Any], key: str, path: JsonPath) -> RoleRef | None:
    refs = _refs(tree, data, key, path) if isinstance(data.get(key), str) else ()
    return refs[0] if refs else None


def _department_ref(tree: DataTree, data: dict[str, Any], key: str) -> DepartmentRef | None:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    return DepartmentRef(value.strip(), tree.at((key,)))


def _department(source: SourceFile, tree: DataTree) -> Department:
    data = tree.data
    return Department(
        id=_text(data, "id"),
        title=_text(data, "title"),
        summary=_text(data, "summary"),
        head=_ref(tree, data, "head", ()),
        parent=_department_ref(tree, data, "parent"),
        maintainers=tuple(item.strip() for item in _texts(data, "maintainers") if item.strip()),
        path=source.path,
        at=tree.at(()),
        id_at=tree.at(("id",)),
        maintainers_at=tree.at(("maintainers",), key="maintainers" in data),
    )


def _mappings(data: dict[str, Any], key: str, path: JsonPath) -> list[tuple[JsonPath, dict[str, Any]]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [((*path, key, index), item) for index, item in enumerate(value) if isinstance(item, dict)]


def _role(source: SourceFile, tree: DataTree) -> Role:
    data = tree.data
    return Role(
        id=_text(data, "id"),
        title=_text(data, "title"),
        summary=_text(data, "summary"),
        reports_to=_ref(tree, data, "reports_to", ()),
        external=data.get("external") is True,
        aliases=_former_ids(tree, data, ()),
        responsibilities=_texts(data, "responsibilities"),
        metrics=_texts(data, "metrics"),
        path=source.path,
        at=tree.at(()),
        id_at=tree.at(("id",)),
        department=_department_ref(tree, data, "department"),
        buddy=_ref(tree, data, "buddy", ()),
        tools=_texts(data, "tools"),
        accounts=_texts(data, "accounts"),
        first_deliverable=_text(data, "first_deliverable"),
    )


def _raci(tree: DataTree, data: dict[str, Any], path: JsonPath) -> Raci | None:
    raci = data.get("raci")
    if not isinstance(raci, dict):
        return None
    raci_path = (*path, "raci")
    return Raci(
        responsible=_refs(tree, raci, "R", raci_path),
        accountable=_refs(tree, raci, "A", raci_path),
        consulted=_refs(tree, raci, "C", raci_path),
        informed=_refs(tree, raci, "I", raci_path),
        at=tree.at(raci_path, key=True),
    )


def _step(tree: DataTree, data: dict[str, Any], path: JsonPath) -> Step:
    return Step(
        id=_text(data, "id"),
        title=_text(data, "title"),
        details=_text(data, "details"),
        raci=_raci(tree, data, path),
        checklist=_texts(data, "checklist"),
        due=_text(data, "due"),
        outputs=_texts(data, "outputs"),
        inputs=_texts(data, "inputs"),
        at=tree.at(path),
        id_at=tree.at((*path, "id")),
    )


def _stage(tree: DataTree, data: dict[str, Any], path: JsonPath) -> Stage:
    return Stage(
        id=_text(data, "id"),
        title=_text(data, "title"),
        summary=_text(data, "summary"),
        steps=tuple(_step(tree, step, step_path) for step_path, step in _mappings(data, "steps", path)),
        at=tree.at(path),
        id_at=tree.at((*path, "id")),
    )


def _process(source: SourceFile, tree: DataTree) -> Process:
    data = tree.data
    return Process(
        id=_text(data, "id"),
        title=_text(data, "title"),
        summary=_text(data, "summary"),
        owner=_ref(tree, data, "owner", ()),
        stages=tuple(_stage(tree, stage, path) for path, stage in _mappings(data, "stages", ())),
        path=source.path,
        at=tree.at(()),
        id_at=tree.at(("id",)),
        aliases=_former_ids(tree, data, ()),
        department=_department_ref(tree, data, "department"),
    )


def _glossary(tree: DataTree) -> list[Term]:
    return [
        Term(
            term=_text(entry, "term").strip(),
            expansion=_text(entry, "expansion"),
            explanation=_text(entry, "explanation"),
            synonyms=tuple(s.strip() for s in _texts(entry, "synonyms") if s.strip()),
            at=tree.at(path),
        )
        for path, entry in _mappings(tree.data, "terms", ())
        if _text(entry, "term").strip()
    ]


def _resolve_former_ids(roles: list[Role], processes: list[Process]) -> tuple[list[Role], list[Process]]:
    """Point references written with a role's former id (an alias) at the role itself.

    Resolving here, once, lets every page and rule see the renamed role; the
    reference keeps the id it was written with so a rule can ask to update it.
    """
    live = {role.id for role in roles}
    current_id: dict[str, str] = {}
    for role in roles:
        for alias in role.aliases:
            if alias.role_id not in live:
                current_id.setdefault(alias.role_id, role.id)
    if not current_id:
        return roles, processes

    def resolve(ref: RoleRef) -> RoleRef:
        new_id = current_id.get(ref.role_id)
        return replace(ref, role_id=new_id, written=ref.role_id) if new_id else ref

    def resolve_all(refs: tuple[RoleRef, ...]) -> tuple[RoleRef, ...]:
        return tuple(resolve(ref) for ref in refs)

    def resolve_step(step: Step) -> Step:
        if step.raci is None:
            return step
        raci = step.raci
        return replace(
            step,
            raci=replace(
                raci,
                responsible=resolve_all(raci.responsible),
                accountable=resolve_all(raci.accountable),
                consulted=resolve_all(raci.consulted),
                informed=resolve_all(raci.informed),
            ),
        )

    roles = [
        replace(
            role,
            reports_to=resolve(role.reports_to) if role.reports_to else None,
            buddy=resolve(role.buddy) if role.buddy else None,
        )
        for role in roles
    ]
    processes = [
        replace(
            process,
            owner=resolve(process.owner) if process.owner else None,
            stages=tuple(replace(stage, steps=tuple(resolve_step(s) for s in stage.steps)) for stage in process.stages),
        )
        for process in processes
    ]
    return roles, processes


@dataclass(frozen=True, slots=True)
class FilePart:
    """What one file adds to the handbook: a role, a process, glossary terms, or that it could not be read.

    Built from each file on its own, so `handbook validate` can keep it in its cache
    (generator.cache) and skip the file next time; `handbook_from_parts` joins the parts.
    """

    roles: tuple[Role, ...] = ()
    processes: tuple[Process, ...] = ()
    terms: tuple[Term, ...] = ()
    departments: tuple[Department, ...] = ()
    # The file's path when it could not be read into a mapping.
    unreadable: str | None = None
    # Every id-like word of a role file that could not be read.
    words: tuple[str, ...] = ()


def file_part(source: SourceFile) -> FilePart:
    """The part of the model that `source` holds, before former ids are resolved."""
    tree = source.tree
    if tree is None:
        words = tuple(sorted(set(_ID_LIKE_WORD.findall(source.text)))) if source.kind == "role" else ()
        return FilePart(unreadable=source.path, words=words)
    if source.kind == "role":
        return FilePart(roles=(_role(source, tree),))
    if source.kind == "glossary":
        return FilePart(terms=tuple(_glossary(tree)))
    if source.kind == "department":
        return FilePart(departments=(_department(source, tree),))
    return FilePart(processes=(_process(source, tree),))


def handbook_from_parts(parts: Iterable[FilePart], *, not_read: Iterable[str] = ()) -> Handbook:
    """The handbook made of every file's part, in the order given, with former ids resolved."""
    roles: list[Role] = []
    processes: list[Process] = []
    glossary: list[Term] = []
    departments: list[Department] = []
    unreadable: set[str] = set(not_read)
    words: set[str] = set()
    for part in parts:
        roles.extend(part.roles)
        processes.extend(part.processes)
        glossary.extend(part.terms)
        departments.extend(part.departments)
        if part.unreadable is not None:
            unreadable.add(part.unreadable)
        words.update(part.words)
    roles, processes = _resolve_former_ids(roles, processes)
    return Handbook(
        roles=tuple(roles),
        processes=tuple(processes),
        glossary=tuple(glossary),
        unreadable_files=frozenset(unreadable),
        words_in_unreadable_roles=frozenset(words),
        departments=tuple(departments),
    )


def build_handbook(sources: Iterable[SourceFile], *, not_read: Iterable[str] = ()) -> Handbook:
    """The model of every file that could be read into a mapping.

    `not_read` names files that exist but were refused or skipped (a link, `x.YML`):
    like a broken file, their own problem says what to fix.
    """
    return handbook_from_parts((file_part(source) for source in sources), not_read=not_read)
