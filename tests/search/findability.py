"""Run a findability query set through Material's real search box in Chromium.

Used by tests/search/test_findability.py, and runnable on its own to print the
table the README reports:

    .venv/bin/python -m tests.search.findability
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

QUERIES = Path(__file__).with_name("queries.yml")
_META = "() => document.querySelector('.md-search-result__meta')?.textContent ?? ''"


@dataclass(frozen=True)
class Query:
    query: str
    expect: str  # the page (path, no anchor) that must come first
    kind: str  # traditional, simplified, acronym, synonym or multi-word


@dataclass(frozen=True)
class Outcome:
    query: Query
    pages: tuple[str, ...]  # result pages, best first

    @property
    def rank(self) -> int | None:
        return self.pages.index(self.query.expect) + 1 if self.query.expect in self.pages else None


def load_queries(path: Path = QUERIES) -> list[Query]:
    return [Query(**entry) for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


def search_pages(page: Any, query: str, *, placeholder: str) -> tuple[str, ...]:
    """Type a query into Material's search box; the result pages (site-relative, best first).

    `placeholder` is the result line Material shows for an empty box.
    """
    box = page.locator("input.md-search__input")
    box.click()
    # Empty the box with key presses, so Material resets the result line to its placeholder.
    box.press("Control+A")
    box.press("Backspace")
    page.wait_for_function(f"placeholder => ({_META})() === placeholder", arg=placeholder)
    box.fill(query)
    # Material searches on key events; text filled in (or CJK typed by Playwright) sends none.
    box.press("End")
    page.wait_for_function(f"placeholder => ({_META})() !== placeholder", arg=placeholder)
    # The list renders just after the result line; a query that finds nothing leaves it empty.
    with contextlib.suppress(PlaywrightTimeout):
        page.locator(".md-search-result__item").first.wait_for(timeout=1_000)
    paths: list[str] = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => new URL(a.href).pathname)",
    )
    # A page's sections follow it in the list; keep each page once, at its best place.
    return tuple(dict.fromkeys(path.lstrip("/") for path in paths))


def run_queries(page: Any, queries: Sequence[Query]) -> list[Outcome]:
    # Material's result line says "initializing" until the worker has the index, then
    # shows its placeholder; the page's config carries that text in the site's language.
    placeholder = page.evaluate(
        "() => JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    page.locator("input.md-search__input").click()
    page.wait_for_function(f"placeholder => ({_META})() === placeholder", arg=placeholder)
    return [Outcome(query, search_pages(page, query.query, placeholder=placeholder)) for query in queries]


def hits_at(outcomes: Sequence[Outcome], k: int) -> float:
    return sum(1 for o in outcomes if o.rank is not None and o.rank <= k) / len(outcomes)


def table(results: dict[str, list[Outcome]]) -> str:
    """A Markdown table of hits@1 and hits@3 per query kind, one column pair per site."""
    kinds = sorted({o.query.kind for outcomes in results.values() for o in outcomes})
    header = "| queries | n | " + " | ".join(f"{name} hits@1 | {name} hits@3" for name in results) + " |"
    lines = [header, "|" + " --- |" * (2 + 2 * len(results))]
    for kind in [*kinds, "all"]:
        row: list[str] = []
        n = 0
        for outcomes in results.values():
            chosen = [o for o in outcomes if kind in ("all", o.query.kind)]
            n = len(chosen)
            row += [f"{hits_at(chosen, 1):.0%}", f"{hits_at(chosen, 3):.0%}"]
        lines.append(f"| {kind} | {n} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def misses(outcomes: Sequence[Outcome]) -> Iterator[str]:
    for outcome in outcomes:
        if outcome.rank != 1:
            query = outcome.query
            yield f"{query.query!r} ({query.kind}): want {query.expect}, got {outcome.pages[:3]}"


def main() -> int:
    """Build the example with our search and with Material's defaults; print the table."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, open_reader, serve
    from tests.search.sites import build_example_sites

    queries = load_queries()
    results: dict[str, list[Outcome]] = {}
    with build_example_sites() as sites, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        for name, site in sites.items():
            with serve(site) as url, open_reader(browser, url) as reader:
                reader.open("")
                results[name] = run_queries(reader.page, queries)
        browser.close()
    print(table(results))
    for name, outcomes in results.items():
        for line in misses(outcomes):
            print(f"{name}: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
