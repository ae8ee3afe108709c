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

import yaml

from generator.source.loading import DataTree, SourceFile
from generator.source.model import (
    Contact,
    ContactValue,
    Department,
    DepartmentRef,
    Handbook,
    Location,
    Person,
    Process,
    Raci,
    ReviewDates,
    Role,
    RoleRef,
    Stage,
    Step,
    Term,
)
from generator.source.reviews import parse_review_date

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


class _Places:
    """Where the values of one file are written, found from the node behind each mapping and list.

    The model gives 75,000 places at 1,000 roles; each is read from a node the data already
    points at, never looked up by its JSON path.
    """

    def __init__(self, tree: DataTree) -> None:
        self.path = tree.path
        self.node_of = tree.node_of

    def of(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    def pairs(self, data: dict[str, Any]) -> tuple[yaml.Node, dict[str, tuple[yaml.Node, yaml.Node]]]:
        """The node of a mapping in the data, and its (key node, value node) by key; the last one written wins."""
        node: Any = self.node_of[id(data)]
        if len(data) == len(node.value):
            # No key written twice: the data keeps the keys in the order they are written.
            return node, dict(zip(data, node.value, strict=True))
        scalar = yaml.ScalarNode
        return node, {(pair[0].value if type(pair[0]) is scalar else "?"): pair for pair in node.value}


def _refs(places: _Places, value: Any, node: yaml.Node) -> tuple[RoleRef, ...]:
    """The role references of one field (`value`, written at `node`): one id or a list of them."""
    if isinstance(value, str):
        role_id = value.strip()
        return (RoleRef(role_id, places.of(node)),) if role_id else ()
    if not isinstance(value, list):
        return ()
    # 40,000 lists at 1,000 roles: one loop with the place worked out inline.
    path, refs = places.path, []
    for item, item_node in zip(value, places.node_of[id(value)].value, strict=True):
        if type(item) is str and (role_id := item.strip()):
            mark = item_node.start_mark
            refs.append(RoleRef(role_id, Location(path, mark.line + 1, mark.column + 1)))
    return tuple(refs)


def _field_refs(places: _Places, data: dict[str, Any], pairs: dict[str, Any], key: str) -> tuple[RoleRef, ...]:
    return _refs(places, data[key], pairs[key][1]) if key in data else ()


def _ref(places: _Places, data: dict[str, Any], pairs: dict[str, Any], key: str) -> RoleRef | None:
    value = data.get(key)
    refs = _refs(places, value, pairs[key][1]) if isinstance(value, str) else ()
    return refs[0] if refs else None


def _former_ids(places: _Places, data: dict[str, Any]) -> tuple[RoleRef, ...]:
    """The `aliases` as written: a former id is an id, so the id rules must see any stray space or line break."""
    value = data.get("aliases")
    if not isinstance(value, list):
        return ()
    items: Any = places.node_of[id(value)].value
    return tuple(
        RoleRef(item, places.of(items[index])) for index, item in enumerate(value) if isinstance(item, str) and item
    )


def _department_ref(places: _Places, data: dict[str, Any], pairs: dict[str, Any], key: str) -> DepartmentRef | None:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    return DepartmentRef(value.strip(), places.of(pairs[key][1]))


def _id_at(places: _Places, node: yaml.Node, pairs: dict[str, Any]) -> Location:
    """Where the `id` is written; where the mapping is when it has none."""
    pair = pairs.get("id")
    return places.of(pair[1] if pair is not None else node)


def _department(source: SourceFile, tree: DataTree) -> Department:
    data, places = tree.data, _Places(tree)
    node, pairs = places.pairs(data)
    maintainers = pairs.get("maintainers")
    return Department(
        id=_text(data, "id"),
        title=_text(data, "title"),
        summary=_text(data, "summary"),
        head=_ref(places, data, pairs, "head"),
        parent=_department_ref(places, data, pairs, "parent"),
        maintainers=tuple(item.strip() for item in _texts(data, "maintainers") if item.strip()),
        path=source.path,
        at=places.of(node),
        id_at=_id_at(places, node, pairs),
        maintainers_at=places.of(maintainers[0] if maintainers is not None else node),
        owner=_ref(places, data, pairs, "owner"),
        review=_review(places, node, data, pairs),
    )


def _review(places: _Places, node: yaml.Node, data: dict[str, Any], pairs: dict[str, Any]) -> ReviewDates | None:
    """`last_reviewed_on` and `review_in`, when the file writes either (a date YAML did not read as one is "")."""
    if "last_reviewed_on" not in data and "review_in" not in data:
        return None
    day = parse_review_date(data.get("last_reviewed_on"))
    period = data.get("review_in")
    return ReviewDates(
        last_reviewed_on=day.isoformat() if day is not None else "",
        review_in=period.strip() if isinstance(period, str) else "",
        at=places.of(pairs["last_reviewed_on"][1] if "last_reviewed_on" in pairs else node),
        review_in_at=places.of(pairs["review_in"][1] if "review_in" in pairs else node),
    )


def _contact_value(places: _Places, data: dict[str, Any], pairs: dict[str, Any], key: str) -> ContactValue | None:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    return ContactValue(value.strip(), places.of(pairs[key][1]))


def _contact(places: _Places, data: dict[str, Any]) -> Contact | None:
    value = data.get("contact")
    if not isinstance(value, dict):
        return None
    _, pairs = places.pairs(value)
    contact = Contact(
        email=_contact_value(places, value, pairs, "email"),
        chat=_contact_value(places, value, pairs, "chat"),
        phone=_contact_value(places, value, pairs, "phone"),
    )
    return contact if any(True for _ in contact.values()) else None


def _person(source: SourceFile, tree: DataTree) -> Person:
    data, places = tree.data, _Places(tree)
    node, pairs = places.pairs(data)
    github = _text(data, "github").strip().removeprefix("@")
    return Person(
        id=_text(data, "id"),
        name=_text(data, "name").strip(),
        roles=_field_refs(places, data, pairs, "roles"),
        path=source.path,
        at=places.of(node),
        id_at=_id_at(places, node, pairs),
        contact=_contact(places, data),
        since=_text(data, "since").strip(),
        deputy_for=_field_refs(places, data, pairs, "deputy_for"),
        github=github,
        github_at=places.of(pairs["github"][1]) if github else None,
    )


def _mappings(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _role(source: SourceFile, tree: DataTree) -> Role:
    data, places = tree.data, _Places(tree)
    node, pairs = places.pairs(data)
    return Role(
        id=_text(data, "id"),
        title=_text(data, "title"),
        summary=_text(data, "summary"),
        reports_to=_ref(places, data, pairs, "reports_to"),
        external=data.get("external") is True,
        aliases=_former_ids(places, data),
        responsibilities=_texts(data, "responsibilities"),
        metrics=_texts(data, "metrics"),
        path=source.path,
        at=places.of(node),
        id_at=_id_at(places, node, pairs),
        department=_department_ref(places, data, pairs, "department"),
        buddy=_ref(places, data, pairs, "buddy"),
        tools=_texts(data, "tools"),
        accounts=_texts(data, "accounts"),
        first_deliverable=_text(data, "first_deliverable"),
        owner=_ref(places, data, pairs, "owner"),
        review=_review(places, node, data, pairs),
    )


def _raci(places: _Places, data: dict[str, Any], pairs: dict[str, Any]) -> Raci | None:
    raci = data.get("raci")
    if not isinstance(raci, dict):
        return None
    _, letters = places.pairs(raci)
    return Raci(
        responsible=_field_refs(places, raci, letters, "R"),
        accountable=_field_refs(places, raci, letters, "A"),
        consulted=_field_refs(places, raci, letters, "C"),
        informed=_field_refs(places, raci, letters, "I"),
        at=places.of(pairs["raci"][0]),
    )


def _step(places: _Places, data: dict[str, Any]) -> Step:
    node, pairs = places.pairs(data)
    return Step(
        id=_text(data, "id"),
        title=_text(data, "title"),
        details=_text(data, "details"),
        raci=_raci(places, data, pairs),
        checklist=_texts(data, "checklist"),
        due=_text(data, "due"),
        outputs=_texts(data, "outputs"),
        inputs=_texts(data, "inputs"),
        at=places.of(node),
        id_at=_id_at(places, node, pairs),
    )


def _stage(places: _Places, data: dict[str, Any]) -> Stage:
    node, pairs = places.pairs(data)
    return Stage(
        id=_text(data, "id"),
        title=_text(data, "title"),
        summary=_text(data, "summary"),
        steps=tuple(_step(places, step) for step in _mappings(data, "steps")),
        at=places.of(node),
        id_at=_id_at(places, node, pairs),
    )


def _process(source: SourceFile, tree: DataTree) -> Process:
    data, places = tree.data, _Places(tree)
    node, pairs = places.pairs(data)
    return Process(
        id=_text(data, "id"),
        title=_text(data, "title"),
        summary=_text(data, "summary"),
        owner=_ref(places, data, pairs, "owner"),
        stages=tuple(_stage(places, stage) for stage in _mappings(data, "stages")),
        path=source.path,
        at=places.of(node),
        id_at=_id_at(places, node, pairs),
        aliases=_former_ids(places, data),
        department=_department_ref(places, data, pairs, "department"),
        review=_review(places, node, data, pairs),
    )


def _glossary(tree: DataTree) -> list[Term]:
    places = _Places(tree)
    return [
        Term(
            term=_text(entry, "term").strip(),
            expansion=_text(entry, "expansion"),
            explanation=_text(entry, "explanation"),
            synonyms=tuple(s.strip() for s in _texts(entry, "synonyms") if s.strip()),
            at=places.of(places.node_of[id(entry)]),
        )
        for entry in _mappings(tree.data, "terms")
        if _text(entry, "term").strip()
    ]


def _resolve_former_ids(
    roles: list[Role], processes: list[Process], people: list[Person]
) -> tuple[list[Role], list[Process], list[Person]]:
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
        return roles, processes, people

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
            owner=resolve(role.owner) if role.owner else None,
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
    people = [
        replace(person, roles=resolve_all(person.roles), deputy_for=resolve_all(person.deputy_for)) for person in people
    ]
    return roles, processes, people


@dataclass(frozen=True, slots=True)
class FilePart:
    """What one file adds to the handbook: a role, a process, glossary terms, or that it could not be read.

    Built from each file on its own, so `handbook validate` can keep it in its cache
    (generator.rules.cache) and skip the file next time; `handbook_from_parts` joins the parts.
    """

    roles: tuple[Role, ...] = ()
    processes: tuple[Process, ...] = ()
    terms: tuple[Term, ...] = ()
    departments: tuple[Department, ...] = ()
    people: tuple[Person, ...] = ()
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
    if source.kind == "person":
        return FilePart(people=(_person(source, tree),))
    return FilePart(processes=(_process(source, tree),))


def handbook_from_parts(parts: Iterable[FilePart], *, not_read: Iterable[str] = ()) -> Handbook:
    """The handbook made of every file's part, in the order given, with former ids resolved."""
    roles: list[Role] = []
    processes: list[Process] = []
    glossary: list[Term] = []
    departments: list[Department] = []
    people: list[Person] = []
    unreadable: set[str] = set(not_read)
    words: set[str] = set()
    for part in parts:
        roles.extend(part.roles)
        processes.extend(part.processes)
        glossary.extend(part.terms)
        departments.extend(part.departments)
        people.extend(part.people)
        if part.unreadable is not None:
            unreadable.add(part.unreadable)
        words.update(part.words)
    roles, processes, people = _resolve_former_ids(roles, processes, people)
    return Handbook(
        roles=tuple(roles),
        processes=tuple(processes),
        glossary=tuple(glossary),
        unreadable_files=frozenset(unreadable),
        words_in_unreadable_roles=frozenset(words),
        departments=tuple(departments),
        people=tuple(people),
    )


def build_handbook(sources: Iterable[SourceFile], *, not_read: Iterable[str] = ()) -> Handbook:
    """The model of every file that could be read into a mapping.

    `not_read` names files that exist but were refused or skipped (a link, `x.YML`):
    like a broken file, their own problem says what to fix.
    """
    return handbook_from_parts((file_part(source) for source in sources), not_read=not_read)
