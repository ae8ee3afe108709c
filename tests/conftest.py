"""Shared fixtures: small handbooks written to a temporary folder, and the example site built once per run.

Markers (see pyproject.toml) are given by folder here, so a new test file in tests/site/ or
tests/browser/ is marked without anyone remembering to: `site` (a real site build), `browser`
(Chromium reading a site); both are also `slow`. Other slow tests say `pytestmark = pytest.mark.slow`.
`make check` runs everything that is none of the three.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from generator.rules.checking import Report, check_handbook

REPO = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
MARKER_BY_FOLDER = {"site": "site", "browser": "browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.path)).relative_to(TESTS).parts
        marker = MARKER_BY_FOLDER.get(parts[0]) if len(parts) > 1 else None
        if marker:
            item.add_marker(marker)
            item.add_marker("slow")
    # Slow modules first: each worker of `make test` takes the next module when it is free, so the
    # quick ones at the end fill the gaps and both finish within a second of each other (a slow
    # module sent last kept one worker busy for eight seconds while the other had nothing left).
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def handbook_in_process(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`handbook ARGS` run in this process (click's test runner), for tests of findings rather than of the command line.

    Returns what `run_handbook` returns (return code, stdout, stderr), without the second or
    two a new Python process spends importing the tool. What the command changes in the
    process is put back: the working folder, and the garbage collector `validate` switches
    off because its process ends right after.
    """
    import gc

    from click.testing import CliRunner

    from generator.cli import main

    previous = Path.cwd()
    collecting = gc.isenabled()
    os.chdir(cwd or previous)
    try:
        result = CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)
    finally:
        os.chdir(previous)
        if collecting:
            gc.enable()
    return subprocess.CompletedProcess(["handbook", *map(str, args)], result.exit_code, result.stdout, result.stderr)


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The site `build` writes into the folder it is given, built once per test run, whatever the workers.

    Under pytest-xdist each worker is its own process with its own session: the first to get
    here builds into the run's shared temporary folder while holding a lock, the others wait
    for the lock and find the site there.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    site, done = shared / name, shared / f"{name}.built"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                build(site)
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return site


def build_in_process(root: Path, *, strict: bool = False, site_dir: Path | None = None) -> Path:
    """Build the site of the handbook in `root` in this process, as plugin authors test: build(load_config(...)).

    For tests that read the pages, not the command line's output (that is `run_handbook`'s).
    Returns the site folder. Run from `root`, as `mkdocs build` is.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    previous = Path.cwd()
    os.chdir(root)
    try:
        options = {"site_dir": str(site_dir)} if site_dir else {}
        config = load_config(str(root / "mkdocs.yml"), strict=strict or None, **options)
        build(config)
    finally:
        os.chdir(previous)
    return Path(config.site_dir)


# The example handbook's sources, as a department keeps them in its repository.
EXAMPLE_SOURCES = ("roles", "processes", "people", "handbook", "glossary.yml", "mkdocs.yml")


def copy_example(folder: Path) -> Path:
    """Copy the example handbook's sources into `folder` (made if missing), for a test that edits or builds a copy."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy(source, folder / name)
    return folder


def require(engine: str) -> Path:
    """The path of an engine's command installed beside this Python; skips the test without it (fails it under CI)."""
    command = Path(sys.executable).parent / engine
    if not command.is_file():
        reason = f"{engine} is not installed in this environment (pip install -r requirements.lock installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return command


def _build_the_example(site: Path) -> None:
    # The command line itself is what is tested here (the example must build with --strict).
    handbook = Path(sys.executable).parent / "handbook"
    result = subprocess.run(
        [str(handbook), "build", ".", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook built once per run with `handbook build --strict`, for every test that reads it."""
    return built_once(tmp_path_factory, "example-site", _build_the_example)


@pytest.fixture(scope="session")
def company_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/examples/company built once per run (strict), for the site and the browser tests."""
    company = REPO / "tests" / "examples" / "company"
    return built_once(
        tmp_path_factory, "company-site", lambda site: build_in_process(company, strict=True, site_dir=site) and None
    )


def _build_the_example_with_zensical(site: Path) -> None:
    # From a copy: `--engine zensical` writes Zensical's project into the handbook's .cache/.
    # What the command says is kept beside the site (ZENSICAL_SAID) for the test of its last line.
    root = copy_example(site.with_name(site.name + "-sources"))
    result = handbook_in_process("build", ".", "--strict", "--engine", "zensical", "--site-dir", site, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    site.with_name(ZENSICAL_SAID).write_text(result.stderr, encoding="utf-8")


ZENSICAL_SAID = "zensical-example-stderr.txt"


@pytest.fixture(scope="session")
def zensical_example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built once per run by `handbook build --strict --engine zensical`, for every test that reads it."""
    require("zensical")
    return built_once(tmp_path_factory, "zensical-example-site", _build_the_example_with_zensical)


# The smallest handbook that validates clean: two roles and one process of one step.
MINIMAL: dict[str, str] = {
    "roles/lead.yml": """\
        id: lead
        title: 組長
        """,
    "roles/member.yml": """\
        id: member
        title: 組員
        reports_to: lead
        """,
    "processes/weekly.yml": """\
        id: weekly
        title: 每週例行
        owner: lead
        stages:
          - id: plan
            title: 計劃
            steps:
              - id: write-plan
                title: 撰寫計劃
                raci:
                  R: [member]
                  A: lead
                checklist:
                  - 列出本週目標
        """,
}

WriteHandbook = Callable[..., Path]


def write_minimal(
    root: Path, files: Mapping[str, str | bytes | None] | None = None, *, base: Mapping[str, str] = MINIMAL
) -> Path:
    """Write MINIMAL into `root`, with some files replaced (a None value deletes a file); return `root`.

    The one factory of the minimal handbook: the fixtures below call it. Text values are
    dedented; bytes values are written as they are.
    """
    merged: dict[str, str | bytes | None] = {**base, **(files or {})}
    for relative, content in merged.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            continue
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def write_handbook_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """MINIMAL written once for a module's tests that only read it."""
    return write_minimal(tmp_path_factory.mktemp("minimal"))


@pytest.fixture
def write_handbook(tmp_path: Path) -> WriteHandbook:
    """Write MINIMAL, with some files replaced (a None value deletes a file), and return its folder.

    Text values are dedented; bytes values are written as they are.
    """

    def write(files: Mapping[str, str | bytes | None] | None = None, *, base: Mapping[str, str] = MINIMAL) -> Path:
        return write_minimal(tmp_path / "handbook", files, base=base)

    return write


@pytest.fixture
def check(write_handbook: WriteHandbook) -> Callable[..., Report]:
    """Write a handbook (see write_handbook) and check it."""

    def run(files: Mapping[str, str | bytes | None] | None = None, **kwargs: object) -> Report:
        return check_handbook(write_handbook(files), **kwargs)  # type: ignore[arg-type]

    return run


def codes(report: Report) -> list[str]:
    return [problem.code for problem in report.problems]
