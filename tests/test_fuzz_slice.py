"""A small seeded slice of the edit-fuzzing campaign (benchmarks/fuzz_edits.py) on every run of the suite.

The whole campaign (1,500 cases) is a command in benchmarks/; this slice runs the same code
on a few cases of every file kind, so a change that brings back a traceback, a hang or a
"validate passed, build failed" on a common slip is caught by `make test`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_a_seeded_slice_of_one_mutation_edits_has_no_traceback_hang_or_broken_build(tmp_path: Path) -> None:
    report = tmp_path / "cases.json"
    done = subprocess.run(
        [sys.executable, "benchmarks/fuzz_edits.py", "--cases", "16", "--seed", "1", "--json", str(report)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for line in ("tracebacks: 0", "hangs: 0", "validate passed, build failed: 0", "finding lists over 20 kB: 0"):
        assert line in done.stdout, done.stdout
    assert "mkdocs.yml" in done.stdout.split("by file kind:")[1].splitlines()[0]
