"""Run findability query sets through the handbook's search in a real Chromium.

Query sets (each a YAML list of {query, expect, kind}):

- `queries.yml` and `heldout.yml`: the sets of earlier rounds. The ranking of issue 18
  was tuned on these two only.
- `heldout_2026.yml`: held out. Written before the ranking of issue 18 by someone who
  had not seen the search code or its results, committed alone first; never tuned on.
- `heldout_2026b.yml`: held out the same way (60 queries), written blind before the
  ranking round of searchtune; never tuned on.

Run on its own to print the tables docs/search.md reports:

    .venv/bin/python -m tests.search.findability              # every set, the example
    .venv/bin/python -m tests.search.findability --tuning     # the two tuning sets only
    .venv/bin/python -m tests.search.findability --site DIR   # an already built site
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
TUNING_SETS = {"tuning": HERE / "queries.yml", "held-out (2025)": HERE / "heldout.yml"}
HELD_OUT = {"held-out (issue 18)": HERE / "heldout_2026.yml", "held-out (2026b)": HERE / "heldout_2026b.yml"}
RECALL_WORDS = HERE / "recall_words.yml"


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


def load_queries(path: Path) -> list[Query]:
    queries = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        expect = entry["expect"]
        pages = (expect,) if isinstance(expect, str) else tuple(expect)
        queries.append(Query(query=str(entry["query"]), expect=pages, kind=entry["kind"]))
    return queries


def result_pages(page: Any, query: str) -> tuple[str, ...]:
    """Every result page of a query (site paths, best first), from the search script the box uses."""
    pages: list[str] = page.evaluate("q => window.__handbookSearch.pages(q)", query)
    return tuple(pages)


def typed_result_pages(page: Any, query: str) -> tuple[str, ...]:
    """The pages of the result list after typing a query into the header's search box (the first 20)."""
    box = page.locator(".hb-search__input")
    if not box.is_visible():
        page.locator(".hb-search__open").click()
    box.fill(query)
    page.locator(f".hb-search[data-searched={_css_string(query)}]").wait_for(state="attached")
    paths: list[str] = page.eval_on_selector_all(
        ".hb-search__result a", "links => links.map(a => new URL(a.href).pathname)"
    )
    return tuple(path.lstrip("/") for path in paths)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# The example's processes: on a company-sized handbook that contains it, the documents page is
# one page per process, and the example's documents are on its processes' pages.
DOCUMENTS_PAGE = "documents/"
EXAMPLE_PROCESSES = tuple(sorted(path.stem for path in (HERE.parent.parent / "processes").glob("*.yml")))


def run_queries(page: Any, queries: Sequence[Query]) -> list[Outcome]:
    meta = page.evaluate("() => window.__handbookSearch.ready()")
    site_pages = {entry[0] for entry in meta["pages"]}
    split = [f"{DOCUMENTS_PAGE}{process}/" for process in EXAMPLE_PROCESSES]
    split = [path for path in split if path in site_pages]

    def expected(query: Query) -> Query:
        if not split or DOCUMENTS_PAGE not in query.expect:
            return query
        return Query(query.query, (*query.expect, *split), query.kind)

    return [Outcome(expected(query), result_pages(page, query.query)) for query in queries]


def hits_at(outcomes: Sequence[Outcome], k: int) -> float:
    return sum(1 for o in outcomes if o.rank is not None and o.rank <= k) / max(len(outcomes), 1)


def table(outcomes: Sequence[Outcome]) -> str:
    """A Markdown table of hits@1 and hits@3 per query kind."""
    kinds = sorted({o.query.kind for o in outcomes})
    lines = ["| kind | n | hits@1 | hits@3 |", "| --- | ---: | ---: | ---: |"]
    for kind in [*kinds, "all"]:
        chosen = [o for o in outcomes if kind in ("all", o.query.kind)]
        lines.append(f"| {kind} | {len(chosen)} | {hits_at(chosen, 1):.0%} | {hits_at(chosen, 3):.0%} |")
    return "\n".join(lines)


