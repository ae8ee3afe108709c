"""Two builds of one commit are byte-identical; a failed build leaves the previous site as it was."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.site.conftest import HANDBOOK_CLI

# The last commit of the fixture repository: a date no test machine's clock shows.
COMMIT_DATE = "2001-02-03T04:05:06+00:00"
# MkDocs stamps sitemap.xml.gz with the start of the build's day (UTC).
COMMIT_DAY_EPOCH = int(datetime(2001, 2, 3, tzinfo=UTC).timestamp())


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example, committed once to a fresh git repository on COMMIT_DATE."""
    root = tmp_path_factory.mktemp("repository")
    for folder in ("roles", "processes", "people", "handbook"):
        shutil.copytree(REPO / folder, root / folder)
    for name in ("mkdocs.yml", "glossary.yml"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, root / name)
    # The example has a site address, so MkDocs lists every page, with the build date, in sitemap.xml.
    assert "\nsite_url: https://" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t"}
    dates = {"GIT_COMMITTER_EMAIL": "t@example.com", "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    git_env = {**_env(), **identity, **dates}
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "handbook"]):
        subprocess.run(command, cwd=root, env=git_env, check=True, capture_output=True)
    return root


def _tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_of_one_commit_are_byte_identical_and_carry_its_date(repository: Path, tmp_path: Path) -> None:
    first, second, plain = tmp_path / "first", tmp_path / "second", tmp_path / "plain"
    for site in (first, second):
        result = _run(HANDBOOK_CLI, "build", ".", "--site-dir", str(site), cwd=repository)
        assert result.returncode == 0, result.stderr
    assert _tree(first) == _tree(second)
    # The date comes from the commit, not from today's clock.
    assert "<lastmod>2001-02-03</lastmod>" in (first / "sitemap.xml").read_text(encoding="utf-8")
    header = (first / "sitemap.xml.gz").read_bytes()[:10]
    assert int.from_bytes(header[4:8], "little") == COMMIT_DAY_EPOCH
    assert gzip.decompress((first / "sitemap.xml.gz").read_bytes()) == (first / "sitemap.xml").read_bytes()
    # A plain `mkdocs build` (the plugin alone) dates the site the same way.
    mkdocs = str(Path(HANDBOOK_CLI).parent / "mkdocs")
    result = _run(mkdocs, "build", "-q", "-d", str(plain), cwd=repository)
    assert result.returncode == 0, result.stderr
    assert (plain / "sitemap.xml").read_bytes() == (first / "sitemap.xml").read_bytes()


def test_a_failed_build_leaves_the_previous_site_untouched(
    repository: Path, tmp_path: Path, example_site: Path
) -> None:
    work = tmp_path / "work"
    shutil.copytree(repository, work, ignore=shutil.ignore_patterns(".git"))
    site = tmp_path / "out" / "site"
    # The site in place: the example as `handbook build --strict` built it (tests/conftest.py).
    shutil.copytree(example_site, site)
    before = _tree(site)

    # MkDocs itself fails (a broken link under --strict), after it started writing the new site.
    (work / "handbook" / "broken.md").write_text("# 壞連結\n\n[不存在](missing.md)\n", encoding="utf-8")
    result = _run(HANDBOOK_CLI, "build", ".", "--strict", "--site-dir", str(site), cwd=work)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert _tree(site) == before
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]  # no staging folder left behind

    # The handbook is invalid: the build stops before MkDocs starts.
    (work / "handbook" / "broken.md").unlink()
    role = next((work / "roles").glob("*.yml"))
    role.write_text(role.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = _run(HANDBOOK_CLI, "build", ".", "--site-dir", str(site), cwd=work)
    assert result.returncode == 1, result.stdout + result.stderr
    assert _tree(site) == before
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]
