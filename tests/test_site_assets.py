"""The plugin ships its checklist script, print stylesheet and checklist downloads with ANY handbook site."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.engines.mkdocs_plugin.mermaid import MERMAID_VERSION, MermaidMissing, installed_mermaid
from tests.conftest import WriteHandbook, build_in_process
from tests.site.conftest import make_site_project, read_html

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow


def test_a_fixture_handbook_gets_the_assets_and_downloads(write_handbook: WriteHandbook) -> None:
    site = build_in_process(make_site_project(write_handbook()))
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


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {
        index.relative_to(site).as_posix(): BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
        for index in site.rglob("index.html")
        if "assets" not in index.parts
    }


def _mermaid_sources(page: BeautifulSoup) -> list[str]:
    return [str(script["src"]) for script in page.select("script[src]") if "mermaid" in str(script["src"])]


def test_local_mermaid_is_linked_only_from_the_pages_that_draw_a_diagram(example_site: Path) -> None:
    pages = _pages(example_site)
    drawing = {path for path, page in pages.items() if page.select("article .mermaid")}
    linking = {path for path, page in pages.items() if _mermaid_sources(page)}
    # The example's process overviews draw their flow; its roles, stages and reference pages draw nothing.
    assert "processes/marketing-management/index.html" in drawing
    assert "roles/marketing-head/index.html" not in drawing
    assert linking == drawing
    for path in drawing:
        (source,) = _mermaid_sources(pages[path])
        assert (example_site / path).parent.joinpath(source).resolve() == (
            example_site / "assets/handbook/mermaid.min.js"
        ).resolve()


LOCAL_MERMAID = """\
  - handbook:
      mermaid: local
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""


@pytest.mark.parametrize("why", ["instant navigation", "a hand-written diagram"])
def test_local_mermaid_is_linked_from_every_page_when_a_page_needs_it_before_its_own_scripts(
    write_handbook: WriteHandbook, why: str
) -> None:
    root = make_site_project(write_handbook())
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - handbook\nmarkdown_extensions:\n", LOCAL_MERMAID).replace(
        "  - pymdownx.superfences\n", ""
    )
    if why == "instant navigation":
        # A page swapped in place draws its diagram before the scripts inside it have loaded.
        config = config.replace("  font: false\n", "  font: false\n  features:\n    - navigation.instant\n")
    else:
        (root / "docs" / "flow.md").write_text("# Flow\n\n~~~mermaid\nflowchart LR\n  a --> b\n~~~\n", "utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    pages = _pages(build_in_process(root))
    assert len(pages) > 3
    # Once per page, from the theme's list of scripts, and never again above a diagram.
    assert {path: len(_mermaid_sources(page)) for path, page in pages.items()} == dict.fromkeys(pages, 1)
    assert all(not page.select("article script") for page in pages.values())
