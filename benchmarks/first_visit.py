"""What a reader's browser fetches to show one page of a built site for the first time: the page and the
scripts and stylesheets it links (from the site itself; nothing else is counted), in bytes and gzip bytes.

    python benchmarks/first_visit.py SITE_DIR [PAGE ...]

Without PAGE it reports every page by kind (the first folder of its address: roles, processes, …):
the median and the largest first visit of each kind. Images and fonts are not counted (the
handbook's pages link none of their own; the theme's icons are inline SVG).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup


def linked_files(site: Path, page: Path) -> set[Path]:
    """The site's own files a page loads before it is shown: <script src> and stylesheet <link href>."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    base = page.relative_to(site).as_posix()
    urls = [str(tag["src"]) for tag in soup.select("script[src]")]
    urls += [str(tag["href"]) for tag in soup.select('link[rel~="stylesheet"][href]')]
    found = set()
    for url in urls:
        parts = urlsplit(urljoin(f"/{base}", url))
        if parts.scheme or parts.netloc:
            continue  # another site's file (none in an offline handbook)
        target = site / parts.path.lstrip("/")
        if target.is_file():
            found.add(target)
    return found


def first_visit(site: Path, page: Path) -> tuple[int, int]:
    """(bytes, gzip bytes) of the page and every file it links."""
    total = gzipped = 0
    for path in (page, *sorted(linked_files(site, page))):
        data = path.read_bytes()
        total += len(data)
        gzipped += len(gzip.compress(data, 6))
    return total, gzipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="*", help="addresses below the site, such as roles/pr-team/")
    arguments = parser.parse_args()
    site: Path = arguments.site
    if arguments.pages:
        for address in arguments.pages:
            size, gzipped = first_visit(site, site / address / "index.html")
            print(f"{address}: {size:,} bytes ({gzipped:,} gzip)")
        return 0
    by_kind: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for page in sorted(site.rglob("index.html")):
        relative = page.relative_to(site)
        if relative.parts[0] == "assets":
            continue
        kind = relative.parts[0] if len(relative.parts) > 1 else "(home)"
        by_kind[kind].append(first_visit(site, page))
    print("| pages | count | median first visit | largest |")
    print("| --- | ---: | ---: | ---: |")
    for kind, sizes in sorted(by_kind.items()):
        median = statistics.median(size for size, _ in sizes)
        median_gzip = statistics.median(gzipped for _, gzipped in sizes)
        largest, largest_gzip = max(sizes)
        typical = f"{median:,.0f} B ({median_gzip:,.0f} gzip)"
        print(f"| {kind} | {len(sizes)} | {typical} | {largest:,} B ({largest_gzip:,} gzip) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
