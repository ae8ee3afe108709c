"""The example built by the two other engines: ProperDocs (the plugin unchanged) and Zensical (`--engine zensical`).

Both are pinned in requirements.lock, so `make test` and CI run these. Where one
cannot be installed they are skipped with the reason, except under CI=true,
where a missing engine fails them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, ZENSICAL_SAID, copy_example, require
from tests.site.conftest import SearchIndex, _quiet_env, read_html

# Pages every build of the example must have, written by hand from the example's YAML.
EXPECTED_PAGES = {
    "index.html",
    "roles/index.html",
    "roles/market-research/index.html",
    "processes/campaign-lifecycle/index.html",
    "processes/campaign-lifecycle/warm-up/index.html",
    "org-chart/index.html",
    "glossary/index.html",
    "rules/index.html",
    # Redirects from the former ids in roles/market-research.yml and processes/campaign-lifecycle.yml.
    "roles/market-analyst/index.html",
    "processes/event-lifecycle/index.html",
}


def html_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def downloads(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.checklist.*")}


def test_the_zensical_build_ends_with_its_line_in_the_handbooks_language(zensical_example_site: Path) -> None:
    said = zensical_example_site.with_name(ZENSICAL_SAID).read_text(encoding="utf-8")
    assert "已用 zensical 建置" in said


def test_properdocs_builds_the_example_with_the_plugin_unchanged(example_site: Path, tmp_path: Path) -> None:
    properdocs = require("properdocs")
    root = copy_example(tmp_path / "handbook")
    site = tmp_path / "properdocs-site"
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env=_quiet_env(),
    )
    assert result.returncode == 0, result.stderr
    assert html_pages(site) >= EXPECTED_PAGES
    assert html_pages(site) == html_pages(example_site)
    assert downloads(site) == downloads(example_site)
    edit = read_html(site, "roles/brand-promotion").select_one("a[rel=edit]")
    assert edit is not None
    assert edit["href"] == "https://git.example.com/marketing/handbook/edit/main/roles/brand-promotion.yml"


def test_zensical_builds_the_same_pages_and_downloads_as_mkdocs(
    example_site: Path, zensical_example_site: Path
) -> None:
    assert html_pages(zensical_example_site) >= EXPECTED_PAGES
    assert html_pages(zensical_example_site) == html_pages(example_site)
    assert downloads(zensical_example_site) == downloads(example_site)
    assert len(downloads(zensical_example_site)) == 2 * 7  # a Markdown and a CSV file for each of the 7 stages


def test_zensical_pages_carry_the_generated_content(zensical_example_site: Path) -> None:
    stage = read_html(zensical_example_site, "processes/campaign-lifecycle/warm-up")
    assert stage.select("article li.task-list-item input[type=checkbox]")
    scripts = [str(script.get("src", "")) for script in stage.select("script")]
    assert any(src.endswith("assets/handbook/checklist.js") for src in scripts)
    assert (zensical_example_site / "assets/handbook/checklist.js").is_file()
    # The editor at /admin/ (issue 23) comes with the site under Zensical too.
    assert (zensical_example_site / "admin/decap-cms.js").is_file()
    assert "collections:" in (zensical_example_site / "admin/config.yml").read_text(encoding="utf-8")
    # The handbook's own search, as after MkDocs: its box on every page and an index of Zensical's pages.
    assert any(src.endswith("assets/handbook/handbook-search.js") for src in scripts)
    assert "roles/market-research/" in SearchIndex(zensical_example_site).pages_named("市場調研專員")
    role = read_html(zensical_example_site, "roles/market-research")
    assert role.select_one("h1") is not None and "市場調研專員" in role.select_one("h1").get_text()


def test_zensical_redirects_old_addresses(zensical_example_site: Path) -> None:
    redirect = (zensical_example_site / "roles/market-analyst/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../market-research/"' in redirect


def test_zensical_edit_links_open_the_yaml_file(zensical_example_site: Path) -> None:
    role = read_html(zensical_example_site, "roles/brand-promotion").select_one("a[rel=edit]")
    assert role is not None
    assert role["href"] == "https://git.example.com/marketing/handbook/edit/main/roles/brand-promotion.yml"
    stage = read_html(zensical_example_site, "processes/campaign-lifecycle/warm-up").select_one("a[rel=edit]")
    assert stage is not None
    assert stage["href"] == "https://git.example.com/marketing/handbook/edit/main/processes/campaign-lifecycle.yml"
    # A hand-written page keeps the ordinary edit link to its Markdown.
    home = read_html(zensical_example_site, "").select_one("a[rel=edit]")
    assert home is not None
    assert home["href"] == "https://git.example.com/marketing/handbook/edit/main/handbook/index.md"


EDIT_BASE = "https://git.example.com/marketing/handbook/edit/main/"  # the example's repo_url and edit_uri


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_edit_button_opens_a_file_that_exists(
    engine: str, example_site: Path, zensical_example_site: Path
) -> None:
    """An editor who presses 編輯此頁 lands on a file of the repository; pages made from no file have no button."""
    site = example_site if engine == "mkdocs" else zensical_example_site
    edits: dict[str, str | None] = {}
    for page in sorted(site.rglob("index.html")):
        url_path = page.parent.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("meta[http-equiv=refresh]") is not None:
            continue  # a redirect from a former id
        edit = soup.select_one("a[rel=edit]")
        edits["" if url_path == "." else url_path] = str(edit["href"]) if edit is not None else None
    for url_path, href in edits.items():
        if href is not None:
            assert href.startswith(EDIT_BASE), (url_path, href)
            assert (REPO / href.removeprefix(EDIT_BASE)).is_file(), (url_path, href)
    # Pages made from the whole handbook, of no one file: no button (written by hand from the example).
    for generated in ("org-chart", "documents", "metrics", "rules", "roles", "processes"):
        assert edits[generated] is None, (engine, generated, edits[generated])
    assert edits["glossary"] == EDIT_BASE + "glossary.yml"
    assert edits["roles/brand-promotion"] == EDIT_BASE + "roles/brand-promotion.yml"
    assert edits[""] == EDIT_BASE + "handbook/index.md"


def test_zensical_writes_its_own_interface_words_in_the_handbooks_language(zensical_example_site: Path) -> None:
    role = read_html(zensical_example_site, "roles/brand-promotion")
    permalinks = role.select("a.headerlink")
    assert permalinks and {link["title"] for link in permalinks} == {"本段的永久連結"}
    footer = " ".join(role.select_one(".md-copyright").get_text(" ", strip=True).split())
    assert footer == "本網站以 Zensical 製作"
    missing = BeautifulSoup((zensical_example_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert missing.select_one("article h1, .md-content h1").get_text(strip=True) == "404 - 找不到這一頁"
    for page in zensical_example_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for english in ("Permanent link", "Made with", "Not found"):
            assert english not in text, (page.relative_to(zensical_example_site).as_posix(), english)
