"""Every table of the example and of the company example fits its box: at 1366 px no table is
wider than the box it sits in (the RACI matrix turns its column headers), and at 390 px nothing
is cut off (plain tables become cards, as the RACI matrix does)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import artifact, open_reader, serve

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# Each visible table of the article, and the box that scrolls it (Material's for Markdown tables,
# ours for the RACI matrix and a role's steps): their widths against what they show.
_OVERFLOWING = """() => {
  const found = [];
  for (const table of document.querySelectorAll("article table")) {
    if (!table.checkVisibility()) continue;
    const box = table.closest(".md-typeset__scrollwrap, .handbook-raci__scroll, .handbook-steps")
      || table.parentElement;
    for (const [name, element] of [["table", table], ["box", box]]) {
      if (element.scrollWidth > element.clientWidth + 1) {
        const what = element.className || table.className || "table";
        found.push(`${name} ${what}: ${element.scrollWidth} > ${element.clientWidth}`);
      }
    }
  }
  const page = document.documentElement.scrollWidth;
  if (page > window.innerWidth) found.push(`page: ${page}`);
  return found;
}"""


def site_pages(site: Path) -> list[str]:
    """Every page of a built site by its address (redirect pages left out: they have no article)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        if "assets" in index.parts or 'http-equiv="refresh"' in index.read_text(encoding="utf-8")[:2000]:
            continue
        pages.append(index.relative_to(site).parent.as_posix().removeprefix("."))
    return [f"{page}/" if page else "" for page in pages]


@pytest.fixture(scope="module")
def example_url(example_site: Path) -> Iterator[tuple[str, list[str]]]:
    with serve(example_site) as url:
        yield url, site_pages(example_site)


@pytest.fixture(scope="module")
def company_url(company_site: Path) -> Iterator[tuple[str, list[str]]]:
    with serve(company_site) as url:
        yield url, site_pages(company_site)


def overflowing(browser: Any, url: str, pages: list[str], viewport: dict[str, int]) -> list[str]:
    phone = viewport["width"] < 600
    with open_reader(browser, url, viewport=viewport, is_mobile=phone, has_touch=phone) as reader:
        problems = []
        for path in pages:
            page = reader.open(path)
            problems += [f"{path}: {problem}" for problem in page.evaluate(_OVERFLOWING)]
        return problems


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1366px", "390px"])
def test_no_table_of_the_example_is_wider_than_its_box(
    browser: Any, example_url: tuple[str, list[str]], viewport: dict[str, int]
) -> None:
    url, pages = example_url
    assert "processes/marketing-management/" in pages and "rules/" in pages and len(pages) >= 30
    assert overflowing(browser, url, pages, viewport) == []


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1366px", "390px"])
def test_no_table_of_the_company_example_is_wider_than_its_box(
    browser: Any, company_url: tuple[str, list[str]], viewport: dict[str, int]
) -> None:
    url, pages = company_url
    assert "departments/" in pages and "processes/product-launch/" in pages
    assert overflowing(browser, url, pages, viewport) == []


def test_every_role_column_of_the_widest_matrix_shows_at_1366_px(
    browser: Any, example_url: tuple[str, list[str]]
) -> None:
    url, _ = example_url
    with open_reader(browser, url, viewport=LAPTOP) as reader:
        page = reader.open("processes/marketing-management/")
        box = page.locator(".handbook-raci__scroll")
        box.scroll_into_view_if_needed()
        right = box.evaluate("b => b.getBoundingClientRect().right")
        headers = page.eval_on_selector_all(
            ".handbook-raci__role", "cells => cells.map(c => [c.textContent.trim(), c.getBoundingClientRect().right])"
        )
        assert len(headers) >= 10
        assert [name for name, edge in headers if edge > right + 1] == []
        # Nothing says "scroll" when there is nothing to scroll to.
        assert page.locator(".handbook-raci__scroll-hint").is_hidden()
        box.screenshot(path=artifact("raci-1366.png"))


def test_a_matrix_too_wide_for_its_box_shows_that_it_scrolls(browser: Any, example_url: tuple[str, list[str]]) -> None:
    url, _ = example_url
    # A narrow window and a reader who set large text (as a browser's font-size setting does, the
    # root size grows): the matrix is shown (not the phone cards) but cannot fit.
    with open_reader(browser, url, viewport={"width": 700, "height": 800}) as reader:
        page = reader.open("processes/marketing-management/")
        page.add_style_tag(content="html { font-size: 32px !important }")
        page.set_viewport_size({"width": 701, "height": 800})  # the window is resized: the script looks again
        box = page.locator(".handbook-raci__scroll")
        box.scroll_into_view_if_needed()
        assert box.evaluate("b => b.scrollWidth > b.clientWidth")
        assert "handbook-scrolls-right" in box.get_attribute("class")
        hint = page.locator(".handbook-raci__scroll-hint")
        assert hint.is_visible() and "捲動" in hint.inner_text()
        # Scrolled to the end, the right edge no longer says there is more.
        box.evaluate("b => { b.scrollLeft = b.scrollWidth; b.dispatchEvent(new Event('scroll')); }")
        page.wait_for_function(
            "() => !document.querySelector('.handbook-raci__scroll').classList.contains('handbook-scrolls-right')"
        )
        assert "handbook-scrolls-left" in box.get_attribute("class")


def test_company_matrix_rows_reach_the_table_border(browser: Any, company_url: tuple[str, list[str]]) -> None:
    url, _ = company_url
    with open_reader(browser, url, viewport=LAPTOP) as reader:
        page = reader.open("processes/product-launch/")
        page.locator(".handbook-raci__scroll").scroll_into_view_if_needed()
        box, rows = page.evaluate(
            """() => [document.querySelector('.handbook-raci__scroll').getBoundingClientRect().right,
                      [...document.querySelectorAll('.handbook-raci__table tr')]
                        .map(r => r.lastElementChild.getBoundingClientRect().right)]"""
        )
        assert rows and all(abs(box - right) <= 2 for right in rows), (box, rows)


@pytest.mark.parametrize(
    ("site", "path", "first_cell"), [("example", "rules/", "HB001"), ("company", "departments/", "總經理室")]
)
def test_on_a_phone_a_plain_table_is_a_stack_of_cards_naming_each_column(
    browser: Any,
    example_url: tuple[str, list[str]],
    company_url: tuple[str, list[str]],
    site: str,
    path: str,
    first_cell: str,
) -> None:
    url, _ = example_url if site == "example" else company_url
    with open_reader(browser, url, viewport=PHONE, is_mobile=True, has_touch=True) as reader:
        page = reader.open(path)
        table = page.locator("article table").first
        assert table.locator("thead").is_hidden()
        first_row = table.locator("tbody tr").first
        assert first_row.locator("td").first.inner_text().strip() == first_cell
        # Every other cell is named by its column, on the card itself.
        second = first_row.locator("td").nth(1)
        label = second.evaluate("td => getComputedStyle(td, '::before').content")
        header = table.locator("thead th").nth(1).text_content().strip()
        assert label == f'"{header}"'
        card = first_row.bounding_box()
        assert card["x"] >= 0 and card["x"] + card["width"] <= PHONE["width"]
        page.screenshot(path=artifact(f"cards-{site}-390.png"))
