"""Run a findability query set through Material's real search box in Chromium.

Two query sets: `queries.yml` is the tuning set (the ranking was tuned on it),
`heldout.yml` the held-out set (written before the ranking changes of issue 11;
never tune on it). Used by tests/browser/test_findability.py, and runnable on its
own to print the tables the README reports, both halves beside Material's defaults:

    .venv/bin/python -m tests.search.findability            # both halves
    .venv/bin/python -m tests.search.findability --tuning   # the tuning set only
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

TUNING = Path(__file__).with_name("queries.yml")
HELDOUT = Path(__file__).with_name("heldout.yml")
QUERY_SETS = {"tuning": TUNING, "held-out": HELDOUT}
_META = "() => document.querySelector('.md-search-result__meta')?.textContent ?? ''"


@dataclass(frozen=True)
class Query:
    query: str
    expect: tuple[str, ...]  # the pages (paths, no anchor) a reader wants; any of them counts
    kind: str  # what the query tests (see the comment at the top of each query file)


@dataclass(frozen=True)
class Outcome:
    query: Query
    pages: tuple[str, ...]  # result pages, best first

    @property
    def rank(self) -> int | None:
        ranks = [self.pages.index(page) + 1 for page in self.query.expect if page in self.pages]
        return min(ranks) if ranks else None


def load_queries(path: Path = TUNING) -> list[Query]:
    queries = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        expect = entry["expect"]
        pages = (expect,) if isinstance(expect, str) else tuple(expect)
        queries.append(Query(query=str(entry["query"]), expect=pages, kind=entry["kind"]))
    return queries


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
    box = page.locator("input.md-search__input")
    box.click()
    # A box left with an earlier set's last query shows that query's results, not the placeholder.
    box.press("Control+A")
    box.press("Backspace")
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


def summary(results: dict[str, dict[str, list[Outcome]]]) -> str:
    """One row per query set: n, then hits@1 and hits@3 per site. `results[site][set]`."""
    sites = list(results)
    sets = list(next(iter(results.values())))
    header = "| query set | n | " + " | ".join(f"{site} hits@1 | {site} hits@3" for site in sites) + " |"
    lines = [header, "|" + " --- |" * (2 + 2 * len(sites))]
    for name in sets:
        row = [f"{hits_at(results[site][name], k):.0%}" for site in sites for k in (1, 3)]
        lines.append(f"| {name} | {len(results[sites[0]][name])} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def misses(outcomes: Sequence[Outcome]) -> Iterator[str]:
    for outcome in outcomes:
        if outcome.rank != 1:
            query = outcome.query
            yield f"{query.query!r} ({query.kind}): want {list(query.expect)}, got {list(outcome.pages[:3])}"


def main() -> int:
    """Build the example with our search and with Material's defaults; print the tables."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, open_reader, serve
    from tests.search.sites import build_example_sites

    # `--tuning`: only the tuning set, for trying a ranking change without looking at the held-out set.
    chosen = {"tuning": TUNING} if "--tuning" in sys.argv[1:] else QUERY_SETS
    query_sets = {name: load_queries(path) for name, path in chosen.items()}
    results: dict[str, dict[str, list[Outcome]]] = {}
    with build_example_sites() as sites, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        for site_name, site in sites.items():
            with serve(site) as url, open_reader(browser, url) as reader:
                reader.open("")
                results[site_name] = {name: run_queries(reader.page, queries) for name, queries in query_sets.items()}
        browser.close()
    print(summary(results))
    for name in query_sets:
        print(f"\n{name}:\n" + table({site: by_set[name] for site, by_set in results.items()}))
    for site_name, by_set in results.items():
        for name, outcomes in by_set.items():
            for line in misses(outcomes):
                print(f"{site_name} {name}: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
