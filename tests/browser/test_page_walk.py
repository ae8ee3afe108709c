"""Every page of the example and of the company example, opened in Chromium and measured on two screens.

One walk per site (each page on a 390 px touch phone, then widened to 1366 px) reads everything
the tests below check on every page: the page against the screen, each table against its box,
the role names' lines and the console's errors. Walking the sites once instead of once per test
keeps what is tested and spares the suite many walks of every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser.charts import OPEN_SHADOW_ROOTS, wait_until_drawn
from tests.browser.conftest import open_reader, serve

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# What one page shows: its width, each visible table and the box that scrolls it (Material's for
# Markdown tables, ours for the RACI matrix and a role's steps) against what they show, and the
# role names with the number of lines each takes.
_MEASURE = """() => {
  const overflowing = [];
  for (const table of document.querySelectorAll("article table")) {
    if (!table.checkVisibility()) continue;
    const box = table.closest(".md-typeset__scrollwrap, .handbook-raci__scroll, .handbook-steps")
      || table.parentElement;
    for (const [name, element] of [["table", table], ["box", box]]) {
      if (element.scrollWidth > element.clientWidth + 1) {
        const what = element.className || table.className || "table";
        overflowing.push(`${name} ${what}: ${element.scrollWidth} > ${element.clientWidth}`);
      }
    }
  }
  const names = [...document.querySelectorAll("article a.handbook-role-name, article .handbook-role-name a")]
    .filter(a => a.offsetParent !== null)
    .map(a => [a.textContent, a.getClientRects().length]);
  return {width: document.documentElement.scrollWidth, overflowing, names};
}"""


@dataclass(frozen=True)
class PageSeen:
    width: int  # the page's scroll width
    overflowing: list[str]  # tables (or their boxes) wider than they show
    names: list[tuple[str, int]]  # each visible role name and the lines it takes
    console_errors: list[str]


@dataclass(frozen=True)
class Walk:
    screen: int  # the screen's width
    pages: dict[str, PageSeen]

    def too_wide(self) -> list[str]:
        return [
            f"{path}: {seen.width} > {self.screen}" for path, seen in self.pages.items() if seen.width > self.screen
        ]

    def overflowing(self) -> list[str]:
        return [f"{path}: {problem}" for path, seen in self.pages.items() for problem in seen.overflowing]


def site_pages(site: Path) -> list[str]:
    """Every page of a built site by its address (redirect pages left out: they have no article)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        if "assets" in index.parts or 'http-equiv="refresh"' in index.read_text(encoding="utf-8")[:2000]:
            continue
        pages.append(index.relative_to(site).parent.as_posix().removeprefix("."))
    return [f"{page}/" if page else "" for page in pages]


def walk(browser: Any, site: Path) -> dict[int, Walk]:
    """Every page of `site` on both screens, by screen width: one load per page.

    Each page loads on the phone (a touch screen, as a reader's), is measured, and is measured
    again once the screen is widened to the laptop's. Loading every page again at 1366 px found
    the same widths, tables and lines on both examples, and took half as long again.
    """
    seen: dict[int, dict[str, PageSeen]] = {PHONE["width"]: {}, LAPTOP["width"]: {}}
    with serve(site) as url, open_reader(browser, url, viewport=PHONE, is_mobile=True, has_touch=True) as reader:
        reader.add_init_script(OPEN_SHADOW_ROOTS)
        for path in site_pages(site):
            errors_before = len(reader.console_errors)
            reader.page.set_viewport_size(PHONE)
            page = reader.open(path)
            wait_until_drawn(page, site / path / "index.html")  # diagrams are drawn after the page has loaded
            measured = {PHONE["width"]: page.evaluate(_MEASURE)}
            page.set_viewport_size(LAPTOP)
            measured[LAPTOP["width"]] = page.evaluate(_MEASURE)
            if path == "admin/":
                # Leave the editor before reading its errors: its calls to its backend (which a
                # static server lacks) fail on this page then, not on the next one. (Not after
                # every page: a new renderer for each page costs a tenth of the walk.)
                page.goto("about:blank")
            errors = reader.console_errors[errors_before:]
            for width, found in measured.items():
                names = [tuple(name) for name in found["names"]]
                seen[width][path] = PageSeen(found["width"], found["overflowing"], names, errors)
    return {width: Walk(width, pages) for width, pages in seen.items()}


@pytest.fixture(scope="module")
def example_walks(browser: Any, example_site: Path) -> dict[int, Walk]:
    return walk(browser, example_site)


@pytest.fixture(scope="module")
def company_walks(browser: Any, company_site: Path) -> dict[int, Walk]:
    return walk(browser, company_site)


@pytest.fixture(params=[LAPTOP, PHONE], ids=["1366px", "390px"])
def example_walk(request: pytest.FixtureRequest, example_walks: dict[int, Walk]) -> Walk:
    return example_walks[request.param["width"]]


@pytest.fixture(params=[LAPTOP, PHONE], ids=["1366px", "390px"])
def company_walk(request: pytest.FixtureRequest, company_walks: dict[int, Walk]) -> Walk:
    return company_walks[request.param["width"]]


def test_the_walk_reads_every_page_of_the_example(example_walk: Walk) -> None:
    pages = set(example_walk.pages)
    assert len(pages) >= 30
    assert {"", "org-chart/", "rules/", "processes/marketing-management/plan/", "roles/market-research/"} <= pages
    # Each page was measured on the screen named (so "no wider than the screen" means something).
    assert {seen.width for seen in example_walk.pages.values()} == {example_walk.screen}


def test_no_page_of_the_example_is_wider_than_the_screen(example_walk: Walk) -> None:
    assert example_walk.too_wide() == []


def test_no_table_of_the_example_is_wider_than_its_box(example_walk: Walk) -> None:
    assert example_walk.overflowing() == []


def test_no_page_of_the_example_logs_an_error(example_walk: Walk) -> None:
    # The editor at admin/ asks its backend (`handbook edit` serves it) for its files: a static
    # server answers 404, which is not a reader's page.
    errors = {path: seen.console_errors for path, seen in example_walk.pages.items() if path != "admin/"}
    assert {path: found for path, found in errors.items() if found} == {}


def test_no_role_name_is_broken_over_two_lines(example_walk: Walk) -> None:
    names = [(path, name, lines) for path, seen in example_walk.pages.items() for name, lines in seen.names]
    assert len(names) > 100
    assert [entry for entry in names if entry[2] != 1] == []


def test_no_page_of_the_company_example_is_wider_than_the_screen(company_walk: Walk) -> None:
    assert {"departments/", "processes/product-launch/"} <= set(company_walk.pages)
    assert company_walk.too_wide() == []


def test_no_table_of_the_company_example_is_wider_than_its_box(company_walk: Walk) -> None:
    assert company_walk.overflowing() == []
