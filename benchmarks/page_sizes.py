"""The heaviest HTML pages of a built handbook site: what a phone has to download and lay out.

    python benchmarks/page_sizes.py SITE_DIR [--top 10] [--limit 1000000]
    python benchmarks/page_sizes.py --build --roles 1000 --processes 200 [--work /tmp/sizes]

With --build it first writes a synthetic handbook (benchmarks/make_handbook.py, seed 1)
and builds it with `handbook build`; then it lists the largest pages by bytes (and their
gzip size, what a server sends), and exits 1 when any page is over --limit bytes.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HANDBOOK = REPO / ".venv" / "bin" / "handbook"


def page_sizes(site: Path) -> list[tuple[int, int, str]]:
    """(bytes, gzip bytes, path below the site) of every HTML page, largest first."""
    sizes = []
    for page in site.rglob("*.html"):
        data = page.read_bytes()
        sizes.append((len(data), len(gzip.compress(data, 6)), page.relative_to(site).as_posix()))
    return sorted(sizes, reverse=True)


def build(work: Path, roles: int, processes: int) -> Path:
    source = work / "handbook"
    subprocess.run(
        [
            PYTHON,
            str(REPO / "benchmarks" / "make_handbook.py"),
            "--roles",
            str(roles),
            "--processes",
            str(processes),
            "--seed",
            "1",
            "--out",
            str(source),
        ],
        check=True,
    )
    site = work / "site"
    subprocess.run([str(HANDBOOK), "build", str(source), "--site-dir", str(site)], check=True)
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site (without --build)")
    parser.add_argument("--build", action="store_true", help="write and build a synthetic handbook first")
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=200)
    parser.add_argument("--work", type=Path, default=Path("/tmp/page-sizes"))
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--limit", type=int, default=1_000_000, help="bytes no page may pass")
    arguments = parser.parse_args()
    if arguments.build:
        site = build(arguments.work, arguments.roles, arguments.processes)
    elif arguments.site:
        site = arguments.site
    else:
        parser.error("give a built site, or --build")
    sizes = page_sizes(site)
    print(f"{len(sizes)} HTML pages, {sum(size for size, _, _ in sizes):,} bytes in all")
    print(f"{'bytes':>12} {'gzip':>10}  page")
    for size, packed, path in sizes[: arguments.top]:
        print(f"{size:>12,} {packed:>10,}  {path}")
    over = [path for size, _, path in sizes if size > arguments.limit]
    if over:
        print(f"{len(over)} pages over {arguments.limit:,} bytes")
        sys.exit(1)


if __name__ == "__main__":
    main()
