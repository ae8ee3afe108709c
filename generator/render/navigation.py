"""The generated pages as MkDocs navigation sections, and the reference pages' paths."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.render.departments import department_navigation
from generator.render.escaping import html_text
from generator.render.pages import Navigation
from generator.render.reporting import RULES_PAGE
from generator.render.urls import REVIEWS_PAGE, process_path, reference_paths, role_path, stage_path
from generator.source.model import Handbook
from generator.words.labels import labels_for

NAVIGATION_SECTION_LIMIT = 50


def navigation(
    handbook: Handbook,
    *,
    language: str | None,
    maintainer_pages: Sequence[str] = (),
    limit: int = NAVIGATION_SECTION_LIMIT,
) -> Navigation:
    """The sidebar: every role, process and stage in a small handbook; index pages for big sections.

    Roles are listed when there are at most `limit`; processes with their stages when that
    makes at most `limit` links, else processes alone when there are at most `limit`.
    `maintainer_pages` are hand-written pages for editors, listed before the rules page.
    """
    if handbook.departments:
        return department_navigation(handbook, language=language, limit=limit, maintainer_pages=maintainer_pages)
    labels = labels_for(language)
    roles = ["roles/index.md"]
    if len(handbook.roles_in_reading_order) <= limit:
        roles += [role_path(role.id) for role in handbook.roles_in_reading_order]
    processes: list[Any] = ["processes/index.md"]
    if sum(1 + len(process.stages) for process in handbook.processes) <= limit:
        for process in handbook.processes:
            stages = [stage_path(process, stage) for stage in process.stages]
            processes.append({html_text(process.title): [process_path(process), *stages]})
    elif len(handbook.processes) <= limit:
        processes += [process_path(process) for process in handbook.processes]
    return Navigation(
        readers=[
            {labels["roles"]: roles},
            {labels["processes"]: processes},
            "org-chart.md",
            *reference_paths(handbook),
        ],
        maintainers=[{labels["maintainers"]: [*maintainer_pages, REVIEWS_PAGE, RULES_PAGE]}],
    )
