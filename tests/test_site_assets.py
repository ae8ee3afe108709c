"""The plugin ships its checklist script, print stylesheet and checklist downloads with ANY handbook site."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.engines.mkdocs_plugin.mermaid import MERMAID_VERSION, MermaidMissing, installed_mermaid
from tests.conftest import WriteHandbook
from tests.site.conftest import make_site_project, read_html, run_mkdocs

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow


def test_a_fixture_handbook_gets_the_assets_and_downloads(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook())
    result = run_mkdocs("build", cwd=root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    page = read_html(site, "processes/weekly/plan")
    scripts = [script["src"] for script in page.select("script[src]")]
    assert "../../../assets/handbook/checklist.js" in scripts
    assert "../../../assets/handbook/checklist.css" in [link["href"] for link in page.select("link[rel=stylesheet]")]
    assert (site / "assets/handbook/checklist.js").read_text(encoding="utf-8").count("localStorage") >= 1
    # The default `mermaid: cdn` ships no Mermaid of its own.
    assert not (site / "assets/handbook/mermaid.min.js").exists()
    assert not any("mermaid" in src for src in scripts)
    # The downloads exist and the stage page links to them.
    links = {a.get_text(): a for a in page.select("article a[download]")}
    assert links["CSV"]["href"] == "../plan.checklist.csv"
    assert links["Markdown"]["download"] == "weekly-plan-checklist.md"
    assert (site / "processes/weekly/plan.checklist.md.txt").read_text(encoding="utf-8").count(
        "- [ ] 列出本週目標"
    ) == 1
    # Every cell quoted (OWASP's advice against formula injection).
    assert '"write-plan","撰寫計劃","組長","","列出本週目標"' in (
        site / "processes/weekly/plan.checklist.csv"
    ).read_text(encoding="utf-8-sig")


def test_local_mermaid_that_was_never_installed_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    with pytest.raises(MermaidMissing) as raised:
        installed_mermaid()
    message = str(raised.value)
    assert "make" in message and "mermaid: cdn" in message and MERMAID_VERSION in message
