"""A reader opens the example handbook: pages load offline and cleanly, diagrams draw, search finds, edit opens YAML."""

from __future__ import annotations

import time
from typing import Any

import pytest
import yaml

from tests.browser.conftest import Reader, artifact
from tests.conftest import REPO
from tests.search.findability import typed_result_pages

PAGES = [
    "",
    "roles/",
    "roles/market-research/",
    "processes/marketing-management/",
    "processes/campaign-lifecycle/warm-up/",
    "org-chart/",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors_and_nothing_leaves_localhost(reader: Reader, path: str) -> None:
    page = reader.open(path)
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").count() == 1
    assert reader.console_errors == []
    assert reader.outside_requests == []
    # The recording works: the page's own files were requested through it.
    assert any(url.endswith(".css") for url in reader.requests)


def svg_texts(node: dict[str, Any], inside: list[str] | None, found: list[list[str]]) -> None:
    """Collect the text of each outermost <svg> under a DevTools DOM node, shadow roots included."""
    if node.get("nodeName", "").lower() == "svg" and inside is None:
        inside = []
        found.append(inside)
    if node.get("nodeType") == 3 and inside is not None:
        inside.append(node.get("nodeValue", ""))
    for child in [*node.get("children", []), *node.get("shadowRoots", [])]:
        svg_texts(child, inside, found)


def drawn_diagrams(page: Any, timeout: float = 15.0) -> list[str]:
    """The text of every SVG drawn in the page, once there is one.

    Material puts each rendered diagram into a *closed* shadow root, which page
    scripts cannot enter; the DevTools protocol's DOM with `pierce` can.
    """
    session = page.context.new_cdp_session(page)
    deadline = time.monotonic() + timeout
    while True:
        found: list[list[str]] = []
        svg_texts(session.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"], None, found)
        diagrams = [" ".join("".join(texts).split()) for texts in found]
        diagrams = [text for text in diagrams if text]
        if diagrams or time.monotonic() > deadline:
            return diagrams
        time.sleep(0.25)


def test_the_process_flow_diagram_is_drawn_from_the_site(reader: Reader) -> None:
    process = yaml.safe_load((REPO / "processes" / "marketing-management.yml").read_text(encoding="utf-8"))
    page = reader.open("processes/marketing-management/")
    diagrams = drawn_diagrams(page)
    assert any(all(stage["title"] in text for stage in process["stages"]) for text in diagrams), diagrams
    assert reader.outside_requests == []
    assert any(url.endswith("/mermaid.min.js") for url in reader.requests)
    assert reader.console_errors == []


def test_the_org_chart_is_drawn_once_and_a_click_on_a_box_opens_the_role(reader: Reader) -> None:
    head = yaml.safe_load((REPO / "roles" / "marketing-head.yml").read_text(encoding="utf-8"))["title"]
    research = yaml.safe_load((REPO / "roles" / "market-research.yml").read_text(encoding="utf-8"))["title"]
    page = reader.open("org-chart/")  # plain HTML: laid out when the page has loaded
    # One chart on a laptop too: the linked tree, no second (unclickable) drawing of the same.
    assert page.locator("article .mermaid").count() == 0
    boxes = page.locator("article a.handbook-org-box")
    assert boxes.filter(has_text=head).first.is_visible() and boxes.filter(has_text=research).first.is_visible()
    # The page's own words say to click a box: doing so opens that role's page.
    assert "方框" in page.locator("article p").first.inner_text()
    boxes.filter(has_text=research).first.click()
    page.wait_for_url("**/roles/market-research/")
    assert reader.outside_requests == []
    assert reader.console_errors == []


def test_the_edit_button_of_a_role_page_opens_its_yaml(reader: Reader) -> None:
    page = reader.open("roles/market-research/")
    edit = page.locator("a.md-content__button[href*='edit']")
    # repo_url + edit_uri's branch, then the file's path in the repository.
    assert (
        edit.get_attribute("href") == "https://git.example.com/marketing/handbook/edit/main/roles/market-research.yml"
    )
    page.screenshot(path=artifact("role-market-research.png"), full_page=True)


def test_searching_a_chinese_word_shows_the_market_research_role_first(reader: Reader) -> None:
    page = reader.open("")
    results = typed_result_pages(page, "調研")  # into the header's box, as a reader does
    page.screenshot(path=artifact("search-調研.png"))
    assert "roles/market-research/" in results[:3], results
    assert reader.outside_requests == []


def test_an_old_role_address_lands_on_the_renamed_roles_page(reader: Reader) -> None:
    role = yaml.safe_load((REPO / "roles" / "market-research.yml").read_text(encoding="utf-8"))
    assert role["aliases"], "the example keeps a former id of this role"
    page = reader.open(f"roles/{role['aliases'][0]}/#職責")
    page.wait_for_url("**/roles/market-research/**")
    assert page.url.endswith("/roles/market-research/#%E8%81%B7%E8%B2%AC")  # the anchor survives
    assert page.locator("h1").first.inner_text().startswith(role["title"])
    assert reader.outside_requests == []


def test_a_glossary_abbreviation_shows_its_meaning_on_hover(reader: Reader) -> None:
    glossary = yaml.safe_load((REPO / "glossary.yml").read_text(encoding="utf-8"))
    gmv = next(term for term in glossary["terms"] if term["term"] == "GMV")
    page = reader.open("processes/marketing-management/monitor/")
    page.locator("article abbr", has_text="GMV").first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert gmv["explanation"] in tooltip.inner_text()
