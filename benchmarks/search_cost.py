"""What a reader waits for and downloads before the first search result, on the example and at company size.

    .venv/bin/python benchmarks/search_cost.py --roles 1000 --runs 5 --work /tmp/search-cost

Builds the example handbook and a company-sized one that contains it
(benchmarks/with_example.py: `--roles` synthetic roles, a fifth as many processes,
plus the example's files), serves each site over local HTTP and, in headless Chromium
with the CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`, a mid-range phone),
measures from opening the home page to the first result of a query typed at once into the
header's search box (assets/handbook-search.js).

Bytes are what a static host that gzips would send: each search file the browser
fetched (the script, labels.json, meta.json, the shards and section files the query
needed), gzip-compressed and summed; and the whole index's size, gzipped file by file.
Each figure is the median of `--runs` fresh browser profiles, with the range.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
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

from benchmarks.with_example import write_company_with_example  # noqa: E402
from generator.search import SEARCH_FOLDER  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from tests.search.sites import copy_example  # noqa: E402

THROTTLE = 4
SEARCH_FILES = (f"/{SEARCH_FOLDER}/", "/assets/handbook/handbook-search.js")


def build(source: Path, site: Path) -> float:
    """Build `source` into `site`; the seconds `handbook build` took."""
    started = time.perf_counter()
    result = subprocess.run(
        [str(REPO / ".venv/bin/handbook"), "build", ".", "--site-dir", str(site)],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"build failed in {source}:\n{result.stderr[-2000:]}")
    return time.perf_counter() - started


@contextlib.contextmanager
def throttled_page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A fresh profile's tab with the CPU slowed; yields it and the list of URLs it fetches."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    try:
        yield page, fetched
    finally:
        context.close()


def gzip_size(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), compresslevel=6))


def fetched_search_bytes(site: Path, urls: list[str]) -> int:
    total = 0
    for url in dict.fromkeys(urls):
        path = urlsplit(url).path
        if any(part in path for part in SEARCH_FILES) and (site / path.lstrip("/")).is_file():
            total += gzip_size(site / path.lstrip("/"))
    return total


def index_bytes(site: Path) -> tuple[int, int, int]:
    """(files, bytes, gzip'd bytes) of the whole search index."""
    files = [path for path in (site / SEARCH_FOLDER).rglob("*.json") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files), sum(gzip_size(path) for path in files)


def first_result(browser: Any, url: str, site: Path, query: str) -> tuple[float, int]:
    with throttled_page(browser) as (page, fetched):
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        box = page.locator(".hb-search__input")
        box.fill(query, timeout=120_000)
        page.locator(".hb-search__result a").first.wait_for(timeout=300_000)
        elapsed = time.perf_counter() - start
        return elapsed, fetched_search_bytes(site, fetched)


def median_range(values: list[float], fmt: str) -> str:
    return f"{format(statistics.median(values), fmt)} ({format(min(values), fmt)}–{format(max(values), fmt)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=1000, help="synthetic roles besides the example's (default 1000)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", default="品牌推廣", help="the query typed (default 品牌推廣)")
    parser.add_argument("--work", type=Path, help="build here and keep the sites; a site built there is reused")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with contextlib.ExitStack() as stack:
        root = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="search-cost-")))
        example = root / "example"
        company = root / f"company-{args.roles}"
        sources = {"example": example, f"{args.roles} roles + the example": company}
        if not (example / "mkdocs.yml").is_file():
            shutil.rmtree(example, ignore_errors=True)
            example.mkdir(parents=True)
            copy_example(example)
        if not (company / "mkdocs.yml").is_file():
            write_company_with_example(company, roles=args.roles, processes=max(1, args.roles // 5))
        build_seconds = {}
        for name, source in sources.items():
            if not (source / "site").is_dir():
                build_seconds[name] = build(source, source / "site")

        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            for name, source in sources.items():
                site = source / "site"
                pages = sum(1 for _ in site.rglob("index.html"))
                times: list[float] = []
                sizes: list[int] = []
                with serve(site) as url:
                    for _ in range(args.runs):
                        elapsed, size = first_result(browser, url, site, args.query)
                        times.append(elapsed)
                        sizes.append(size)
                rows.append((name, pages, times, int(statistics.median(sizes)), index_bytes(site)))
            browser.close()

    print(f"query {args.query!r}, CPU slowed {THROTTLE}×, median of {args.runs} (range)\n")
    print("| site (pages) | first result | fetched for it, gzip | whole index: files, bytes, gzip |")
    print("| --- | ---: | ---: | ---: |")
    for name, pages, times, size, (files, raw, packed) in rows:
        print(
            f"| {name} ({pages}) | {median_range(times, '.2f')} s | {size / 1000:.1f} kB"
            f" | {files} files, {raw / 1e6:.1f} MB, {packed / 1e6:.2f} MB |"
        )
    ratio = statistics.median(rows[1][2]) / statistics.median(rows[0][2])
    print(f"\nfirst result at {rows[1][0]} ÷ the example: {ratio:.2f}×")
    for name, seconds in build_seconds.items():
        print(f"handbook build, {name}: {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
