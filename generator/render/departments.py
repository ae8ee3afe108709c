"""The pages of a company handbook: one per department, a company page, and navigation by department.

Only a handbook with `departments/` gets them; a one-department handbook keeps its
pages and navigation exactly as before. Python decides what each page shows (who
heads what, which processes a department owns or takes part in, which departments
a step involves); the templates `department.md.j2`, `company.md.j2` and
`_departments.md.j2` lay it out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.render.escaping import html_text, mermaid_label
from generator.render.pages import Navigation, Page, PageRenderer
from generator.render.reporting import RULES_PAGE
from generator.render.urls import REVIEWS_PAGE, process_path, reference_paths, role_path
from generator.source.departments import (
    department_by_id,
    department_id_of,
    departments_of_step,
    processes_owned_by,
    roles_of,
)
from generator.source.model import Department, Handbook, Process, Role, Step
from generator.words.catalogs import catalog
from generator.words.labels import labels_for
from generator.words.languages import language_for

COMPANY_PATH = "departments/index.md"
# A department chart draws at most this many roles: a phone shows about that many boxes
# legibly. The department page's table lists every role whatever the size.
CHART_ROLE_LIMIT = 25
# Characters per line of a chart box: a long title on one line makes the chart wider than a
# phone, and Mermaid then shrinks all of its text below what can be read.
CHART_LINE_WIDTH = 20  # in columns: a Chinese character takes two, a Latin letter one


def department_labels(language: str | None) -> Mapping[str, str]:
    """The department pages' labels (the catalogs' "department" context), in the handbook's language."""
    return catalog(language_for(language)).department_labels


# Latin words and numbers stay whole; any other character (a Chinese one) may end a line.
_UNBREAKABLE = re.compile(r"[A-Za-z0-9]+|\s+|.", re.DOTALL)


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _chart_lines(title: str) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in _UNBREAKABLE.findall(" ".join(title.split())):
        if line and _columns(line) + _columns(token.rstrip()) > CHART_LINE_WIDTH:
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
        else:
            line += token
    return [*lines, line.rstrip()] if line.strip() or not lines else lines


def chart_label(title: str) -> Markup:
    """A title as a Mermaid box label of lines of about CHART_LINE_WIDTH characters, each escaped for Mermaid."""

    # mermaid_label escapes a line and quotes it; the lines share one pair of quotes.
    return Markup('"' + "<br>".join(str(mermaid_label(line))[1:-1] for line in _chart_lines(title)) + '"')


def department_path(department_id: str) -> str:
    return f"departments/{department_id}.md"


@dataclass(frozen=True, slots=True)
class SharedProcess:
    """A process of another department, and the steps in it where this department's roles hold a letter."""

    process: Process
    owner: Department | None
    steps: tuple[Any, ...]  # StepPlace


