"""Output formats for problems. Each is a small function; the CLI offers the registry's names."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from generator.messages import Language, msg, render
from generator.problems import Problem


def format_text(problems: Sequence[Problem], language: Language = "en") -> str:
    """`path:line:column: severity CODE message`, one per line, then a count."""
    lines = [str(problem) for problem in problems]
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if problems:
        lines.append(render(msg("report.summary", errors=errors, warnings=warnings), language))
    return "\n".join(lines)


def format_json(problems: Sequence[Problem], language: Language = "en") -> str:
    """A JSON list of objects with path, line, column, severity, code, rule and message."""
    return json.dumps(
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
        ],
        ensure_ascii=False,
        indent=2,
    )


def _escape_annotation(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: Sequence[Problem], language: Language = "en") -> str:
    """GitHub Actions workflow commands, so problems show on the pull request's lines."""
    return "\n".join(
        f"::{p.severity} file={_escape_annotation(p.path, property_value=True)},line={p.line},col={p.column},"
        f"title={p.code} {p.rule}::{_escape_annotation(p.message)}"
        for p in problems
    )


# Each reporter takes the problems (messages already in the handbook's language) and that language.
REPORTER_BY_NAME: dict[str, Callable[[Sequence[Problem], Language], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
