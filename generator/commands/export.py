"""The whole handbook as one JSON document, for HR systems.

The shape is published as a JSON Schema (`generator/schema/export.schema.json`);
`FORMAT` names its version so a consumer can refuse what it does not know.
Everything is plain data: ids link the parts (a RACI names role ids, a document
names the steps that produce and use it), so the document reads without the site.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from generator.commands.common import EXIT_PROBLEMS, check, language_of, rules_page, say, write_file
from generator.render.output_escaping import json_text
from generator.render.reporting import format_text
from generator.source.documents import documents_of
from generator.source.model import (
    Department,
    Handbook,
    Person,
    Process,
    Raci,
    Role,
    RoleRef,
    Stage,
    Step,
    StepPlace,
)
from generator.words.messages import msg, render

FORMAT = "role-handbook-export/1"


def _ids(refs: tuple[RoleRef, ...]) -> list[str]:
    return list(dict.fromkeys(ref.role_id for ref in refs))


def _role(role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        "title": role.title,
        "summary": role.summary,
        "reports_to": role.reports_to.role_id if role.reports_to else None,
        "external": role.external,
        "aliases": _ids(role.aliases),
        "responsibilities": list(role.responsibilities),
        "metrics": list(role.metrics),
        "buddy": role.buddy.role_id if role.buddy else None,
        "tools": list(role.tools),
        "accounts": list(role.accounts),
        "first_deliverable": role.first_deliverable,
        **_review(role),
        "source": role.path,
    }


def _review(thing: Role | Process | Department) -> dict[str, Any]:
    """The file's review fields, only when it writes them (so a handbook without them exports as before):
    the date (YYYY-MM-DD) and its own period, each null when absent, and a role's or department's `owner`."""
    found: dict[str, Any] = {}
    if not isinstance(thing, Process) and thing.owner is not None:
        found["owner"] = thing.owner.role_id
    review = thing.review
    if review is not None:
        found["last_reviewed_on"] = review.last_reviewed_on or None
        found["review_in"] = review.review_in or None
    return found


def _raci(raci: Raci | None) -> dict[str, list[str]]:
    if raci is None:
        return {"R": [], "A": [], "C": [], "I": []}
    return {
        "R": _ids(raci.responsible),
        "A": _ids(raci.accountable),
        "C": _ids(raci.consulted),
        "I": _ids(raci.informed),
    }


def _step(step: Step) -> dict[str, Any]:
    return {
        "id": step.id,
        "title": step.title,
        "details": step.details,
        "due": step.due,
        "raci": _raci(step.raci),
        "checklist": list(step.checklist),
        "inputs": list(step.inputs),
        "outputs": list(step.outputs),
    }


def _stage(stage: Stage) -> dict[str, Any]:
    return {"id": stage.id, "title": stage.title, "summary": stage.summary, "steps": [_step(s) for s in stage.steps]}


def _process(process: Process) -> dict[str, Any]:
    return {
        "id": process.id,
        "title": process.title,
        "summary": process.summary,
        "owner": process.owner.role_id if process.owner else None,
        "aliases": _ids(process.aliases),
        "stages": [_stage(stage) for stage in process.stages],
        **_review(process),
        "source": process.path,
    }


def _place(place: StepPlace) -> dict[str, str]:
    return {"process": place.process.id, "stage": place.stage.id, "step": place.step.id}


def _department(department: Department) -> dict[str, Any]:
    return {
        "id": department.id,
        "title": department.title,
        "summary": department.summary,
        "head": department.head.role_id if department.head else None,
        "parent": department.parent.department_id if department.parent else None,
        "maintainers": list(department.maintainers),
        **_review(department),
        "source": department.path,
    }


def _person(person: Person) -> dict[str, Any]:
    contact = person.contact
    return {
        "id": person.id,
        "name": person.name,
        "roles": _ids(person.roles),
        "contact": {kind: value.value for kind, value in contact.values()} if contact is not None else {},
        "since": person.since,
        "deputy_for": _ids(person.deputy_for),
        "github": person.github,
        "source": person.path,
    }


def _with_people(handbook: Handbook, export: dict[str, Any]) -> dict[str, Any]:
    """Every person, whatever the site publishes of them (HR systems read this, not the site).

    Added only when the handbook has people/, so a handbook without exports as before.
    """
    if not handbook.people:
        return export
    return {**export, "people": [_person(person) for person in handbook.people]}


def _with_departments(handbook: Handbook, export: dict[str, Any]) -> dict[str, Any]:
    """The export of a company handbook: its departments, and the department of each role and process.

    Added only when the handbook has departments/, so a one-department handbook exports as before.
    """
    if not handbook.departments:
        return export
    pairs: list[tuple[Role | Process, dict[str, Any]]] = [
        *zip(handbook.roles_in_reading_order, export["roles"], strict=True),
        *zip(handbook.processes, export["processes"], strict=True),
    ]
    for item, exported in pairs:
        if item.department is not None:
            exported["department"] = item.department.department_id
    return {**export, "departments": [_department(department) for department in handbook.departments]}


def export_handbook(handbook: Handbook) -> dict[str, Any]:
    """The handbook as JSON-ready data: roles, processes (stages, steps, RACI), documents, glossary."""
    return _with_people(handbook, _with_departments(handbook, _export_without_departments(handbook)))


def _export_without_departments(handbook: Handbook) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "roles": [_role(role) for role in handbook.roles_in_reading_order],
        "processes": [_process(process) for process in handbook.processes],
        "documents": [
            {
                "name": document.name,
                "produced_by": [_place(place) for place in document.produced_by],
                "used_by": [_place(place) for place in document.used_by],
            }
            for document in documents_of(handbook)
        ],
        "glossary": [
            {
                "term": term.term,
                "expansion": term.expansion,
                "explanation": term.explanation,
                "synonyms": list(term.synonyms),
            }
            for term in handbook.glossary
        ],
    }


def export_json(handbook: Handbook) -> str:
    """The export as JSON text that any UTF-8 file or CI log takes, whatever the values hold.

    Every key is fixed here, never taken from the data; every value from YAML is a JSON string.
    """
    return json_text(export_handbook(handbook)) + "\n"


def run(directory: Path, *, output_format: str, output: Path | None, lang: str | None) -> None:
    """`handbook export`, with the arguments generator.cli parsed (its help says what each does)."""
    language = language_of(directory, lang)
    report, problems = check(directory, language)
    if report.errors:
        click.echo(format_text(problems, language, rules_page=rules_page(directory)), err=True)
        say(f"handbook: {render(msg('run.not_exporting'), language)}")
        sys.exit(EXIT_PROBLEMS)
    from generator.commands.export import export_json

    text = export_json(report.handbook)
    if output is None:
        click.echo(text, nl=False)
        return
    write_file(output, text, language)
    say(f"handbook: {render(msg('run.wrote', path=str(output)), language)}")
