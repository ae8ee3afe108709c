"""Render the model into Markdown pages through Jinja templates.

Python decides what goes on a page (who owns what, which steps a role takes
part in); the templates in `templates/` only lay it out. Every value from YAML
is escaped on the way out (see `markdown_text`), so text in a YAML file can
never become HTML, an attribute list or a line break in the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator.render.checklists import checklist_files
from generator.render.compiled_templates import compiled_templates
from generator.render.departments import DepartmentView, department_pages, department_path
from generator.render.escaping import (
    anchor,
    code_block,
    html_value,
    markdown_text,
    mermaid_label,
    message_markdown,
    plain_text,
    rule_doc_markdown,
    script_json,
)
from generator.render.pages import Page, RenderedUnit
from generator.render.people import PeopleView, contact_labels
from generator.render.reporting import RULES_PAGE
from generator.render.rule_docs import rule_doc
from generator.render.urls import (
    DOCUMENTS_PATH,
    GLOSSARY_PATH,
    METRICS_PATH,
    PEOPLE_PATH,
    REVIEWS_PAGE,
    department_metrics_path,
    document_path,
    documents_split,
    page_url,
    process_documents_path,
    process_path,
    reference_paths,
    relative_path,
    relative_url,
    role_path,
    role_url,
    split_by_department,
    stage_path,
)
from generator.rules import RULES, Rule
from generator.source.documents import Document, Metric, documents_of, metrics_of, producers_of
from generator.source.model import Handbook, Process, Role, Stage, Step, StepPlace
from generator.source.onboarding import onboarding_of
from generator.source.reviews import Review, ReviewSettings, reviews_of, reviews_to_do, settings_for_today
from generator.source.slugs import unique_anchors
from generator.words.labels import labels_for

LETTER_LABEL_KEYS = {"R": "responsible", "A": "owner", "C": "consulted", "I": "informed"}
# The phone view lists a step's roles owner first: "who answers for this" is the first question.
LETTERS_OWNER_FIRST = ("A", "R", "C", "I")


@dataclass(frozen=True, slots=True)
class MatrixRow:
    step: Step
    # The letters each column's role holds on the step (none when it takes no part), in column order.
    cells: tuple[tuple[str, ...], ...]
    # The same, letter by letter (owner first), for the narrow-screen view: (letter, roles) pairs.
    by_letter: tuple[tuple[str, tuple[Role, ...]], ...]


@dataclass(frozen=True, slots=True)
class MatrixStage:
    stage: Stage
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True, slots=True)
class Matrix:
    """A process's RACI matrix: the roles taking part (columns, in reading order) and its steps by stage."""

    columns: tuple[Role, ...]
    stages: tuple[MatrixStage, ...]


@dataclass(frozen=True, slots=True)
class OrgRow:
    """A role in the org chart's tree: how far it is indented, and its manager when the indent cannot show it."""

    role: Role
    depth: int
    manager: Role | None


# Levels of the org chart's tree that get their own indentation: more would leave a phone no
# room for the boxes (see Renderer.org_tree).
ORG_CHART_DEPTH = 6


def _rule_code_order(rule: Rule) -> tuple[str, int, str]:
    """HB006 before HB064 before HB101, whatever the number of digits."""
    match = re.fullmatch(r"(\D*)(\d+)", rule.id)
    return (match.group(1), int(match.group(2)), rule.id) if match else (rule.id, 0, rule.id)


class _RoleRecordingEnvironment(jinja2.Environment):
    """A Jinja environment that can note the id of every role a template reads a field of.

    Templates read a value's fields through `getattr`/`getitem` (filters such as
    `selectattr` too), so this sees every role that reaches a page, whichever
    helper handed it over. A preview uses it to know which pages an edit to a
    role's text changes (see generator.render.incremental).
    """

    # The ids read so far, while a unit of pages is rendered; None otherwise.
    roles_read: set[str] | None = None

    def getattr(self, obj: Any, attribute: str) -> Any:
        if self.roles_read is not None and isinstance(obj, Role):
            self.roles_read.add(obj.id)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if self.roles_read is not None and isinstance(obj, Role):
            self.roles_read.add(obj.id)
        return super().getitem(obj, argument)

    @contextmanager
    def recording_roles(self) -> Iterator[set[str]]:
        """The ids of the roles read inside the block (the environment is shared: blocks do not nest)."""
        read: set[str] = set()
        self.roles_read = read
        try:
            yield read
        finally:
            self.roles_read = None


