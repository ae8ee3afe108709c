"""What a reader waits for and downloads before the first search result: Material's search vs Pagefind.

    .venv/bin/python benchmarks/search_cost.py --roles 250 --runs 3

Builds the example handbook and a synthetic one (benchmarks/make_handbook.py,
`--roles` roles, a fifth as many processes) twice each, with the plugin's
`search_engine: material` and `search_engine: pagefind`, serves each site over
local HTTP and, in headless Chromium with the CPU slowed 4× (CDP
`Emulation.setCPUThrottlingRate`, a mid-range phone), measures from opening the
home page to the first result of a query typed at once into Material's search box:

- material: Material's search worker and index, with the plugin's search.js.
- pagefind: the same box answered by the plugin's pagefind-search.js from the
  Pagefind index the build wrote (generator/mkdocs_plugin/pagefind.py).

Bytes are what a static host that gzips would send: each file the browser fetched
for the search (index, worker, Pagefind's files) gzip-compressed, summed. Hits@1
and hits@3 of the Pagefind site on both findability halves are measured through
the same box on the example (Material's are from `python -m tests.search.findability`).

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
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, open_reader, serve  # noqa: E402
from tests.search.findability import QUERY_SETS, hits_at, load_queries, run_queries  # noqa: E402
from tests.search.sites import SOURCES  # noqa: E402

THROTTLE = 4
SEARCH_FILES = (
    "/search/",
    "/pagefind/",
    "/assets/javascripts/workers/",
    "/assets/handbook/search.js",
    "/assets/handbook/pagefind-search.js",
)
ENGINES = ("material", "pagefind")


def build(source: Path, site: Path, *, engine: str) -> None:
    """Build `source` into `site` with the plugin's search_engine option set to `engine`."""
    config = source / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    engine_line = rf"\g<1>      search_engine: {engine}\n"
    text = re.sub(r"^(  - handbook:\n)(      search_engine: \w+\n)?", engine_line, text, flags=re.M)
    if f"search_engine: {engine}" not in text:
        raise SystemExit(f"no `- handbook:` plugin entry in {config}")
    config.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [str(REPO / ".venv/bin/handbook"), "build", ".", "--site-dir", str(site)],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"build failed in {source}:\n{result.stderr[-2000:]}")


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


def first_result(browser: Any, url: str, site: Path, query: str) -> tuple[float, int]:
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
        if not (example / "mkdocs.yml").is_file():
            shutil.rmtree(example, ignore_errors=True)
            example.mkdir(parents=True)
            for name in SOURCES:
                source = REPO / name
                (shutil.copytree if source.is_dir() else shutil.copy)(source, example / name)
        if not (synthetic / "mkdocs.yml").is_file():
            write_handbook(synthetic, roles=args.roles, processes=max(1, args.roles // 5), stages=5, steps=10, seed=1)
        for source in sites.values():
            for engine in ENGINES:
                if not (source / f"site-{engine}").is_dir():
                    build(source, source / f"site-{engine}", engine=engine)

        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            for name, source in sites.items():
                for engine in ENGINES:
                    site = source / f"site-{engine}"
                    pages = sum(1 for _ in site.rglob("index.html"))
                    with serve(site) as url:
                        times: list[float] = []
                        sizes: list[int] = []
                        for _ in range(args.runs):
                            print(f"{name}, {engine}:", file=sys.stderr)
                            elapsed, size = first_result(browser, url, site, args.query)
                            times.append(elapsed)
                            sizes.append(size)
                        rows.append((name, pages, engine, times, int(statistics.median(sizes))))
                        if name == "example" and engine == "pagefind":
                            with open_reader(browser, url) as reader:
                                reader.open("")
                                pagefind_hits = {
                                    half: run_queries(reader.page, load_queries(path))
                                    for half, path in QUERY_SETS.items()
                                }
            browser.close()

    print(f"query {args.query!r}, CPU slowed {THROTTLE}×, median of {args.runs} (range)\n")
    print("| site (pages) | engine | first result | search bytes, gzip |")
    print("| --- | --- | ---: | ---: |")
    for name, pages, engine, times, size in rows:
        print(f"| {name} ({pages}) | {engine} | {median_range(times, '.2f')} s | {size / 1000:.1f} kB |")
    print("\nThe example with Pagefind behind Material's box (its ranking, the plugin's query handling):\n")
    print("| query set | n | pagefind hits@1 | pagefind hits@3 |")
    print("| --- | --- | --- | --- |")
    for half, outcomes in pagefind_hits.items():
        print(f"| {half} | {len(outcomes)} | {hits_at(outcomes, 1):.0%} | {hits_at(outcomes, 3):.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
