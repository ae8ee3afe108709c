"""Where `handbook validate` spends its time on a handbook, phase by phase and rule by rule (CPU seconds).

    python benchmarks/validate_phases.py benchmarks/out/1000r-200p-5x10/handbook

Runs the steps of a first run (no cache) in one process with the garbage collector off, as
the command does, and prints each phase and the ten costliest rules. The command itself
parses about half of the files in a forked process past a million bytes (generator.rules.forked):
those files' "cache entry" and "read back" phases are the price of handing results across,
paid in the forked process and in this one. For a full profile:
`python -m cProfile -s tottime -m generator.cli validate --no-cache DIR`.
"""

from __future__ import annotations

import time

started = time.process_time()
import argparse  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import generator.cli  # noqa: E402, F401  # everything the command imports
from generator.rules.cache import decode_part, entry_text, file_key  # noqa: E402
from generator.rules.checking import _active_rules, _scan  # noqa: E402
from generator.source.building import file_part, handbook_from_parts  # noqa: E402
from generator.source.files import read_regular_file  # noqa: E402
from generator.source.loading import MAX_FILE_BYTES, source_from_bytes, source_path_and_kind  # noqa: E402
from generator.source.model import HandbookFolder  # noqa: E402
from generator.source.site_config import read_site_config, site_settings  # noqa: E402

imported = time.process_time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("handbook", type=Path)
    root = parser.parse_args().handbook
    gc.disable()
    phases: list[tuple[str, float]] = [("imports (the command's)", imported - started)]
    mark = time.process_time()

    def phase(name: str) -> None:
        nonlocal mark
        now = time.process_time()
        phases.append((name, now - mark))
        mark = now

    site = site_settings(root, read_site_config(root), handbook_root=root.resolve())
    scan = _scan(root, [])
    phase("mkdocs.yml and the folder scan")
    files = []
    for file in scan.sources:
        path, kind = source_path_and_kind(root, file)
        files.append((path, kind, read_regular_file(file, limit=MAX_FILE_BYTES)))
    keys = [file_key(path, raw) for path, _, raw in files]
    phase("reading and hashing the files")
    sources = [source_from_bytes(path, kind, raw) for path, kind, raw in files]
    phase("parsing (libyaml compose, converting to data in one walk)")
    parts = [file_part(source) for source in sources]
    phase("building the typed model")
    rules = _active_rules({})
    by_rule: dict[str, float] = {}

    def run(scope: str, target: object) -> list[object]:
        found = []
        for rule, _ in rules:
            if rule.scope == scope:
                before = time.process_time()
                found += list(rule.check(target))
                name = f"{rule.id} {rule.name} ({rule.scope})"
                by_rule[name] = by_rule.get(name, 0.0) + time.process_time() - before
        return found

    findings = {source.path: run("file", source) for source in sources}
    phase(f"rules on each file ({sum(rule.scope == 'file' for rule, _ in rules)})")
    texts = [entry_text([], part) for part in parts]
    phase("each file's cache entry as JSON")
    back = [decode_part(json.loads(text)["part"]) for text in texts]
    phase("reading the entries back (the command: only the forked process's)")
    handbook = handbook_from_parts(back)
    for scope, target in (("handbook", handbook), ("inputs", scan), ("site", site), ("folder", None)):
        if target is not None or scope == "folder":
            run(scope, target if scope != "folder" else HandbookFolder(root, handbook))
    phase(f"rules across files ({sum(rule.scope != 'file' for rule, _ in rules)})")
    entries = ",".join(f"{json.dumps(key)}:{text}" for key, text in zip(keys, texts, strict=True))
    with tempfile.TemporaryFile() as cache_file:
        cache_file.write(entries.encode())
    phase("writing the cache (joined, not signed)")
    found = sum(len(items) for items in findings.values())
    print(f"{len(files)} files, {sum(len(raw) for _, _, raw in files) / 1e6:.1f} MB, {found} findings in single files")
    for name, seconds in phases:
        print(f"{seconds:6.3f} s  {name}")
    print(f"{sum(seconds for _, seconds in phases):6.3f} s  in all, in one process")
    print("costliest rules:")
    for name, seconds in sorted(by_rule.items(), key=lambda item: -item[1])[:10]:
        print(f"{seconds:6.3f} s  {name}")


if __name__ == "__main__":
    main()