@cache
def template_environment() -> _RoleRecordingEnvironment:
    """The Jinja environment of the page templates, made once per process.

    `handbook serve` renders on every change; compiling the templates anew each
    time cost a third of a rebuild of the example.
    """
    env = _RoleRecordingEnvironment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        # Autoescape marks what templates and macros produce as safe; `finalize`
        # then escapes every value from YAML the Markdown way (see markdown_text).
        autoescape=True,
        finalize=markdown_text,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=compiled_templates(),
    )
    env.filters.update(
        md=markdown_text,
        plain=plain_text,
        html=html_value,
        mermaid=mermaid_label,
        anchor=anchor,
        rule_doc=rule_doc_markdown,
        message=message_markdown,
        code_block=code_block,
    )
    # Sections that repeat what other pages are about (a role page's copies of step
    # checklists, a process page's step lists and RACI matrix) stay out of the
    # search index, so search lands on the page about the thing, and the index stays small.
    env.globals["not_searched"] = Markup(" { data-search-exclude }")
    return env


class Renderer:
    """A small class around the Jinja environment: one method per kind of page."""

    def __init__(
        self,
        handbook: Handbook,
        *,
        language: str | None,
        rules: Sequence[Rule] = RULES,
        site_url: str | None = None,
        directory_urls: bool = True,
        review: ReviewSettings | None = None,
        last_changed: Mapping[str, date] | None = None,
        edit_urls: Mapping[str, str] | None = None,
        diagram_script: str | None = None,
    ) -> None:
        """`review` is today and the review settings (without: today from `SOURCE_DATE_EPOCH` or the clock);
        `last_changed` the day each YAML file last changed in git, `edit_urls` where each is edited (by path);
        `diagram_script` the site path of the Mermaid script a page with a diagram loads above it
        (None: the site links Mermaid from every page, or the theme fetches it)."""
        self.handbook = handbook
        self.review_settings = review or settings_for_today()
        self.review_by_path: dict[str, Review] = {
            found.path: found for found in reviews_of(handbook, self.review_settings)
        }
        self.last_changed = last_changed or {}
        self.edit_urls = edit_urls or {}
        self.diagram_script = diagram_script
        self.language = language
        self.labels = labels_for(language)
        self.rules = rules
        self.site_url = site_url
        self.directory_urls = directory_urls
        self.documents = documents_of(handbook)
        self.document_by_name = {document.name: document for document in self.documents}
        self.documents_split = documents_split(self.documents)
        self.env = template_environment()
        # Imported here: generator.render.departments reads this package's labels.

        self.departments = DepartmentView(handbook, language=language)
        # `handbook` is the published one: under `people: hidden` it has no people at all.
        self.people = PeopleView(handbook)
        self.contact_names = contact_labels(self.labels)
        self.letter_names = {letter: self.labels[key] for letter, key in LETTER_LABEL_KEYS.items()}

    # The pages about one file, which show its review (the notice at the top, the dates at the bottom).
    _REVIEWED_TEMPLATES = frozenset({"role.md.j2", "process.md.j2", "department.md.j2"})

    def _render(self, template: str, path: str, source: str | None, **context: Any) -> Page:
        def href(target: str, fragment: str = "") -> Markup:
            relative = relative_path(target, posixpath.dirname(path) or ".")
            return Markup(relative + (f"#{fragment}" if fragment else ""))

        here = page_url(path, directory_urls=self.directory_urls)

        def html_href(target: str, fragment: str = "") -> Markup:
            # Raw HTML is left alone by MkDocs, which rewrites only Markdown links (`x.md` →
            # `x/`): a link there must be the final address already.
            relative = relative_url(page_url(target, directory_urls=self.directory_urls), start=here)
            return Markup(escape(relative + (f"#{fragment}" if fragment else "")))

        # Above a diagram: a parser-inserted script runs before the theme draws diagrams (on
        # DOMContentLoaded, or after a page's scripts load under instant navigation).
        diagram_script = (
            Markup('<script src="{}"></script>').format(relative_url(self.diagram_script, start=here))
            if self.diagram_script
            else ""
        )

        content = self.env.get_template(template).render(
            t=self.labels,
            html_href=html_href,
            letter_names=self.letter_names,
            href=href,
            role_path=role_path,
            process_path=process_path,
            stage_path=stage_path,
            handbook=self.handbook,
            document_by_name=self.document_by_name,
            document_page=self.document_page,
            departments=self.departments,
            review=self.review_by_path.get(source) if source and template in self._REVIEWED_TEMPLATES else None,
            people=self.people,
            contact_names=self.contact_names,
            diagram_script=diagram_script,
            **context,
        )
        if source is not None:
            content = content.rstrip("\n") + "\n\n" + self._page_dates(template, path, source)
        return Page(path=path, content=content, source=source)

    def _page_dates(self, template: str, path: str, source: str) -> str:
        """The line at the bottom of a page made from `source`: its review (on the page about the file) and git date."""
        review = self.review_by_path.get(source) if template in self._REVIEWED_TEMPLATES else None
        changed = self.last_changed.get(source)
        if review is None and changed is None:
            return ""
        here = page_url(path, directory_urls=self.directory_urls)

        def html_href(target: str) -> Markup:
            return Markup(escape(relative_url(page_url(target, directory_urls=self.directory_urls), start=here)))

        return self.env.get_template("_page_dates.md.j2").render(
            t=self.labels, review=review, changed=changed, html_href=html_href, role_path=role_path
        )

    def render_page(self, template: str, path: str, source: str | None, **context: Any) -> Page:
        """A page from one of the templates, for page modules outside this class (generator.render.departments)."""
        return self._render(template, path, source, **context)

    # --- what goes on the pages -------------------------------------------------

    def matrix(self, process: Process) -> Matrix:
        """The RACI matrix of a process: only the roles that take part in it, one row per step."""
        taking_part = {ref.role_id for _, step in process.steps() if step.raci for _, ref in step.raci.letters()}
        columns = tuple(role for role in self.handbook.roles_in_reading_order if role.id in taking_part)
        stages = []
        for stage in process.stages:
            rows = []
            for step in stage.steps:
                raci = step.raci
                named: dict[str, dict[str, None]] = {letter: {} for letter in LETTERS_OWNER_FIRST}
                # Each role's letters on this step in R, A, C, I order, as Raci.letters_of gives them.
                held: dict[str, dict[str, None]] = {}
                for letter, ref in raci.letters() if raci else ():
                    named[letter][ref.role_id] = None
                    held.setdefault(ref.role_id, {})[letter] = None
                cells = tuple(tuple(held.get(role.id, ())) for role in columns)
                by_letter = tuple(
                    (letter, roles)
                    for letter in LETTERS_OWNER_FIRST
                    if (roles := self.roles_named_by_id(named[letter]))
                )
                rows.append(MatrixRow(step, cells, by_letter))
            stages.append(MatrixStage(stage, tuple(rows)))
        return Matrix(columns, tuple(stages))

    def org_tree(self, *, depth_limit: int = ORG_CHART_DEPTH) -> tuple[OrgRow, ...]:
        """The department's roles as an indented tree: each manager followed by their reports.

        A role whose manager is not in the department (none, unknown or external) starts a
        tree of its own, and so does a role on a reporting circle no tree reached (possible
        with the circle rule switched off). Below `depth_limit` levels the indentation stops
        growing, so a phone still has room for the boxes; those rows name their manager.
        """
        handbook = self.handbook
        internal = [role for role in handbook.roles_in_reading_order if not role.external]
        inside = {role.id for role in internal}
        rows: list[OrgRow] = []
        seen: set[str] = set()

        def manager_of(role: Role) -> Role | None:
            if role.reports_to and role.reports_to.role_id in inside:
                return handbook.role_by_id[role.reports_to.role_id]
            return None

        def visit(start: Role) -> None:
            # Iterative, so a reporting line thousands of roles deep cannot exhaust Python's stack.
            stack = [(start, 0)]
            while stack:
                role, depth = stack.pop()
                if role.id in seen:
                    continue
                seen.add(role.id)
                shown = min(depth, depth_limit - 1)
                rows.append(OrgRow(role, shown, manager_of(role) if depth > shown else None))
                reports = [report for report in handbook.direct_reports_of(role) if not report.external]
                stack.extend((report, depth + 1) for report in reversed(reports))

        for role in internal:
            if manager_of(role) is None:
                visit(role)
        for role in internal:
            visit(role)
        return tuple(rows)

    def permalink(self, role: Role) -> str:
        """The address HR copies: absolute when the site knows its `site_url`, else below the site root."""
        if self.site_url:
            return self.site_url.rstrip("/") + "/" + role_url(role.id)
        return role_url(role.id)

    def document_page(self, document: Document, process: Process | None = None) -> str:
        """The page a link to `document` goes to (from a step of `process`, when given)."""
        return document_path(document, split=self.documents_split, process=process)

    def documents_by_process(self) -> list[tuple[Process, tuple[Document, ...]]]:
        """For a split documents page: each process with the documents its steps name, told only there."""
        # process id → document name → (places producing it, places using it) in that process
        places: dict[str, dict[str, tuple[list[StepPlace], list[StepPlace]]]] = {}
        for document in self.documents:
            for index, found in enumerate((document.produced_by, document.used_by)):
                for place in found:
                    here = places.setdefault(place.process.id, {}).setdefault(document.name, ([], []))
                    here[index].append(place)
        return [
            (
                process,
                tuple(
                    Document(name, self.document_by_name[name].anchor, tuple(produced), tuple(used))
                    for name, (produced, used) in places[process.id].items()
                ),
            )
            for process in self.handbook.processes
            if process.id in places
        ]

    def metrics_pages(self, metrics: tuple[Metric, ...]) -> list[Page]:
        """The metrics page; at company scale a short index and one page per department (see SPLIT_ABOVE)."""
        common = {"department": None, "by_department": (), "metrics_index": METRICS_PATH}
        lines = len(metrics) + sum(len(metric.watched_by) for metric in metrics)
        if not split_by_department(self.handbook, lines):
            return [self._render("metrics.md.j2", METRICS_PATH, None, **{**common, "metrics": metrics})]
        view = self.departments
        pages, counts = [], []
        for unit in view.by_id.values():
            members = {role.id for role in view.roles_of(unit)}
            here = tuple(
                Metric(metric.name, watchers)
                for metric in metrics
                if (watchers := tuple(role for role in metric.watched_by if role.id in members))
            )
            if here:
                counts.append((unit, len(here)))
                page = department_metrics_path(unit.id)
                pages.append(
                    self._render("metrics.md.j2", page, None, **{**common, "metrics": here, "department": unit})
                )
        # Metrics of roles outside every department stay on the index.
        outside = tuple(
            Metric(metric.name, watchers)
            for metric in metrics
            if (watchers := tuple(role for role in metric.watched_by if view.of(role) is None))
        )
        index = self._render(
            "metrics.md.j2",
            METRICS_PATH,
            None,
            **{
                **common,
                "metrics": outside,
                "by_department": counts,
                "metrics_page_of": lambda unit: department_metrics_path(unit.id),
            },
        )
        return [index, *pages]

    def producers(self, document: Document) -> tuple[Role, ...]:
        """The roles that make a document, across every step that produces it."""
        roles = (role for place in document.produced_by for role in producers_of(self.handbook, place))
        return tuple(dict.fromkeys(roles))

    def roles_named(self, refs: Iterable[Any]) -> tuple[Role, ...]:
        return self.roles_named_by_id(ref.role_id for ref in refs)

    def roles_named_by_id(self, role_ids: Iterable[str]) -> tuple[Role, ...]:
        return tuple(self.handbook.role_by_id[i] for i in role_ids if i in self.handbook.role_by_id)

    # --- the pages ----------------------------------------------------------------

    def pages(self) -> list[Page]:
        return [page for unit in self.rendered_units() for page in unit.pages]

    def rendered_units(self, *, kept: Callable[[str], RenderedUnit | None] = lambda key: None) -> list[RenderedUnit]:
        """Every generated page, in units; a unit for which `kept(key)` gives one is not rendered again.

        Each unit notes the roles its templates read, so a preview can tell which
        units an edit to a role's text leaves as they were.
        """
        units = []
        for key, make in self._units():
            unit = kept(key)
            if unit is None:
                with self.env.recording_roles() as read:
                    made = make()
                pages = (made,) if isinstance(made, Page) else tuple(made)
                unit = RenderedUnit(key, pages, frozenset(read))
            units.append(unit)
        return units

    def _units(self) -> Iterator[tuple[str, Callable[[], Page | list[Page]]]]:
        """(key, how to render) of every unit of pages, in the order the pages are listed."""
        handbook = self.handbook
        yield (
            "roles/index.md",
            partial(
                self._render,
                "roles_index.md.j2",
                "roles/index.md",
                None,
                split_by_department=split_by_department(handbook, len(handbook.roles)),
            ),
        )
        for role in handbook.roles_in_reading_order:
            yield role_path(role.id), partial(self.role_page, role)
        yield "processes/index.md", partial(self._render, "processes_index.md.j2", "processes/index.md", None)
        for process in handbook.processes:
            yield process_path(process), partial(self.process_page, process)
            for index, stage in enumerate(process.stages):
                yield stage_path(process, stage), partial(self.stage_page, process, index)
        yield "org-chart.md", self.org_chart_page
        # The company's reference and department pages read many roles each: one unit per kind.
        yield "reference pages", self.reference_pages
        yield "department pages", self.department_pages
        yield REVIEWS_PAGE, self.reviews_page
        yield RULES_PAGE, self.rules_page

    def role_page(self, role: Role) -> Page:
        handbook = self.handbook
        manager = handbook.role_by_id.get(role.reports_to.role_id) if role.reports_to else None
        return self._render(
            "role.md.j2",
            role_path(role.id),
            role.path,
            role=role,
            manager=manager,
            reports=handbook.direct_reports_of(role),
            participations=handbook.participations_of(role),
            onboarding=onboarding_of(handbook, role, self.documents),
            permalink=self.permalink(role),
            permalink_is_absolute=bool(self.site_url),
        )

    def process_page(self, process: Process) -> Page:
        owner = self.handbook.role_by_id.get(process.owner.role_id) if process.owner else None
        return self._render(
            "process.md.j2",
            process_path(process),
            process.path,
            process=process,
            owner=owner,
            matrix=self.matrix(process),
        )

    def stage_page(self, process: Process, index: int) -> Page:
        stage = process.stages[index]
        return self._render(
            "stage.md.j2",
            stage_path(process, stage),
            process.path,
            process=process,
            stage=stage,
            roles_named=self.roles_named,
            downloads=checklist_files(self.handbook, process, stage, labels=self.labels),
            previous_stage=process.stages[index - 1] if index > 0 else None,
            next_stage=process.stages[index + 1] if index + 1 < len(process.stages) else None,
        )

    def org_chart_page(self) -> Page:
        return self._render(
            "org_chart.md.j2",
            "org-chart.md",
            None,
            org_tree=self.org_tree(),
            external_teams=[role for role in self.handbook.roles_in_reading_order if role.external],
        )

    def department_pages(self) -> list[Page]:

        return department_pages(self, self.departments)

    def reviews_page(self) -> Page:
        """The maintainers' list of reviews overdue or coming up, by department and due date."""
        to_do = reviews_to_do(self.handbook, self.review_settings)
        groups: dict[str, list[Review]] = {}
        for found in to_do:
            groups.setdefault(found.department.title if found.department else "", []).append(found)
        return self._render(
            "reviews.md.j2",
            REVIEWS_PAGE,
            None,
            groups=list(groups.items()),
            today=self.review_settings.today,
            tracked=len(self.review_by_path),
            page_of=self.page_of_review,
            edit_urls=self.edit_urls,
        )

    @staticmethod
    def page_of_review(found: Review) -> str:
        """The generated page about the reviewed file."""
        thing: Any = found.thing
        if found.kind == "role":
            return role_path(thing.id)
        if found.kind == "process":
            return process_path(thing)
        return department_path(thing.id)

    def rules_page(self) -> Page:
        # By code, as an editor looks one up from a finding (the registry groups them by family).
        rules = [(rule, rule_doc(rule, self.language)) for rule in sorted(self.rules, key=_rule_code_order)]
        return self._render("rules.md.j2", RULES_PAGE, None, rules=rules)

    @property
    def term_anchors(self) -> dict[str, str]:
        """A stable anchor per glossary term, made from the term itself (see slugs)."""
        return unique_anchors(term.term for term in self.handbook.glossary)

    def search_topics(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """What each generated page (and section, by anchor; "" for the page) is about.

        Search ranks these names above words a page merely mentions, so a query for a
        role, a stage, a step, a document or a glossary term lands on the page about it.
        """
        handbook = self.handbook
        topics: dict[str, dict[str, tuple[str, ...]]] = {}
        for role in handbook.roles:
            topics[role_path(role.id)] = {"": (role.title,)}
        for process in handbook.processes:
            topics[process_path(process)] = {"": (process.title,)}
            for stage in process.stages:
                # Material ranks a page far above its sections, and search results list
                # pages: the stage page is about its steps, the documents page about
                # every document.
                topics[stage_path(process, stage)] = {"": (stage.title, *(step.title for step in stage.steps))}
        if self.documents and not self.documents_split:
            topics[DOCUMENTS_PATH] = {"": tuple(document.name for document in self.documents)}
        elif self.documents:
            for process, documents in self.documents_by_process():
                topics[process_documents_path(process)] = {"": tuple(document.name for document in documents)}
        if handbook.glossary:
            anchors = self.term_anchors
            topics[GLOSSARY_PATH] = {
                anchors[term.term]: tuple(name for name in (term.term, *term.synonyms, term.expansion) if name)
                for term in handbook.glossary
            }
        return topics

    def reference_pages(self) -> list[Page]:
        """The documents, metrics and glossary pages, each only when the handbook has something for it."""
        wanted = reference_paths(self.handbook)
        pages = []
        if PEOPLE_PATH in wanted:
            pages.append(self._render("people.md.j2", PEOPLE_PATH, None))
        if DOCUMENTS_PATH in wanted and not self.documents_split:
            pages.append(
                self._render(
                    "documents.md.j2",
                    DOCUMENTS_PATH,
                    None,
                    documents=self.documents,
                    producers=self.producers,
                    process=None,
                    documents_index=DOCUMENTS_PATH,
                )
            )
        elif DOCUMENTS_PATH in wanted:
            by_process = self.documents_by_process()
            # An old link to a document's entry (documents/#anchor) still finds it: the index sends it on.
            index = page_url(DOCUMENTS_PATH, directory_urls=self.directory_urls)
            pages_of = {
                document.anchor: relative_url(
                    page_url(self.document_page(document), directory_urls=self.directory_urls), start=index
                )
                for document in self.documents
            }
            pages.append(
                self._render(
                    "documents_index.md.j2",
                    DOCUMENTS_PATH,
                    None,
                    by_process=by_process,
                    pages_of=script_json(pages_of),
                    documents_page_of=process_documents_path,
                )
            )
            for process, documents in by_process:
                pages.append(
                    self._render(
                        "documents.md.j2",
                        process_documents_path(process),
                        None,
                        documents=documents,
                        producers=self.producers,
                        process=process,
                        documents_index=DOCUMENTS_PATH,
                    )
                )
        if METRICS_PATH in wanted:
            pages += self.metrics_pages(metrics_of(self.handbook))
        if GLOSSARY_PATH in wanted:
            source = self.handbook.glossary[0].at.path
            pages.append(
                self._render(
                    "glossary.md.j2",
                    GLOSSARY_PATH,
                    source,
                    terms=self.handbook.glossary,
                    term_anchors=self.term_anchors,
                )
            )
        return pages
