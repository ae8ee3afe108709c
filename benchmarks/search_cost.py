"""What a reader waits for and downloads before the first search result: Material's search vs Pagefind.

    .venv/bin/python benchmarks/search_cost.py --roles 250 --runs 3

Builds the example handbook and a synthetic one (benchmarks/make_handbook.py,
`--roles` roles, a fifth as many processes), adds a Pagefind index to each built
site (`python -m pagefind`, from PyPI's `pagefind[extended]`, which segments
Chinese), serves each site over local HTTP and, in headless Chromium with the CPU
slowed 4× (CDP `Emulation.setCPUThrottlingRate`, a mid-range phone), measures
from opening the home page to the first result of a query typed at once:

- material: the handbook's own search (Material's search box and worker, with the
  plugin's search.js); the first `.md-search-result__item` shown.
- pagefind: the same home page with a small script that loads Pagefind's API,
  searches and shows the first result's title (Pagefind's default ranking).

Bytes are what a static host that gzips would send: each file the browser fetched
for the search (index, worker, Pagefind's files) gzip-compressed, summed. Pagefind's
hits@1 and hits@3 on both findability halves are measured through its API on the
example (Material's are from `python -m tests.search.findability`).

Each figure is the median of `--runs` fresh browser profiles, with the range.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.make_handbook import write_handbook  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from tests.search.findability import QUERY_SETS, Outcome, Query, hits_at, load_queries  # noqa: E402
from tests.search.sites import SOURCES  # noqa: E402

THROTTLE = 4
PAGEFIND_PAGE = "pagefind-bench.html"
# Loaded into a copy of the home page: Pagefind's own API, timed like Material's box.
PAGEFIND_SCRIPT = """
<script type="module">
  const query = new URLSearchParams(location.search).get("q") || "";
  const pagefind = await import("./pagefind/pagefind.js");
  const search = await pagefind.search(query);
  const shown = document.createElement("ol");
  shown.id = "pagefind-results";
  for (const result of search.results.slice(0, 3)) {
    const data = await result.data();
    const item = document.createElement("li");
    item.dataset.url = data.url;
    item.textContent = data.meta.title || data.url;
    shown.append(item);
    if (shown.children.length === 1) document.body.prepend(shown);
  }
  shown.dataset.done = "1";
  if (!shown.isConnected) document.body.prepend(shown);
</script>
"""
SEARCH_FILES = ("/search/", "/pagefind/", "/assets/javascripts/workers/", "/assets/handbook/search.js")


def build(source: Path, site: Path) -> None:
    result = subprocess.run(
        [str(REPO / ".venv/bin/handbook"), "build", ".", "--site-dir", str(site)],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"build failed in {source}:\n{result.stderr[-2000:]}")
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"pagefind failed on {site}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    (site / PAGEFIND_PAGE).write_text(
        pagefind_page((site / "index.html").read_text(encoding="utf-8")), encoding="utf-8"
    )


def pagefind_page(home: str) -> str:
    """The home page with Pagefind instead of Material's search: no index download, no worker, no search.js."""
    # Material fetches its index only when the page has a form named "search".
    without_material = home.replace('name="search"', 'name="no-search"')
    without_material = re.sub(r'<script src="[^"]*assets/handbook/search\.js"></script>', "", without_material)
    return without_material.replace("</body>", PAGEFIND_SCRIPT + "</body>")


@contextlib.contextmanager
def throttled_page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A fresh profile's tab with the CPU slowed; yields it and the list of URLs it fetches."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    try:
        yield page, fetched
    finally:
        context.close()


def gzip_bytes(site: Path, urls: list[str], *, search_only: bool) -> int:
    """Gzip'd bytes of the files fetched (only the search's, with search_only); each is listed on stderr."""
    total = 0
    for url in dict.fromkeys(urls):
        path = urlsplit(url).path
        if search_only and not any(part in path for part in SEARCH_FILES):
            continue
        file = site / path.lstrip("/")
        if file.is_dir() or path.endswith("/"):
            file = file / "index.html"
        if file.is_file():
            size = len(gzip.compress(file.read_bytes(), compresslevel=6))
            print(f"  {size / 1000:8.1f} kB  {path}", file=sys.stderr)
            total += size
    return total


