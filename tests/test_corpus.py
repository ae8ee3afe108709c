"""The corpus of bad input: one small handbook per folder in tests/corpus/, each with `expected.txt`.

Every line of `expected.txt` is `CODE path:line`, written by hand: the problem the
validator must report, and where. Together the cases cover hardened loading, safe
text and the RACI rules; each must be checked quickly and without a traceback.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.rules.checking import check_handbook
from tests.conftest import handbook_in_process as handbook

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(path for path in CORPUS.iterdir() if (path / "expected.txt").is_file())


def _expected(case: Path) -> list[tuple[str, str, int]]:
    found = []
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        code, place = line.split()
        path, number = place.rsplit(":", 1)
        found.append((code, path, int(number)))
    return found


@pytest.fixture(scope="module")
def warmed_up(write_handbook_once: Path) -> None:
    """One untimed check first: the first in a process compiles the schemas and reads the catalogs.

    With two test workers this module may be the first thing a worker runs, and the budget
    below is for checking a case, not for that one-time start.
    """
    check_handbook(write_handbook_once)


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_case_reports_the_expected_code_at_the_expected_file_and_line(case, warmed_up):
    started = time.perf_counter()
    report = check_handbook(case)
    elapsed = time.perf_counter() - started
    reported = {(p.code, p.path, p.line) for p in report.problems}
    for expected in _expected(case):
        assert expected in reported, f"{case.name}: {expected} not in {sorted(reported)}"
    assert elapsed < 0.5, f"{case.name} took {elapsed:.2f}s"


# A few cases through the real command line, from every part of the corpus; warnings need --strict.
CLI_CASES = ["alias-bomb", "not-utf8", "tag-python", "link-javascript", "raw-html", "role-in-no-step", "empty-stage"]


@pytest.mark.slow  # one process per case
@pytest.mark.parametrize("name", CLI_CASES)
def test_the_command_line_exits_1_without_a_traceback(name):
    result = handbook("validate", ".", "--strict", cwd=CORPUS / name)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    code, path, line = _expected(CORPUS / name)[0]
    assert any(row.startswith(f"{path}:{line}:") and f" {code} " in row for row in result.stdout.splitlines())
