"""Output formats for problems. Each is a small function; the CLI offers the registry's names."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.messages import Language, msg, render
from generator.output_escaping import json_text, log_line, workflow_command_data, workflow_command_property
from generator.problems import Problem


def format_text(problems: Sequence[Problem], language: Language = "en") -> str:
    """`path:line:column: severity CODE message`, one per line, then a count.

    A path or message can carry text from the handbook (a key, a tag, a file name): it
    is escaped so that each problem stays one line and nothing reads as a CI command.
    """
    lines = [log_line(str(problem)) for problem in problems]
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if problems:
        lines.append(render(msg("report.summary", errors=errors, warnings=warnings), language))
    return "\n".join(lines)


def format_json(problems: Sequence[Problem], language: Language = "en") -> str:
    """A JSON list of objects with path, line, column, severity, code, rule and message."""
    return json_text(
        [
            {
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "severity": p.severity,
                "code": p.code,
                "rule": p.rule,
                "message": p.message,
            }
            for p in problems
        ]
    )


def format_github(problems: Sequence[Problem], language: Language = "en") -> str:
    """GitHub Actions workflow commands, so problems show on the pull request's lines."""
    return "\n".join(
        f"::{p.severity} file={workflow_command_property(p.path)},line={p.line},col={p.column},"
        f"title={workflow_command_property(f'{p.code} {p.rule}')}::{workflow_command_data(p.message)}"
        for p in problems
    )


# Each reporter takes the problems (messages already in the handbook's language) and that language.
REPORTER_BY_NAME: dict[str, Callable[[Sequence[Problem], Language], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