def material_first_result(browser: Any, url: str, site: Path, query: str) -> tuple[float, int]:
    with throttled_page(browser) as (page, fetched):
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        box = page.locator("input.md-search__input")
        box.click(timeout=120_000)
        box.fill(query)
        box.press("End")  # Material searches on key events
        page.locator(".md-search-result__item").first.wait_for(timeout=300_000)
        elapsed = time.perf_counter() - start
        return elapsed, gzip_bytes(site, fetched, search_only=True)


def pagefind_first_result(browser: Any, url: str, site: Path, query: str) -> tuple[float, int]:
    with throttled_page(browser) as (page, fetched):
        start = time.perf_counter()
        page.goto(f"{url}{PAGEFIND_PAGE}?q={query}", wait_until="commit")
        page.locator("#pagefind-results li").first.wait_for(timeout=300_000)
        elapsed = time.perf_counter() - start
        page.wait_for_selector("#pagefind-results[data-done]", state="attached", timeout=300_000)
        return elapsed, gzip_bytes(site, fetched, search_only=True)


def pagefind_outcomes(browser: Any, url: str, queries: list[Query]) -> list[Outcome]:
    """Pagefind's own ranking for each query (no throttling), as the findability run reads Material's."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}{PAGEFIND_PAGE}?q=")
    outcomes = []
    for query in queries:
        urls: list[str] = page.evaluate(
            """async q => {
                const pagefind = await import("./pagefind/pagefind.js");
                const search = await pagefind.search(q);
                const pages = [];
                for (const r of search.results.slice(0, 5)) pages.push((await r.data()).url);
                return pages;
            }""",
            query.query,
        )
        pages = tuple(dict.fromkeys(urlsplit(u).path.lstrip("/").removesuffix("index.html") for u in urls))
        outcomes.append(Outcome(query, pages))
    context.close()
    return outcomes


def median_range(values: list[float], fmt: str) -> str:
    return f"{format(statistics.median(values), fmt)} ({format(min(values), fmt)}–{format(max(values), fmt)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=250, help="roles of the synthetic handbook (default 250)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="品牌推廣", help="the query typed (default 品牌推廣)")
    parser.add_argument(
        "--work",
        type=Path,
        help="build here and keep the sites; a site already built there is reused (default: temporary)",
    )
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with contextlib.ExitStack() as stack:
        root = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="search-cost-")))
        example = root / "example"
        synthetic = root / f"synthetic-{args.roles}"
        sites = {"example": example, f"synthetic {args.roles} roles": synthetic}
        if not (example / "site").is_dir():
            shutil.rmtree(example, ignore_errors=True)
            example.mkdir(parents=True)
            for name in SOURCES:
                source = REPO / name
                (shutil.copytree if source.is_dir() else shutil.copy)(source, example / name)
            build(example, example / "site")
        if not (synthetic / "site").is_dir():
            write_handbook(synthetic, roles=args.roles, processes=max(1, args.roles // 5), stages=5, steps=10, seed=1)
            build(synthetic, synthetic / "site")

        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            for name, source in sites.items():
                site = source / "site"
                pages = sum(1 for _ in site.rglob("index.html"))
                with serve(site) as url:
                    for engine, measure in (("material", material_first_result), ("pagefind", pagefind_first_result)):
                        times: list[float] = []
                        sizes: list[int] = []
                        for _ in range(args.runs):
                            print(f"{name}, {engine}:", file=sys.stderr)
                            elapsed, size = measure(browser, url, site, args.query)
                            times.append(elapsed)
                            sizes.append(size)
                        rows.append((name, pages, engine, times, int(statistics.median(sizes))))
                    if name == "example":
                        pagefind_hits = {
                            half: pagefind_outcomes(browser, url, load_queries(path))
                            for half, path in QUERY_SETS.items()
                        }
            browser.close()

    print(f"query {args.query!r}, CPU slowed {THROTTLE}×, median of {args.runs} (range)\n")
    print("| site (pages) | engine | first result | search bytes, gzip |")
    print("| --- | --- | ---: | ---: |")
    for name, pages, engine, times, size in rows:
        print(f"| {name} ({pages}) | {engine} | {median_range(times, '.2f')} s | {size / 1000:.1f} kB |")
    print("\nPagefind's default ranking on the example:\n")
    print("| query set | n | pagefind hits@1 | pagefind hits@3 |")
    print("| --- | --- | --- | --- |")
    for half, outcomes in pagefind_hits.items():
        print(f"| {half} | {len(outcomes)} | {hits_at(outcomes, 1):.0%} | {hits_at(outcomes, 3):.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
