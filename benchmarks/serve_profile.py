"""Profile one `handbook serve` rebuild after a YAML edit, in one process, the way `mkdocs serve --dirty` runs it.

    python benchmarks/serve_profile.py [--roles 250 --processes 50] [--out /tmp/rebuild.prof]

Copies the example, or writes a synthetic handbook (make_handbook.py), into a temporary folder, builds it
once as a preview's first build, edits one role's title, and runs the rebuild
under cProfile. Prints the first build's time, each rebuild's time and the
profile's top functions by cumulative and by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_handbook import write_handbook
from serve_latency import REPO, copy_handbook


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--roles", type=int, default=0, help="a synthetic handbook of this many roles (default: the example)"
    )
    parser.add_argument("--processes", type=int, default=50)
    parser.add_argument("--edits", type=int, default=2, help="rebuilds to time; the last one is profiled")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--out", type=Path, help="also write the profile here (for snakeviz, pstats)")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.engines.mkdocs_plugin.plugin import HandbookPlugin

    with tempfile.TemporaryDirectory(prefix="handbook-profile-") as scratch:
        root = Path(scratch)
        if args.roles:
            write_handbook(root, roles=args.roles, processes=args.processes, stages=5, steps=10, seed=1)
        else:
            copy_handbook(REPO, root)
        os.chdir(root)
        site = root / "site"
        config = load_config("mkdocs.yml", site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        started = time.perf_counter()
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        print(f"first build: {time.perf_counter() - started:.1f} s")
        handbook = config.plugins["handbook"]
        assert isinstance(handbook, HandbookPlugin) and handbook.preview is not None
        search_index = handbook.preview.search_index  # the search index (generator.search), written in the background
        role = sorted((root / "roles").glob("*.yml"))[0]
        original = role.read_text(encoding="utf-8")
        profile = cProfile.Profile()
        for edit in range(1, args.edits + 1):
            role.write_text(original.replace("\ntitle: ", f"\ntitle: 改版{edit}號", 1), encoding="utf-8")
            fresh = load_config("mkdocs.yml", site_dir=str(site))
            search_index.wait()  # each rebuild timed on a machine the last one left idle
            started = time.perf_counter()
            if edit == args.edits:
                profile.enable()
            build(fresh, serve_url="http://127.0.0.1:8000/", dirty=True)
            profile.disable()
            print(f"rebuild {edit}: {time.perf_counter() - started:.2f} s")
        config.plugins.on_shutdown()
        stats = pstats.Stats(profile)
        if args.out:
            stats.dump_stats(str(args.out))
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
