"""Skeleton files for `handbook new`, and the schema files for `handbook schema`.

A skeleton is a valid file to fill in: it carries the same `yaml-language-server`
line as its neighbours (so VS Code completes keys at once), placeholder text
in the handbook's language, and, for a process, one step owned by a role that exists.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from generator.files import is_source_name, read_regular_file
from generator.loading import MAX_FILE_BYTES, Kind
from generator.messages import Language, msg, render

EDITOR_SCHEMAS: tuple[Kind, ...] = ("role", "process", "department")
_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=\S+[ \t]*$", re.MULTILINE)


def schema_text(kind: Kind) -> str:
    """The JSON Schema file the validator itself uses for `kind` files, as text."""
    return resources.files("generator.schema").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")


def schema_line(folder: Path, kind: Kind) -> str:
    """The schema line the folder's other files use, or one pointing at `../schema/` (`handbook schema`'s output)."""
    if folder.is_dir() and not folder.is_symlink():
        for file in sorted(folder.iterdir()):
            if not is_source_name(file.name):
                continue
            try:
                # Never through a link, never waiting on a pipe: the same reader as the checks.
                head = read_regular_file(file, limit=MAX_FILE_BYTES)[:2000]
            except OSError:
                continue
            match = _SCHEMA_LINE.search(head.decode("utf-8", errors="replace"))
            if match:
                return match.group(0).strip()
    return f"# yaml-language-server: $schema=../schema/{kind}.schema.json"


def _text(key: str, language: Language) -> str:
    # Placeholders are plain text; quoting keeps any colon in a translation from becoming YAML syntax.
    return "'" + render(msg(key), language).replace("'", "''") + "'"


def role_skeleton(identifier: str, *, schema: str, language: Language) -> str:
    return (
        f"{schema}\n"
        f"id: {identifier}\n"
        f"title: {_text('skeleton.role_title', language)}\n"
        f"summary: {_text('skeleton.role_summary', language)}\n"
        "# reports_to: <role id>\n"
        "# buddy: <role id>\n"
        "responsibilities:\n"
        f"  - {_text('skeleton.responsibility', language)}\n"
        "metrics:\n"
        f"  - {_text('skeleton.metric', language)}\n"
    )


def process_skeleton(identifier: str, *, owner: str, schema: str, language: Language) -> str:
    return (
        f"{schema}\n"
        f"id: {identifier}\n"
        f"title: {_text('skeleton.process_title', language)}\n"
        f"summary: {_text('skeleton.process_summary', language)}\n"
        f"owner: {owner}\n"
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


def department_skeleton(identifier: str, *, schema: str, language: Language) -> str:
    """A department to fill in: its head and maintainers are left for the editor (HB072 and HB073 ask for them)."""
    return (
        f"{schema}\n"
        f"id: {identifier}\n"
        f"title: {_text('skeleton.department_title', language)}\n"
        f"summary: {_text('skeleton.department_summary', language)}\n"
        "# head: <role id>\n"
        "# parent: <department id>\n"
        "# maintainers:\n"
        '#   - "@git-handle"\n'
    )
