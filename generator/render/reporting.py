"""Output formats for problems. Each is a small function; the CLI offers the registry's names.

Every problem carries the address of its rule on the generated rules page, so an
editor goes from the message to the rule's explanation and examples in one click.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from generator.render.output_escaping import json_text, log_line, workflow_command_data, workflow_command_property
from generator.source.problems import Problem
from generator.words.messages import Language, msg, render

# Where the renderer writes the rules page (generator.render), and how MkDocs names its address.
RULES_PAGE = "rules.md"


def rules_page_url(site_url: object = None, *, directory_urls: bool = True) -> str:
    """The address of the built rules page: absolute below `site_url` when set, else relative to the site root.

    `site_url` is read from mkdocs.yml as it is; anything but a whole http(s) address counts as unset.
    """
    stem = RULES_PAGE.removesuffix(".md")
    page = f"{stem}/" if directory_urls else f"{stem}.html"
    if isinstance(site_url, str) and re.match(r"https?://[^/\s]", site_url.strip()):
        return site_url.strip().rstrip("/") + "/" + page
    return page


RELATIVE_RULES_PAGE = rules_page_url()


def rule_url(code: str, rules_page: str = RELATIVE_RULES_PAGE) -> str:
    """The address of one rule's section: its heading's anchor is the code in lower case (rules.md.j2)."""
    return f"{rules_page}#{code.lower()}"


def format_text(
    problems: Sequence[Problem], language: Language = "en", *, rules_page: str = RELATIVE_RULES_PAGE
) -> str:
    """`path:line:column: severity CODE message (rule address)`, one per line, then a count.

    A path or message can carry text from the handbook (a key, a tag, a file name): it
    is escaped so that each problem stays one line and nothing reads as a CI command.
    """
    lines = [log_line(f"{problem} ({rule_url(problem.code, rules_page)})") for problem in problems]
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if problems:
        lines.append(render(msg("report.summary", errors=errors, warnings=warnings), language))
    return "\n".join(lines)


def format_json(
    problems: Sequence[Problem], language: Language = "en", *, rules_page: str = RELATIVE_RULES_PAGE
) -> str:
    """A JSON list of objects with path, line, column, severity, code, rule, message and url (the rule's)."""
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
                "url": rule_url(p.code, rules_page),
            }
            for p in problems
        ]
    )


def format_github(
    problems: Sequence[Problem], language: Language = "en", *, rules_page: str = RELATIVE_RULES_PAGE
) -> str:
    """GitHub Actions workflow commands, so problems show on the pull request's lines.

    Annotations have no link property: the rule's address ends the message, where GitHub shows it.
    """
    return "\n".join(
        f"::{p.severity} file={workflow_command_property(p.path)},line={p.line},col={p.column},"
        f"title={workflow_command_property(f'{p.code} {p.rule}')}::"
        f"{workflow_command_data(f'{p.message} ({rule_url(p.code, rules_page)})')}"
        for p in problems
    )


class Reporter(Protocol):
    def __call__(self, problems: Sequence[Problem], language: Language = ..., *, rules_page: str = ...) -> str: ...


# Each reporter takes the problems (messages already in the handbook's language), that language,
# and the address of the rules page its links point to.
REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
