"""Render the README's performance tables from the JSON files `benchmarks/run.py` writes.

    python benchmarks/table.py benchmarks/out/*.json

Every cell is a median with its min–max range over the runs in the file. Below the
tables, each file's own command line, the machine it ran on (CPUs, load average before
and after: a load above the CPU count means the machine was busy and wall-clock figures
are high) and the package versions. Nothing is typed by hand, so the README shows only
what a command measured.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _seconds(timing: dict[str, float]) -> str:
    return f"{timing['median']:.2f} s ({timing['min']:.2f}–{timing['max']:.2f})"


def _size(handbook: dict[str, Any], *, pages: bool) -> str:
    size = f"{handbook['roles']:,} / {handbook['processes']:,} / {handbook['steps']:,}"
    return f"{size} ({handbook['pages']:,})" if pages else size


def _ratio(results: dict[str, Any], key: str, against: str, kind: str = "seconds") -> str:
    return f"{results[kind][key]['median'] / results[kind][against]['median']:.2f}×"


def _load(results: dict[str, Any]) -> str:
    machine = results["machine"]
    return f"{machine['load_average'][0]:.1f} → {machine['load_average_after'][0]:.1f}"


def _busy(machine: dict[str, Any]) -> bool:
    return bool(max(machine["load_average"][0], machine["load_average_after"][0]) > machine["cpus"])


def _wall_and_cpu(results: dict[str, Any], key: str) -> str:
    if key not in results["seconds"]:
        return "not measured"  # a file written before run.py timed it
    return f"{_seconds(results['seconds'][key])}; CPU {results['cpu_seconds'][key]['median']:.2f} s"


def _ratios(results: dict[str, Any], key: str, against: str) -> str:
    """`key` ÷ `against` in wall seconds, then in CPU seconds."""
    return f"{_ratio(results, key, against)} / {_ratio(results, key, against, 'cpu_seconds')}"


def validate_table(files: list[dict[str, Any]]) -> list[str]:
    """Wall seconds, and CPU seconds beside them: on a shared machine those vary far less."""
    rows = [
        "| roles / processes / steps | validate, first run | nothing changed | one file edited | libyaml compose "
        "| first run ÷ compose (wall / CPU) | load average |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for results in sorted(files, key=lambda r: r["handbook"]["roles"]):
        ratios = _ratios(results, "validate", "compose")
        rows.append(
            f"| {_size(results['handbook'], pages=False)} | {_wall_and_cpu(results, 'validate')} "
            f"| {_wall_and_cpu(results, 'validate_warm')} | {_wall_and_cpu(results, 'validate_edited')} "
            f"| {_wall_and_cpu(results, 'compose')} | {ratios} | {_load(results)} |"
        )
    return rows


def _search(index: dict[str, Any]) -> str:
    """The handbook's index: the whole folder, then meta.json, the part every reader's first search fetches."""
    if "meta_raw_bytes" not in index:
        # A file written before the handbook had its own search: Material's index or Pagefind's folder.
        engine = "Pagefind, whole folder" if index.get("engine") == "pagefind" else "Material"
        return f"{engine}: {index['raw_bytes'] / 1000:,.0f} kB / {index['gzip_bytes'] / 1000:,.0f} kB"
    return (
        f"{index['files']:,} files: {index['raw_bytes'] / 1000:,.0f} kB / {index['gzip_bytes'] / 1000:,.0f} kB; "
        f"first search {index['meta_raw_bytes'] / 1000:,.0f} kB / {index['meta_gzip_bytes'] / 1000:,.0f} kB"
    )


def build_table(files: list[dict[str, Any]]) -> list[str]:
    """Against plain MkDocs building the same pages, the plugin off."""
    rows = [
        "| roles / processes / steps (pages) | handbook build | control build | build ÷ control (wall / CPU) "
        "| search index, raw / gzip | load average |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for results in sorted(files, key=lambda r: r["handbook"]["roles"]):
        ratios = _ratios(results, "build", "control")
        rows.append(
            f"| {_size(results['handbook'], pages=True)} | {_wall_and_cpu(results, 'build')} "
            f"| {_wall_and_cpu(results, 'control')} | {ratios} "
            f"| {_search(results['search_index'])} | {_load(results)} |"
        )
    return rows


def provenance(results: dict[str, Any]) -> str:
    machine, versions = results["machine"], results["versions"]
    before, after = machine["load_average"][0], machine["load_average_after"][0]
    busy = " — a busy machine: wall-clock figures are high" if _busy(machine) else ""
    packages = ", ".join(f"{name} {version}" for name, version in versions.items())
    return (
        f"- `{results['command']}` ({results['runs']} run(s), commit {results.get('commit', 'not recorded')}): "
        f"{machine['cpus']} CPUs {machine['cpu']}, "
        f"load average {before:.1f} before and {after:.1f} after{busy}; {packages}"
    )


def render(files: list[dict[str, Any]]) -> str:
    lines = ["**validate**", "", *validate_table(files)]
    built = [results for results in files if "build" in results["seconds"]]
    if built:
        lines += ["", "**build**", "", *build_table(built)]
    lines += ["", "Measured by:", "", *(provenance(results) for results in files)]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSON files written by benchmarks/run.py")
    args = parser.parse_args()
    sys.stdout.write(render([json.loads(path.read_text(encoding="utf-8")) for path in args.files]))


if __name__ == "__main__":
    main()
