"""Where `handbook validate` spends its time on a handbook, phase by phase and rule by rule (CPU seconds).

    python benchmarks/validate_phases.py benchmarks/out/1000r-200p-5x10/handbook

Runs the same steps as `generator.checking` in one process with the garbage collector
off, as the command does, and prints each phase and the ten costliest rules. For a full
profile: `python -m cProfile -s tottime -m generator.cli validate --no-cache DIR`.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

started = time.process_time()
from generator.building import build_handbook  # noqa: E402
from generator.files import scan_inputs  # noqa: E402
from generator.loading import read_sources  # noqa: E402
from generator.rules import RULES  # noqa: E402

imported = time.process_time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("handbook", type=Path)
    root = parser.parse_args().handbook
    gc.disable()
    phases: list[tuple[str, float]] = [("imports", imported - started)]
    mark = time.process_time()

    def phase(name: str) -> None:
        nonlocal mark
        now = time.process_time()
        phases.append((name, now - mark))
        mark = now

    scan = scan_inputs(root)
    phase("scan the folders")
    sources = read_sources(root, scan)
    phase("read and compose (libyaml)")
    for source in sources:
        _ = source.tree
    phase("nodes to plain data")
    handbook = build_handbook(sources)
    phase("typed model")
    targets: dict[str, tuple[object, ...]] = {"file": tuple(sources), "handbook": (handbook,), "inputs": (scan,)}
    by_rule = []
    for rule in RULES:
        before = time.process_time()
        for target in targets[rule.scope]:
            for _ in rule.check(target):
                pass
        by_rule.append((time.process_time() - before, f"{rule.id} {rule.name} ({rule.scope})"))
    phase(f"all {len(RULES)} rules")
    for name, seconds in phases:
        print(f"{seconds:6.3f} s  {name}")
    print("costliest rules:")
    for seconds, name in sorted(by_rule, reverse=True)[:10]:
        print(f"{seconds:6.3f} s  {name}")


if __name__ == "__main__":
    main()
