"""What each page and section of a handbook site *is*, from the model.

Word statistics cannot tell the page about 市場調研專員 from the org chart that lists
it: 市場 is on nearly every page. The model can. Every role, process, stage, step,
document, metric, glossary term, department and person is known here with the page (and the
heading, for a section) it lives on, and with every name a reader may type for it
(its title, its id, the ids it had before, a term's expansion and synonyms). Pages that
list many things (the indexes, the org chart, the metrics, the rules) are marked so
search never puts them before the thing itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from generator.render.departments import COMPANY_PATH, department_path
from generator.render.reporting import RULES_PAGE
from generator.render.urls import (
    GLOSSARY_PATH,
    METRICS_PATH,
    PEOPLE_PATH,
    REVIEWS_PAGE,
    document_path,
    documents_split,
    page_url,
    process_documents_path,
    process_path,
    role_path,
    stage_path,
)
from generator.source.documents import Document, documents_of
from generator.source.model import Handbook, Process

# How much the words of a page count, against a page about one thing (1.0). A page that
# lists every role, process or metric is a way in, not an answer; the pages for the
# people who edit the handbook come after every page for readers.
LISTING_WEIGHT = 0.1
MAINTAINERS_WEIGHT = 0.02
# The glossary answers "what is KOL"; asked "KOL 合作", the pages that use the term with the
# other words come first. A term's own name still puts its section first (see index.py).
GLOSSARY_WEIGHT = 0.5

LISTING_PAGES = ("roles/index.md", "processes/index.md", "org-chart.md", METRICS_PATH, COMPANY_PATH)


@dataclass(frozen=True, slots=True)
class Entity:
    """A thing a reader may name, and where it lives: a page, or the section under one of its headings."""

    page: str  # the page's URL path in the site, e.g. "roles/market-research/"
    kind: str  # a key of KIND_LABELS
    names: tuple[str, ...]
    section: str = ""  # the heading of its section on the page ("": the page itself)
    context: str = ""  # for a stage or step, where it belongs: "活動生命週期 · 預熱期"
    department: str = ""  # the department's title, on a handbook with departments


@dataclass(frozen=True, slots=True)
class PagePlace:
    """What a whole page is, for ranking and for the label of its results."""

    kind: str
    weight: float = 1.0
    context: str = ""
    department: str = ""


@dataclass(frozen=True, slots=True)
class SearchCatalog:
    """Everything search knows from the model: the pages' kinds and weights, and the named things."""

    pages: dict[str, PagePlace]
    entities: tuple[Entity, ...]


def _url(path: str, directory_urls: bool) -> str:
    return page_url(path, directory_urls=directory_urls)


def search_catalog(
    handbook: Handbook, *, directory_urls: bool = True, maintainer_pages: tuple[str, ...] = ()
) -> SearchCatalog:
    """The catalog of a handbook whose generated pages are at the render layer's paths."""
    pages: dict[str, PagePlace] = {}
    entities = list(_entities(handbook, directory_urls, pages))
    for path in LISTING_PAGES:
        pages[_url(path, directory_urls)] = PagePlace("listing", LISTING_WEIGHT)
    # The reviews page names many roles and processes: a page for maintainers, never above the pages it lists.
    for path in (RULES_PAGE, REVIEWS_PAGE, *maintainer_pages):
        pages[_url(path, directory_urls)] = PagePlace("maintainers", MAINTAINERS_WEIGHT)
    return SearchCatalog(pages=pages, entities=tuple(entities))


def _home_process(document: Document) -> Process | None:
    """The process a document lives in: the one whose steps both make it and use it, most often.

    On a company handbook many processes may list a document of the same name; the one
    where it goes from the step that makes it to the steps that use it is where it is
    described best. None of them both makes and uses it: the first that names it.
    """
    made = Counter(place.process.id for place in document.produced_by)
    used = Counter(place.process.id for place in document.used_by)
    processes = {place.process.id: place.process for place in (*document.produced_by, *document.used_by)}
    both = [process_id for process_id in processes if made[process_id] and used[process_id]]
    if not both:
        return None
    return processes[max(both, key=lambda process_id: made[process_id] + used[process_id])]


def _entities(handbook: Handbook, directory_urls: bool, pages: dict[str, PagePlace]) -> Iterator[Entity]:
    departments = {department.id: department.title for department in handbook.departments}

    def department_of(ref: object) -> str:
        department_id = getattr(ref, "department_id", None)
        return departments.get(department_id, "") if isinstance(department_id, str) else ""

    for role in handbook.roles:
        url = _url(role_path(role.id), directory_urls)
        kind = "team" if role.external else "role"
        department = department_of(role.department)
        pages[url] = PagePlace(kind, department=department)
        former = tuple(alias.role_id for alias in role.aliases)
        yield Entity(url, kind, (role.title, role.id, *former), department=department)
        for metric in dict.fromkeys(m.strip() for m in role.metrics if m.strip()):
            yield Entity(url, "metric", (metric,), context=role.title, department=department)
    for process in handbook.processes:
        url = _url(process_path(process), directory_urls)
        department = department_of(process.department)
        pages[url] = PagePlace("process", department=department)
        former = tuple(alias.role_id for alias in process.aliases)
        yield Entity(url, "process", (process.title, process.id, *former), department=department)
        for stage in process.stages:
            stage_url = _url(stage_path(process, stage), directory_urls)
            pages[stage_url] = PagePlace("stage", context=process.title, department=department)
            yield Entity(stage_url, "stage", (stage.title,), context=process.title, department=department)
            for step in stage.steps:
                yield Entity(
                    stage_url,
                    "step",
                    (step.title,),
                    section=step.title,
                    context=f"{process.title} · {stage.title}",
                    department=department,
                )
    documents = documents_of(handbook)
    split = documents_split(documents)
    if split:
        # One page per process lists that process's documents: each lists them, the document's home *is* it.
        for process in handbook.processes:
            pages.setdefault(_url(process_documents_path(process), directory_urls), PagePlace("page"))
    for document in documents:
        page = document_path(document, split=split, process=_home_process(document) if split else None)
        yield Entity(_url(page, directory_urls), "document", (document.name,), section=document.name)
    if handbook.glossary:
        glossary_url = _url(GLOSSARY_PATH, directory_urls)
        pages[glossary_url] = PagePlace("page", GLOSSARY_WEIGHT)
        for term in handbook.glossary:
            names = tuple(name for name in (term.term, term.expansion, *term.synonyms) if name)
            yield Entity(glossary_url, "term", names, section=term.term)
    # A person is named on the page of each role they hold (where their contacts are) and on the
    # people page; `handbook` is the published one, so a hidden person is in neither.
    if handbook.people:
        people_url = _url(PEOPLE_PATH, directory_urls)
        pages[people_url] = PagePlace("page")
        for person in handbook.people:
            if not person.name:
                continue
            held = [handbook.role_by_id[ref.role_id] for ref in person.roles if ref.role_id in handbook.role_by_id]
            for role in dict.fromkeys(held):
                department = department_of(role.department)
                yield Entity(
                    _url(role_path(role.id), directory_urls),
                    "person",
                    (person.name,),
                    context=role.title,
                    department=department,
                )
            yield Entity(people_url, "person", (person.name, person.id))
    for unit in handbook.departments:
        url = _url(department_path(unit.id), directory_urls)
        pages[url] = PagePlace("department", department=unit.title)
        yield Entity(url, "department", (unit.title, unit.id), department=unit.title)
