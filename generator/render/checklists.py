"""Stage checklists as files to download: a Markdown task list and a CSV table.

A new hire pastes the Markdown into an issue tracker, HR opens the CSV in a
spreadsheet. Both are plain text made from the model; the stage page links to them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.render.output_escaping import markdown_code, markdown_text, spreadsheet_cell
from generator.source.model import Handbook, Process, Stage, Step
from generator.words.labels import labels_for

# The CSV's header row, as label keys: HR reads it in the handbook's language.
CSV_COLUMN_LABELS = ("csv_step_id", "csv_step_title", "csv_owner", "csv_due", "csv_item")

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ChecklistFile:
    """A generated download: its path in the site, a file name to save it under, and its text."""

    path: str
    file_name: str
    content: str


@dataclass(frozen=True, slots=True)
class ChecklistFiles:
    markdown: ChecklistFile
    csv: ChecklistFile


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    """One thing to tick: a checklist item, or the step itself when it has no checklist."""

    step_id: str
    step_title: str
    owner: str
    due: str
    item: str


def checklist_markdown_path(process: Process, stage: Stage) -> str:
    return f"processes/{process.id}/{stage.id}.checklist.md.txt"


def checklist_csv_path(process: Process, stage: Stage) -> str:
    return f"processes/{process.id}/{stage.id}.checklist.csv"


def _one_line(value: str) -> str:
    """Fold line breaks, so a value can never start a new CSV record."""
    return _WHITESPACE.sub(" ", value).strip()


def _owner_title(handbook: Handbook, step: Step) -> str:
    owner = handbook.owner_of(step)
    return owner.title if owner else ""


def checklist_rows(handbook: Handbook, stage: Stage) -> tuple[ChecklistRow, ...]:
    """Every item of the stage's checklists, in page order; a step without a checklist is one row."""
    rows: list[ChecklistRow] = []
    for step in stage.steps:
        owner = _owner_title(handbook, step)
        for item in step.checklist or ("",):
            rows.append(ChecklistRow(step.id, step.title, owner, step.due, item))
    return tuple(rows)


def checklist_csv(rows: tuple[ChecklistRow, ...], labels: Mapping[str, str]) -> str:
    """The rows as CSV with a header row in the handbook's language.

    UTF-8 with a byte-order mark, so spreadsheets read the Chinese text. Every cell is
    quoted and no value can start a formula (see `spreadsheet_cell`).
    """

    def cell(value: str) -> str:
        return spreadsheet_cell(_one_line(value))

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(cell(labels[key]) for key in CSV_COLUMN_LABELS)
    for row in rows:
        writer.writerow(cell(value) for value in (row.step_id, row.step_title, row.owner, row.due, row.item))
    return "\ufeff" + out.getvalue()


def checklist_markdown(handbook: Handbook, process: Process, stage: Stage, labels: Mapping[str, str]) -> str:
    """The stage as a Markdown task list: one heading per step, its owner and due date, its items.

    People paste it into issue trackers, which render Markdown and HTML: every value is
    escaped to show as the text it is (see `markdown_text`).
    """
    lines = [f"## {markdown_text(stage.title)} · {markdown_text(process.title)}", ""]
    for step in stage.steps:
        lines.append(f"### {markdown_text(step.title)} ({markdown_code(step.id)})")
        lines.append("")
        details = [f"{labels['owner']}: {markdown_text(_owner_title(handbook, step)) or labels['none']}"]
        if step.due:
            details.append(f"{labels['due']}: {markdown_text(step.due)}")
        lines.append(" · ".join(details))
        lines.append("")
        for item in step.checklist or (step.title,):
            lines.append(f"- [ ] {markdown_text(item)}")
        lines.append("")
    return "\n".join(lines)


def checklist_files(handbook: Handbook, process: Process, stage: Stage, *, labels: Mapping[str, str]) -> ChecklistFiles:
    """The two downloads of one stage, named after the process and stage ids."""
    name = f"{process.id}-{stage.id}-checklist"
    markdown = checklist_markdown(handbook, process, stage, labels)
    return ChecklistFiles(
        markdown=ChecklistFile(checklist_markdown_path(process, stage), f"{name}.md", markdown),
        csv=ChecklistFile(
            checklist_csv_path(process, stage), f"{name}.csv", checklist_csv(checklist_rows(handbook, stage), labels)
        ),
    )


def all_checklist_files(handbook: Handbook, *, language: str | None) -> list[ChecklistFile]:
    """The downloads of every stage of every process."""
    pairs = checklist_files_by_stage(handbook, language=language).values()
    return [file for pair in pairs for file in (pair.markdown, pair.csv)]


def checklist_files_by_stage(
    handbook: Handbook, *, language: str | None, kept: Mapping[tuple[str, str], ChecklistFiles] | None = None
) -> dict[tuple[str, str], ChecklistFiles]:
    """The downloads of every stage, by (process id, stage id); those in `kept` are taken from there as they are.

    A preview keeps the downloads of the stages whose page it kept: a stage's page
    names every role its downloads do.
    """
    labels = labels_for(language)
    kept = kept or {}
    files: dict[tuple[str, str], ChecklistFiles] = {}
    for process in handbook.processes:
        for stage in process.stages:
            key = (process.id, stage.id)
            files[key] = kept.get(key) or checklist_files(handbook, process, stage, labels=labels)
    return files
