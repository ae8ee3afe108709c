"""A reader on a 1366 px screen and on a 390 px phone: nothing wider than the screen, a legible, linked org chart,
the sidebar's order and title, and stage to stage without the sidebar."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from tests.browser.conftest import Reader, artifact, open_reader
from tests.conftest import REPO

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SITE_NAME = "市場營銷部手冊"  # mkdocs.yml's site_name, written here by hand
ROLES = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "roles").glob("*.yml"))]
PROCESS = yaml.safe_load((REPO / "processes" / "marketing-management.yml").read_text(encoding="utf-8"))


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1366px", "390px"])
def screen(request: pytest.FixtureRequest, browser: Any, example_site_url: str) -> Iterator[Reader]:
    with open_reader(browser, example_site_url, viewport=request.param) as reader:
        yield reader


@pytest.fixture
def phone(browser: Any, example_site_url: str) -> Iterator[Reader]:
    with open_reader(browser, example_site_url, viewport=PHONE, is_mobile=True, has_touch=True) as reader:
        yield reader


def heading(page: Any) -> str:
    """The page's h1 without the ¶ of its permalink (shown on touch screens)."""
    return str(page.locator("article h1").inner_text()).replace("¶", "").strip()


def _org_boxes(page: Any) -> list[dict[str, Any]]:
    return page.eval_on_selector_all(
        "article a.handbook-org-box",
        """boxes => boxes.map(box => {
          const rect = box.getBoundingClientRect();
          return {
            text: box.textContent.trim(),
            href: new URL(box.href).pathname,
            external: box.classList.contains("handbook-org-external"),
            fontSize: parseFloat(getComputedStyle(box).fontSize),
            left: rect.left, right: rect.right, width: rect.width, height: rect.height,
            visible: box.checkVisibility(),
          };
        })""",
    )


def test_org_chart_is_legible_on_a_phone_and_its_boxes_open_role_pages(phone: Reader) -> None:
    page = phone.open("org-chart/")  # plain HTML: laid out when the page has loaded
    boxes = _org_boxes(page)
    assert len(boxes) == len(ROLES)
    for box in boxes:
        assert box["visible"], box
        assert box["fontSize"] >= 14, box
        # Whole on the screen: no box cut off at the right edge or squeezed to a sliver.
        assert box["left"] >= 0 and box["right"] <= PHONE["width"] and box["width"] >= 60, box
    # No drawing beside the tree, whose text would shrink to fit 390 px.
    assert page.locator("article .mermaid").count() == 0
    by_title = {role["title"]: role for role in ROLES}
    assert {box["text"] for box in boxes} == set(by_title)
    for box in boxes:
        role = by_title[box["text"]]
        assert box["href"].endswith(f"/roles/{role['id']}/")
        assert box["external"] == bool(role.get("external")), box
    page.screenshot(path=artifact("org-chart-390.png"), full_page=True)
    # Tap a box: the role's page opens.
    research = next(role for role in ROLES if role["id"] == "market-research")
    page.locator("article a.handbook-org-box", has_text=research["title"]).tap()
    page.wait_for_url("**/roles/market-research/")
    assert heading(page) == research["title"]
    assert phone.console_errors == []


def test_org_chart_shows_external_teams_apart_below_the_tree(screen: Reader) -> None:
    page = screen.open("org-chart/")  # plain HTML: laid out when the page has loaded
    boxes = _org_boxes(page)
    heading_top = page.locator("article h2", has_text="合作團隊").bounding_box()["y"]
    tree = [box for box in boxes if not box["external"]]
    external = [box for box in boxes if box["external"]]
    assert {box["text"] for box in external} == {role["title"] for role in ROLES if role.get("external")}
    positions = page.eval_on_selector_all(
        "article a.handbook-org-box", "boxes => boxes.map(b => b.getBoundingClientRect().top + scrollY)"
    )
    for box, top in zip(boxes, positions, strict=True):
        assert (top > heading_top) == box["external"], box
        assert box["fontSize"] >= 14, box
    assert tree and all(box["visible"] for box in boxes)
    page.screenshot(path=artifact(f"org-chart-{page.viewport_size['width']}.png"), full_page=True)


def test_sidebar_shows_the_site_title_once_and_the_editors_section_last(browser: Any, example_site_url: str) -> None:
    with open_reader(browser, example_site_url, viewport=DESKTOP) as reader:
        page = reader.open("")
        sidebar = page.locator(".md-sidebar--primary")
        titles = sidebar.get_by_text(SITE_NAME, exact=True).all()
        assert [title.is_visible() for title in titles].count(True) == 1
        sections = sidebar.locator(".md-nav--primary > .md-nav__list > .md-nav__item").all_inner_texts()
        firsts = [text.strip().splitlines()[0].strip() for text in sections]
        assert firsts[-1] == "維護手冊"
        assert firsts.index("角色") < firsts.index("流程") < firsts.index("維護手冊")
        page.screenshot(path=artifact("home-1366.png"), full_page=True)


def test_a_reader_walks_a_process_stage_by_stage(screen: Reader) -> None:
    stages = PROCESS["stages"]
    page = screen.open(f"processes/{PROCESS['id']}/{stages[0]['id']}/")
    for stage in stages[1:]:
        page.locator("article .handbook-stage-pager a[rel=next]").click()
        page.wait_for_url(f"**/processes/{PROCESS['id']}/{stage['id']}/")
        assert heading(page) == stage["title"]
    assert page.locator("article .handbook-stage-pager a[rel=next]").count() == 0
    page.locator("article .handbook-stage-pager a[rel=prev]").click()
    page.wait_for_url(f"**/processes/{PROCESS['id']}/{stages[-2]['id']}/")
    pager = page.locator("article .handbook-stage-pager")
    pager.scroll_into_view_if_needed()
    page.screenshot(path=artifact(f"stage-pager-{page.viewport_size['width']}.png"))
