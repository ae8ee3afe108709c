"""What a preview (`handbook serve`, `mkdocs serve`) shows after a rebuild that found errors.

The pages keep the last version that built; a page of findings (`handbook-errors/`)
and a status file read by assets/serve-errors.js put the findings in front of the
editor on whichever page they are looking at. Every value is text: the page goes
through the templates' Markdown escaping, the status file through JSON and the
script sets it with `textContent`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.engines.mkdocs_plugin.assets import ASSETS, SITE_FOLDER, Asset
from generator.render.output_escaping import json_text
from generator.render.renderer import template_environment
from generator.source.problems import Problem
from generator.words.messages import Language, msg, render

ERRORS_PAGE = "handbook-errors.md"
STATUS_FILE = "handbook-serve-status.json"
RULES_PAGE = "rules.md"
SCRIPT = Asset(f"{SITE_FOLDER}/serve-errors.js", ASSETS / "serve-errors.js")


@dataclass(frozen=True, slots=True)
class ShownFinding:
    at: str
    message: str
    code: str
    rule: str
    anchor: str


def _shown(problems: Sequence[Problem]) -> list[ShownFinding]:
    return [
        ShownFinding(
            at=f"{problem.path}:{problem.line}:{problem.column}",
            message=problem.message,
            code=problem.code,
            rule=problem.rule,
            # The rules page gives every rule a heading with its lower-case code as the id.
            anchor=problem.code.lower(),
        )
        for problem in problems
    ]


def errors_page(problems: Sequence[Problem], *, language: Language, rules_page: bool) -> str:
    """The Markdown of the findings page; each finding links to its rule when the site has a rules page."""
    return (
        template_environment()
        .get_template("serve_errors.md.j2")
        .render(
            title=render(msg("serve.errors_title"), language),
            intro=render(msg("serve.errors_intro"), language),
            no_errors=render(msg("serve.no_errors"), language),
            findings=_shown(problems),
            rules_href=Markup(RULES_PAGE) if rules_page else None,
        )
    )


def status_json(problems: Sequence[Problem], *, language: Language, rules_url: str | None) -> str:
    """The status the page script reads: the findings, the words around them, the rules page's URL."""
    return json_text(
        {
            "title": render(msg("serve.errors_title"), language),
            "intro": render(msg("serve.errors_intro"), language),
            "rules": rules_url,
            "findings": [
                {"at": shown.at, "message": shown.message, "code": shown.code, "rule": shown.rule}
                for shown in _shown(problems)
            ],
        }
    )
