"""A big handbook's first `validate` checks part of its files in a forked process, with the same results.

Past `_BYTES_WORTH_A_SECOND_PROCESS` bytes to parse, a child forked after the imports
checks about half of the files and hands back each file's results as the cache keeps
them, and another writes the cache while the parent runs the rules across files. These
tests compare what comes out with a check in one process (`check_handbook`, which never
forks), on a synthetic handbook with problems put into it, and make either child fail
to show that the parent then does that work itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator.rules import checking, forked
from generator.rules.cache import ValidateCache
from generator.rules.checking import check_handbook, validate_handbook
from tests.conftest import REPO
from tests.test_cli import handbook

sys.path.insert(0, str(REPO / "benchmarks"))
from make_handbook import write_handbook

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork") or forked.cores() < 2, reason="needs os.fork and a second core"),
]


@pytest.fixture(autouse=True)
def signing_key_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


@pytest.fixture(autouse=True)
def forking_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    # `can_fork` refuses while another thread runs, and earlier tests of a whole run (a served
    # site) may leave one behind in this process; the children forked here only compute.
    monkeypatch.setattr(checking, "can_fork", lambda: True)


def _synthetic_with_problems(root: Path, *, roles: int, processes: int, steps: int = 4) -> Path:
    write_handbook(root, roles=roles, processes=processes, stages=3, steps=steps, seed=5)
    files = sorted((root / "processes").glob("*.yml"))
    # A repeated key, a wrong type, an unknown key and an unknown role in the first and the last
    # process file, so both processes have something to report.
    for process in (files[0], files[-1]):
        text = process.read_text(encoding="utf-8").replace(
            "stages:", "title: 再一次\nowner: [x]\ncolour: red\nstages:", 1
        )
        process.write_text(text.replace("          A: ", "          A: nobody-", 1), encoding="utf-8")
    role = sorted((root / "roles").glob("*.yml"))[-1]
    role.write_text(role.read_text(encoding="utf-8") + "titel: typo\n", encoding="utf-8")
    return root


class _Forks:
    """Counts the forked processes the checker starts (each still runs)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = checking.Forked

        def counted(work):  # type: ignore[no-untyped-def]
            self.count += 1
            return real(work)

        monkeypatch.setattr(checking, "Forked", counted)


def _parsed_after_editing_one_file(root: Path, monkeypatch: pytest.MonkeyPatch, expected: object) -> list[str]:
    """The files the next run parses after a comment is added to the first role file (same problems)."""
    edited = sorted((root / "roles").glob("*.yml"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    parsed: list[str] = []
    real = checking.source_from_bytes

    def counted(path, kind, raw):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return real(path, kind, raw)

    monkeypatch.setattr(checking, "source_from_bytes", counted)
    assert _validate(root).problems == expected
    return parsed


def _validate(root: Path):  # type: ignore[no-untyped-def]
    config = {"settings": {}, "language": "en", "root": str(root)}
    cache = ValidateCache(root / ".cache" / "validate", within=root, config=config)
    return validate_handbook(root, cache=cache)


def test_files_checked_in_a_forked_process_give_the_problems_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _synthetic_with_problems(tmp_path / "handbook", roles=40, processes=8)
    expected = check_handbook(root).problems
    assert {problem.code for problem in expected} >= {"HB004", "HB011", "HB012", "HB030"}
    forks = _Forks(monkeypatch)
    monkeypatch.setattr(checking, "_BYTES_WORTH_A_SECOND_PROCESS", 0)
    first = _validate(root)
    assert forks.count == 2  # one checks half of the files, the other writes the cache
    assert first.problems == expected
    assert (first.roles, first.processes) == (40, 8)
    # The forked process's results went into the cache like the parent's: one file edited, one parsed.
    assert _parsed_after_editing_one_file(root, monkeypatch, expected) == ["roles/agency-1.yml"]
    assert forks.count == 2  # one file to parse: never worth a second process


def test_when_the_forked_process_fails_the_parent_checks_its_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = _synthetic_with_problems(tmp_path / "handbook", roles=40, processes=8)
    expected = check_handbook(root).problems
    forks = _Forks(monkeypatch)
    monkeypatch.setattr(checking, "_BYTES_WORTH_A_SECOND_PROCESS", 0)

    def broken(*args):  # type: ignore[no-untyped-def]
        raise RuntimeError("the forked process fails")

    monkeypatch.setattr(checking, "_results_in_json", broken)
    assert _validate(root).problems == expected
    assert forks.count == 1  # the cache is then written here, with the results of every file
    # The cache holds every file: after one edit, only that file is parsed.
    assert _parsed_after_editing_one_file(root, monkeypatch, expected) == ["roles/agency-1.yml"]


def test_a_small_handbook_is_checked_in_one_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    forks = _Forks(monkeypatch)
    config = {"settings": {}, "language": "en", "root": str(REPO)}
    cache = ValidateCache(tmp_path / "cache", within=tmp_path, config=config)
    assert validate_handbook(REPO, cache=cache).problems == check_handbook(REPO).problems
    assert forks.count == 0


def test_the_command_prints_the_same_with_and_without_the_cache_on_a_handbook_past_the_threshold(tmp_path: Path):
    root = _synthetic_with_problems(tmp_path / "handbook", roles=200, processes=40, steps=16)
    size = sum(path.stat().st_size for path in root.rglob("*.yml") if ".cache" not in path.parts)
    assert size > checking._BYTES_WORTH_A_SECOND_PROCESS
    first = handbook("validate", root, "--lang", "en")
    fresh = handbook("validate", root, "--lang", "en", "--no-cache")
    assert "Traceback" not in first.stderr
    assert first.returncode == fresh.returncode == 1
    assert first.stdout == fresh.stdout
    *found, summary = first.stdout.splitlines()
    assert len(found) == len(check_handbook(root).problems) == 11
    assert summary == "11 error(s), 0 warning(s)"


def test_when_the_process_writing_the_cache_fails_the_parent_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _synthetic_with_problems(tmp_path / "handbook", roles=40, processes=8)
    expected = check_handbook(root).problems
    monkeypatch.setattr(checking, "_BYTES_WORTH_A_SECOND_PROCESS", 0)

    def broken(cache):  # type: ignore[no-untyped-def]
        raise OSError("the disk is full")

    monkeypatch.setattr(checking, "_cache_written", broken)
    assert _validate(root).problems == expected
    # The cache holds every file: after one edit, only that file is parsed.
    assert _parsed_after_editing_one_file(root, monkeypatch, expected) == ["roles/agency-1.yml"]


def test_when_no_process_can_be_forked_the_parent_does_all_the_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = _synthetic_with_problems(tmp_path / "handbook", roles=40, processes=8)
    expected = check_handbook(root).problems
    monkeypatch.setattr(checking, "_BYTES_WORTH_A_SECOND_PROCESS", 0)

    def no_fork() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(forked.os, "fork", no_fork)
    assert _validate(root).problems == expected
    assert _parsed_after_editing_one_file(root, monkeypatch, expected) == ["roles/agency-1.yml"]
