"""Tables that fit their box: at 1366 px the RACI matrix turns its column headers and shows every
column, at 390 px plain tables become cards, as the RACI matrix does. That no table of either
example is wider than its box, page by page, is measured in test_page_walk.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import artifact, open_reader, serve

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def example_url(example_site: Path) -> Iterator[str]:
    with serve(example_site) as url:
        yield url


@pytest.fixture(scope="module")
def company_url(company_site: Path) -> Iterator[str]:
    with serve(company_site) as url:
        yield url


def test_every_role_column_of_the_widest_matrix_shows_at_1366_px(browser: Any, example_url: str) -> None:
    with open_reader(browser, example_url, viewport=LAPTOP) as reader:
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


def test_a_matrix_too_wide_for_its_box_shows_that_it_scrolls(browser: Any, example_url: str) -> None:
    # A narrow window and a reader who set large text (as a browser's font-size setting does, the
    # root size grows): the matrix is shown (not the phone cards) but cannot fit.
    with open_reader(browser, example_url, viewport={"width": 700, "height": 800}) as reader:
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


def test_company_matrix_rows_reach_the_table_border(browser: Any, company_url: str) -> None:
    with open_reader(browser, company_url, viewport=LAPTOP) as reader:
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
    example_url: str,
    company_url: str,
    site: str,
    path: str,
    first_cell: str,
) -> None:
    url = example_url if site == "example" else company_url
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