def misses(outcomes: Sequence[Outcome]) -> Iterator[str]:
    for outcome in outcomes:
        if outcome.rank != 1:
            query = outcome.query
            yield f"{query.query!r} ({query.kind}): want {list(query.expect)}, got {list(outcome.pages[:3])}"


@dataclass(frozen=True)
class Recall:
    wanted: int  # (word, page) pairs where the page's article holds the word
    found: int  # of those, the pairs whose page is among the word's results
    missed: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.found / max(self.wanted, 1)


def article_texts(page: Any) -> dict[str, str]:
    """Each page's article text as a reader sees it (Simplified, lower case), read from its HTML, not the index."""
    from bs4 import BeautifulSoup
    from opencc import OpenCC

    to_simplified = OpenCC("t2s")
    urls: list[str] = page.evaluate("() => window.__handbookSearch.ready().then(meta => meta.pages.map(p => p[0]))")
    base = page.evaluate("() => document.querySelector('script[src*=handbook-search]').src")
    base = base[: base.index("assets/handbook/")]
    texts = {}
    for url in urls:
        html = page.request.get(base + url).text()
        article = BeautifulSoup(html, "html.parser").find("article")
        if article is None:
            continue
        for sign in article.select(".headerlink, .md-content__button, script, style"):
            sign.decompose()
        # Spaces kept between words of Latin letters, none between Chinese characters (where tags split words).
        text = " ".join(article.get_text(" ").split())
        text = re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text)
        texts[url] = to_simplified.convert(text).lower()
    return texts


def measure_recall(page: Any, words_file: Path = RECALL_WORDS) -> Recall:
    """Every page whose text holds a word (either script) should be among the word's results."""
    from opencc import OpenCC

    to_simplified = OpenCC("t2s")
    texts = article_texts(page)
    wanted = found = 0
    missed: list[str] = []
    for entry in yaml.safe_load(words_file.read_text(encoding="utf-8")):
        word = str(entry["word"])
        simplified = to_simplified.convert(word).lower()
        # A word of Latin letters counts whole (BI is not in "bidi"); Chinese has no word boundaries.
        pattern = re.compile(
            rf"(?<![a-z0-9]){re.escape(simplified)}(?![a-z0-9])" if simplified.isascii() else re.escape(simplified)
        )
        holding = {url for url, text in texts.items() if pattern.search(text)}
        results = set(result_pages(page, word))
        wanted += len(holding)
        found += len(holding & results)
        missed += [f"{word} on {url or '/'}" for url in sorted(holding - results)]
    return Recall(wanted, found, tuple(missed))


def main() -> int:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, open_reader, serve
    from tests.search.sites import built_example

    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--tuning", action="store_true", help="only the tuning sets (never look at the held-out set while tuning)"
    )
    parser.add_argument("--site", type=Path, help="a built site to search (default: build the example)")
    parser.add_argument("--misses", action="store_true", help="print the misses of the tuning sets")
    arguments = parser.parse_args()
    chosen = TUNING_SETS if arguments.tuning else {**TUNING_SETS, **HELD_OUT}
    with built_example(arguments.site) as site, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        with serve(site) as url, open_reader(browser, url) as reader:
            reader.open("")
            results = {name: run_queries(reader.page, load_queries(path)) for name, path in chosen.items()}
            recall = measure_recall(reader.page)
        browser.close()
    print("| query set | n | hits@1 | hits@3 |\n| --- | ---: | ---: | ---: |")
    for name, outcomes in results.items():
        print(f"| {name} | {len(outcomes)} | {hits_at(outcomes, 1):.0%} | {hits_at(outcomes, 3):.0%} |")
    print(f"\nrecall: {recall.found}/{recall.wanted} = {recall.share:.1%} (word, page) pairs found")
    for line in recall.missed:
        print(f"  not found: {line}", file=sys.stderr)
    for name, outcomes in results.items():
        print(f"\n{name}:\n{table(outcomes)}")
        if arguments.misses and name in TUNING_SETS:
            for line in misses(outcomes):
                print(f"  miss: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
