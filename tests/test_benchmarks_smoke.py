"""A tiny run of the benchmark scripts: they work and their handbook is valid. No timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.site.conftest import run_handbook

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow

BENCHMARKS = REPO / "benchmarks"
SMALL = ["--roles", "7", "--processes", "2", "--stages-per-process", "2", "--steps-per-stage", "4"]


def _make(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(BENCHMARKS / "make_handbook.py"), *SMALL, "--out", str(out), *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_synthetic_handbook_is_deterministic_and_validates_clean(tmp_path: Path) -> None:
    first, second, other = tmp_path / "first", tmp_path / "second", tmp_path / "other"
    for out, seed in ((first, "1"), (second, "1"), (other, "2")):
        result = _make(out, "--seed", seed)
        assert result.returncode == 0, result.stderr
    assert _files(first) == _files(second)
    assert _files(first) != _files(other)
    assert len(list((first / "roles").glob("*.yml"))) == 7
    assert len(list((first / "processes").glob("*.yml"))) == 2
    result = run_handbook("validate", str(first), "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []  # no errors and no warnings


def test_benchmark_runs_and_writes_its_table_and_json(tmp_path: Path) -> None:
    command = [sys.executable, str(BENCHMARKS / "run.py"), *SMALL, "--runs", "1", "--out", str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    for label in ("handbook validate", "handbook build", "control: mkdocs build", "libyaml compose only"):
        assert label in result.stdout
    (output,) = tmp_path.glob("*.json")
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["handbook"]["steps"] == 2 * 2 * 4
    assert set(results["seconds"]) == {"validate", "validate_warm", "validate_edited", "compose", "build", "control"}
    assert set(results["cpu_seconds"]) == set(results["seconds"])
    assert all(len(timing["all"]) == 1 and timing["median"] > 0 for timing in results["seconds"].values())
    assert set(results["ratios"]) == {"build / control", "validate / compose"}
    assert results["versions"]["PyYAML"] and results["versions"]["mkdocs"] != "not installed"
    index = results["search_index"]
    assert 0 < index["gzip_bytes"] < index["raw_bytes"]
    # The handbook's own index (generator.search): meta.json, at least one shard and one file of sections.
    assert index["engine"] == "handbook" and index["files"] >= 3
    assert 0 < index["meta_gzip_bytes"] < index["gzip_bytes"]
    # The table script renders the README's rows from that file, naming the command and the machine.
    table = subprocess.run(
        [sys.executable, str(BENCHMARKS / "table.py"), str(output)], capture_output=True, text=True, timeout=60
    )
    assert table.returncode == 0, table.stderr
    assert "| 7 / 2 / 16 |" in table.stdout
    assert "python benchmarks/run.py --roles 7" in table.stdout
    assert f"{results['machine']['cpus']} CPUs" in table.stdout
    # The control site holds the same Markdown pages the plugin generated.
    (work,) = (path for path in tmp_path.iterdir() if path.is_dir())
    control_pages = {
        p.relative_to(work / "control" / "docs").as_posix() for p in (work / "control" / "docs").rglob("*.md")
    }
    assert {"index.md", "roles/index.md", "processes/index.md"} <= control_pages
    assert results["handbook"]["pages"] == len(control_pages)


def test_first_visit_counts_mermaid_only_where_a_diagram_is_drawn(example_site: Path) -> None:
    command = [sys.executable, str(BENCHMARKS / "first_visit.py"), str(example_site)]
    command += ["roles/pr-team/", "processes/marketing-management/"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    sizes = {
        line.split(":")[0]: int(line.split(": ")[1].split(" ")[0].replace(",", "")) for line in done.stdout.splitlines()
    }
    mermaid = (example_site / "assets/handbook/mermaid.min.js").stat().st_size
    assert sizes["roles/pr-team/"] < mermaid < sizes["processes/marketing-management/"]
