"""Skeleton files for `handbook new`, and the schema files for `handbook schema`.

A skeleton is a valid file to fill in: it carries the same `yaml-language-server`
line as its neighbours (so VS Code completes keys at once), placeholder text
in the handbook's language, and, for a process, one step owned by a role that exists.
"""

from __future__ import annotations

import os
from datetime import date
from importlib import resources
from pathlib import Path

from generator.commands.common import check, fail, language_of, refuse_links, say
from generator.source.loading import Kind
from generator.source.reviews import today_from_environment
from generator.source.schema_lines import schema_line as schema_line
from generator.words.messages import Language, msg, render

EDITOR_SCHEMAS: tuple[Kind, ...] = ("role", "process", "department", "person")


def schema_text(kind: Kind) -> str:
    """The JSON Schema file the validator itself uses for `kind` files, as text."""
    return resources.files("generator.schema").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")


def _text(key: str, language: Language) -> str:
    # Placeholders are plain text; quoting keeps any colon in a translation from becoming YAML syntax.
    return "'" + render(msg(key), language).replace("'", "''") + "'"


def _review_lines(today: date, language: Language) -> str:
    """The review fields of a new file: reviewed today (it was just written), due again in a year.

    Real values, not placeholders (the catalog key is not a `skeleton.` one, which HB059 would ask to replace).
    """
    return f"last_reviewed_on: {today.isoformat()}\nreview_in: {render(msg('new.review_in'), language)}\n"


def role_skeleton(identifier: str, *, schema: str, language: Language, today: date | None = None) -> str:
    return (
        f"{schema}\n"
        f"id: {identifier}\n"
        f"title: {_text('skeleton.role_title', language)}\n"
        f"summary: {_text('skeleton.role_summary', language)}\n"
        f"{_review_lines(today or today_from_environment(), language)}"
        "# reports_to: <role id>\n"
        "# buddy: <role id>\n"
        "responsibilities:\n"
        f"  - {_text('skeleton.responsibility', language)}\n"
        "metrics:\n"
        f"  - {_text('skeleton.metric', language)}\n"
    )


def process_skeleton(identifier: str, *, owner: str, schema: str, language: Language, today: date | None = None) -> str:
    return (
        f"{schema}\n"
        f"id: {identifier}\n"
        f"title: {_text('skeleton.process_title', language)}\n"
        f"summary: {_text('skeleton.process_summary', language)}\n"
        f"owner: {owner}\n"
        f"{_review_lines(today or today_from_environment(), language)}"
        "stages:\n"
        "  - id: first-stage\n"
        f"    title: {_text('skeleton.stage_title', language)}\n"
        "    steps:\n"
        "      - id: first-step\n"
        f"        title: {_text('skeleton.step_title', language)}\n"
        "        raci:\n"
        f"          R: [{owner}]\n"
        f"          A: {owner}\n"
        "        checklist:\n"
        f"          - {_text('skeleton.checklist_item', language)}\n"
    )


def department_skeleton(identifier: str, *, schema: str, language: Language, today: date | None = None) -> str:
    """A department to fill in: its head and maintainers are left for the editor (HB072 and HB073 ask for them)."""
    return (
        f"{schema}\n"
        f"id: {identifier}\n"
        f"title: {_text('skeleton.department_title', language)}\n"
        f"summary: {_text('skeleton.department_summary', language)}\n"
        f"{_review_lines(today or today_from_environment(), language)}"
        "# head: <role id>\n"
        "# parent: <department id>\n"
        "# maintainers:\n"
        '#   - "@git-handle"\n'
    )


def person_skeleton(identifier: str, *, roles: tuple[str, ...], schema: str, language: Language) -> str:
    """A person to fill in: the name, and the first department role as a guess to correct."""
    role_line = f"roles:\n  - {roles[0]}\n" if roles else "roles: []\n"
    return (
        f"{schema}\n"
        f"id: {identifier}\n"
        f"name: {_text('skeleton.person_name', language)}\n"
        f"{role_line}"
        "# contact:\n"
        "#   email: name@example.com\n"
        '#   chat: "#channel"\n'
        '#   phone: "+886 2 2345-6789"\n'
        '# since: "2024-01"\n'
        "# deputy_for:\n"
        "#   - <role id>\n"
        "# github: handle\n"
    )