class DepartmentView:
    """What the templates ask about departments; every answer worked out here, none in a template."""

    def __init__(self, handbook: Handbook, *, language: str | None) -> None:
        self.handbook = handbook
        self.labels = department_labels(language)
        self.by_id = department_by_id(handbook)

    def path(self, department: Department) -> str:
        return department_path(department.id)

    @property
    def enabled(self) -> bool:
        return bool(self.handbook.departments)

    def of(self, item: Role | Process) -> Department | None:
        return self.by_id.get(department_id_of(item) or "")

    def title_of(self, item: Role | Process) -> str:
        department = self.of(item)
        return department.title if department else ""

    def involved_in(self, step: Step, process: Process) -> tuple[Department, ...]:
        """The departments a step involves, when it reaches beyond its process's department; else none."""
        involved = [self.by_id[d] for d in departments_of_step(self.handbook, step) if d in self.by_id]
        own = department_id_of(process)
        if not involved or all(department.id == own for department in involved):
            return ()
        return tuple(involved)

    def children_of(self, department: Department) -> tuple[Department, ...]:
        return tuple(d for d in self.handbook.departments if d.parent and d.parent.department_id == department.id)

    def top_level(self) -> tuple[Department, ...]:
        """Departments without a known parent, in file order; then any caught in a circle (a rule reports it)."""
        tops = [d for d in self.by_id.values() if not (d.parent and d.parent.department_id in self.by_id)]
        reached: set[str] = set()
        stack = list(tops)
        while stack:
            department = stack.pop()
            if department.id not in reached:
                reached.add(department.id)
                stack.extend(self.children_of(department))
        return (*tops, *(d for d in self.by_id.values() if d.id not in reached))

    def head_of(self, department: Department) -> Role | None:
        return self.handbook.role_by_id.get(department.head.role_id) if department.head else None

    def parent_of(self, department: Department) -> Department | None:
        return self.by_id.get(department.parent.department_id) if department.parent else None

    def roles_of(self, department: Department) -> tuple[Role, ...]:
        return roles_of(self.handbook, department)

    def processes_owned_by(self, department: Department) -> tuple[Process, ...]:
        return processes_owned_by(self.handbook, department)

    def shared_processes(self, department: Department) -> tuple[SharedProcess, ...]:
        """Processes of other departments where this department's roles hold a letter, with those steps."""
        found: list[SharedProcess] = []
        members = {role.id for role in self.roles_of(department)}
        for process in self.handbook.processes:
            if department_id_of(process) == department.id:
                continue
            steps = tuple(
                participation.place
                for role_id in members
                for participation in self.handbook.participations_by_role.get(role_id, ())
                if participation.place.process is process
            )
            if steps:
                ordered = {id(place.step): place for place in steps}
                in_order = tuple(ordered[id(step)] for _, step in process.steps() if id(step) in ordered)
                found.append(SharedProcess(process, self.of(process), in_order))
        return tuple(found)

    def chart(self, department: Department) -> tuple[list[tuple[str, Role]], list[tuple[str, str]], int]:
        """Mermaid nodes and edges of the department's reporting tree, top levels first, at most CHART_ROLE_LIMIT.

        Also returns how many roles the department has, so the page can say when the chart is cut.
        """
        roles = self.roles_of(department)
        members = {role.id for role in roles}
        reports: dict[str, list[Role]] = {}
        tops: list[Role] = []
        for role in roles:
            manager = role.reports_to.role_id if role.reports_to else None
            if manager in members and manager != role.id:
                reports.setdefault(manager, []).append(role)
            else:
                tops.append(role)
        drawn: list[Role] = []
        level = tops
        # Whole levels only, so a chart never shows some of a manager's reports and hides others.
        while level and len(drawn) + len(level) <= CHART_ROLE_LIMIT:
            drawn += level
            level = [report for role in level for report in reports.get(role.id, [])]
        if not drawn:
            drawn = level[:CHART_ROLE_LIMIT]
        node_of = {role.id: f"r{index}" for index, role in enumerate(drawn, start=1)}
        edges = [
            (node_of[role.reports_to.role_id], node_of[role.id])
            for role in drawn
            if role.reports_to and role.reports_to.role_id in node_of and role.reports_to.role_id != role.id
        ]
        return [(node_of[role.id], role) for role in drawn], edges, len(roles)

    def company_chart(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """Mermaid nodes (id, department title) of every department and parent → department edges.

        One box per department, holding only its title, whatever the number of roles (the table
        below the chart counts them), so the chart stays legible on a phone at 1,000 roles.
        """
        node_of = {department.id: f"d{index}" for index, department in enumerate(self.by_id.values(), start=1)}
        nodes = [(node_of[d.id], d.title) for d in self.by_id.values()]
        edges = [
            (node_of[d.parent.department_id], node_of[d.id])
            for d in self.by_id.values()
            if d.parent and d.parent.department_id in node_of and d.parent.department_id != d.id
        ]
        return nodes, edges


def department_pages(renderer: PageRenderer, view: DepartmentView) -> list[Page]:
    """The company page and one page per department; none for a one-department handbook."""
    if not view.enabled:
        return []
    nodes, edges = view.company_chart()
    pages = [
        renderer.render_page("company.md.j2", COMPANY_PATH, None, nodes=nodes, edges=edges, chart_label=chart_label)
    ]
    for department in view.by_id.values():
        chart_nodes, chart_edges, total = view.chart(department)
        pages.append(
            renderer.render_page(
                "department.md.j2",
                department_path(department.id),
                department.path,
                department=department,
                chart_nodes=chart_nodes,
                chart_edges=chart_edges,
                total_roles=total,
                chart_label=chart_label,
            )
        )
    return pages


def department_navigation(
    handbook: Handbook, *, language: str | None, limit: int, maintainer_pages: Sequence[str] = ()
) -> Navigation:
    """The sidebar grouped by department: each lists its roles and processes while that is at most `limit` links.

    A bigger department shows its page alone, which lists everything. Sub-departments nest
    under their parent; the role and process indexes, the org chart and the appendix stay.
    """

    view = DepartmentView(handbook, language=language)
    labels = labels_for(language)

    def section(department: Department, seen: frozenset[str]) -> dict[str, list[Any]]:
        entries: list[Any] = [department_path(department.id)]
        roles = [role_path(role.id) for role in view.roles_of(department)]
        processes = [process_path(process) for process in view.processes_owned_by(department)]
        if len(roles) + len(processes) <= limit:
            entries += roles + processes
        for child in view.children_of(department):
            if child.id not in seen:
                entries.append(section(child, seen | {child.id}))
        return {html_text(department.title): entries}

    departments = [section(d, frozenset({d.id})) for d in view.top_level()]
    return Navigation(
        readers=[
            {view.labels["company"]: [COMPANY_PATH, *departments]},
            {labels["roles"]: ["roles/index.md"]},
            {labels["processes"]: ["processes/index.md"]},
            "org-chart.md",
            *reference_paths(handbook),
        ],
        maintainers=[{labels["maintainers"]: [*maintainer_pages, REVIEWS_PAGE, RULES_PAGE]}],
    )
