"""What a preview (`handbook serve`, `mkdocs serve`) shows after a rebuild that found errors.

The pages keep the last version that built; a page of findings (`handbook-errors/`)
and a status file read by assets/serve-errors.js put the findings in front of the
editor, above the content of whichever page they are looking at. A preview started
on a handbook that never built has no pages to keep: every address its pages will
have that the file names tell (each role and process, the indexes, the org chart …)
gets a stand-in page listing the findings, so a bookmarked role page shows why it is
not there rather than a 404, and the rules page is built, so each finding links to
its rule. Every value is text: the pages go through the templates' Markdown
escaping, the status file through JSON and the script sets it with `textContent`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.engines.mkdocs_plugin.assets import ASSETS, SITE_FOLDER, Asset
from generator.render.departments import COMPANY_PATH, department_path
from generator.render.output_escaping import json_text
from generator.render.pages import Page
from generator.render.renderer import template_environment
from generator.render.urls import (
    DOCUMENTS_PATH,
    GLOSSARY_PATH,
    METRICS_PATH,
    REVIEWS_PAGE,
    process_path_of,
    relative_path,
    role_path,
)
from generator.rules.ids.id_format import problem_with
from generator.source.loading import SourceFile
from generator.source.problems import Problem
from generator.words.messages import Language, msg, render

ERRORS_PAGE = "handbook-errors.md"
STATUS_FILE = "handbook-serve-status.json"
RULES_PAGE = "rules.md"
SCRIPT = Asset(f"{SITE_FOLDER}/serve-errors.js", ASSETS / "serve-errors.js")
# Pages a handbook has whatever its files say; stand-ins when it never built (hand-written pages link to them).
STANDING_PAGES = (
    "roles/index.md",
    "processes/index.md",
    "org-chart.md",
    DOCUMENTS_PATH,
    METRICS_PATH,
    GLOSSARY_PATH,
    REVIEWS_PAGE,
)


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


def _intro(*, never_built: bool) -> str:
    """What the open page shows under the box: the last good version, or nothing yet."""
    return "serve.errors_intro_first" if never_built else "serve.errors_intro"


def errors_page(problems: Sequence[Problem], *, language: Language, rules_href: str | None, never_built: bool) -> str:
    """The Markdown of the findings page; each finding links to its rule at `rules_href` (relative to the page)."""
    return (
        template_environment()
        .get_template("serve_errors.md.j2")
        .render(
            title=render(msg("serve.errors_title"), language),
            intro=render(msg(_intro(never_built=never_built)), language),
            no_errors=render(msg("serve.no_errors"), language),
            findings=_shown(problems),
            rules_href=Markup(rules_href) if rules_href else None,
        )
    )


def standin_pages(
    sources: Sequence[SourceFile], problems: Sequence[Problem], *, language: Language, rules_page: str
) -> list[Page]:
    """A page of findings at each address the handbook's pages will have, for a preview that never built.

    The addresses come from the file names (a role file's name is its id, HB021), so
    only names that are ids give one; each role's and process's page opens its file
    with the edit button.
    """
    pages: list[tuple[str, str | None]] = [(path, None) for path in STANDING_PAGES]
    for source in sources:
        if problem_with(source.stem) is not None:
            continue
        if source.kind == "role":
            pages.append((role_path(source.stem), source.path))
        elif source.kind == "process":
            pages.append((process_path_of(source.stem), source.path))
        elif source.kind == "department":
            pages.append((department_path(source.stem), source.path))
    if any(source.kind == "department" for source in sources):
        pages.append((COMPANY_PATH, None))
    return [
        Page(
            path,
            errors_page(
                problems,
                language=language,
                rules_href=relative_path(rules_page, posixpath.dirname(path)),
                never_built=True,
            ),
            source,
        )
        for path, source in dict(pages).items()
    ]


def status_json(problems: Sequence[Problem], *, language: Language, rules_url: str | None, never_built: bool) -> str:
    """The status the page script reads: the findings, the words around them, the rules page's URL."""
    return json_text(
        {
            "title": render(msg("serve.errors_title"), language),
            "intro": render(msg(_intro(never_built=never_built)), language),
            "rules": rules_url,
            "findings": [
                {"at": shown.at, "message": shown.message, "code": shown.code, "rule": shown.rule}
                for shown in _shown(problems)
            ],
        }
    )