def run(kind: str, *, identifier: str, directory: Path, lang: str | None) -> None:
    """`handbook new`, with the arguments generator.cli parsed (its help says what each does)."""
    from generator.commands.new import process_skeleton, role_skeleton
    from generator.rules.ids.id_format import problem_with
    from generator.source.loading import KIND_BY_FOLDER

    language = language_of(directory, lang)
    reason = problem_with(identifier)
    if reason is not None:
        fail(render(msg("run.bad_new_id", what=msg(f"thing.{kind}"), id=identifier, reason=reason), language))
    folder_name = next(name for name, folder_kind in KIND_BY_FOLDER.items() if folder_kind == kind)
    folder = directory / folder_name
    # Before anything reads the folder: a link named roles/ would send the new file elsewhere.
    refuse_links(folder, within=directory, language=language)
    existing = [
        folder / f"{identifier}{suffix}"
        for suffix in (".yml", ".yaml")
        if os.path.lexists(folder / f"{identifier}{suffix}")
    ]
    if existing:
        fail(render(msg("run.exists", path=existing[0].as_posix()), language))
    started = any((directory / name).is_dir() for name in KIND_BY_FOLDER)
    handbook = check(directory, language)[0].handbook if started else None
    # A live id or a former id of the same kind (in a file of another name) is refused as the rules would.
    same_kind = () if handbook is None else handbook.roles if kind == "role" else handbook.processes
    taken = [
        other
        for other in same_kind
        if other.id == identifier or any(alias.role_id.casefold() == identifier for alias in other.aliases)
    ]
    if kind == "department" and handbook is not None:
        taken += [other for other in handbook.departments if other.id == identifier]  # type: ignore[misc]
    if kind == "person" and handbook is not None:
        taken += [other for other in handbook.people if other.id == identifier]  # type: ignore[misc]
    if taken:
        fail(render(msg("run.id_taken", what=msg(f"thing.{kind}"), id=identifier, path=taken[0].path), language))
    line = schema_line(folder, kind if kind in ("role", "department", "person") else "process")  # type: ignore[arg-type]
    if kind == "person":
        # The last department role in reading order (a specialist, not the head): a guess to correct.
        held = tuple(role.id for role in handbook.roles_in_reading_order if not role.external) if handbook else ()
        text = person_skeleton(identifier, roles=held[-1:], schema=line, language=language)
    elif kind == "role":
        text = role_skeleton(identifier, schema=line, language=language)
    elif kind == "department":
        from generator.commands.new import department_skeleton

        text = department_skeleton(identifier, schema=line, language=language)
    else:
        roles = directory / "roles"
        owners = sorted(p.stem for p in roles.glob("*.y*ml")) if roles.is_dir() else []
        if not owners or handbook is None:
            fail(render(msg("run.no_roles_yet"), language))
            return
        # The head of the department (a role others report to) is the likeliest owner of a new process.
        internal = [role for role in handbook.roles_in_reading_order if not role.external]
        ranked = [role.id for role in internal if handbook.direct_reports_of(role)] + [role.id for role in internal]
        text = process_skeleton(identifier, owner=(ranked or owners)[0], schema=line, language=language)
    target = folder / f"{identifier}.yml"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as stream:  # "x": never overwrite, even in a race
            stream.write(text)
    except OSError as error:
        fail(render(msg("run.cannot_write", path=str(target), error=str(error.strerror)), language))
    say(render(msg("run.wrote", path=target.as_posix()), language))
    # The placeholders are errors until replaced (HB059): say so before validate does.
    say(render(msg("run.fill_in", path=target.as_posix()), language))
