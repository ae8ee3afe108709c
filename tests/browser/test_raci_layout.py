"""Issue 10 in Chromium: the RACI matrix and role pages at a laptop's width (1366 px) and a phone's (390 px).

Geometry is measured from bounding boxes in the real browser. Screenshots go to
test-artifacts/browser/ for a reviewer to look at.
"""

from __future__ import annotations

from typing import Any

import yaml

from tests.browser.conftest import artifact, open_reader
from tests.conftest import REPO

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

ROLES = {path.stem: yaml.safe_load(path.read_text("utf-8")) for path in sorted((REPO / "roles").glob("*.yml"))}
PROCESSES = [yaml.safe_load(path.read_text("utf-8")) for path in sorted((REPO / "processes").glob("*.yml"))]


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box  # type: ignore[no-any-return]


def test_the_matrix_keeps_the_step_column_and_header_in_view_when_scrolled(browser: Any, example_site_url: str) -> None:
    with open_reader(browser, example_site_url, viewport=LAPTOP) as reader:
        page = reader.open("processes/marketing-management/")
        # Thirteen roles fit at 1366 px with their headers turned (test_tables_fit.py); with the large text
        # a reader may set (the browser's font size grows the root's) they cannot, and the box scrolls.
        page.add_style_tag(content="html { font-size: 32px !important }")
        scroller = page.locator(".handbook-raci__scroll")
        scroller.scroll_into_view_if_needed()
        sizes = scroller.evaluate("box => [box.scrollWidth, box.clientWidth, box.scrollHeight, box.clientHeight]")
        # The matrix is wider than its column, so there is something to prove.
        assert sizes[0] > sizes[1] + 200
        scroller.evaluate("box => { box.scrollLeft = box.scrollWidth; box.scrollTop = box.scrollHeight; }")
        page.wait_for_timeout(100)
        frame = _box(page, ".handbook-raci__scroll")
        last_row = "tbody:last-of-type tr:last-child th.handbook-raci__step"
        step = _box(page, last_row)
        # The step of the last row still sits at the left edge of the box, whole.
        assert frame["x"] - 1 <= step["x"] <= frame["x"] + 2
        assert step["x"] + step["width"] <= frame["x"] + frame["width"]
        assert page.locator(last_row).inner_text().strip() == PROCESSES[1]["stages"][-1]["steps"][-1]["title"]
        # The header row stays at the top of the box while the rows scroll under it.
        if sizes[2] > sizes[3]:
            header = _box(page, "thead th.handbook-raci__role:last-child")
            assert frame["y"] - 1 <= header["y"] <= frame["y"] + 2
        # ... and the last role's column, now in view, is right of the step column, not under it.
        last_role = _box(page, "thead th.handbook-raci__role:last-child")
        assert last_role["x"] >= step["x"] + step["width"] - 1
        assert last_role["x"] + last_role["width"] <= frame["x"] + frame["width"] + 1
        page.screenshot(path=str(artifact("raci-matrix-scrolled-1366.png")))


def test_role_names_in_the_matrix_never_wrap(browser: Any, example_site_url: str) -> None:
    with open_reader(browser, example_site_url, viewport=LAPTOP) as reader:
        page = reader.open("processes/marketing-management/")
        lines = page.eval_on_selector_all(
            "thead th.handbook-raci__role a", "links => links.map(a => [a.textContent, a.getClientRects().length])"
        )
        assert len(lines) == 13
        assert [name for name, rects in lines if rects != 1] == []


def test_the_phone_shows_one_block_per_step_instead_of_the_table(browser: Any, example_site_url: str) -> None:
    with open_reader(browser, example_site_url, viewport=PHONE) as reader:
        for process in PROCESSES:
            page = reader.open(f"processes/{process['id']}/")
            assert not page.locator(".handbook-raci__scroll").is_visible()
            cards = page.locator(".handbook-raci__card")
            assert cards.count() == sum(len(stage["steps"]) for stage in process["stages"])
            for index in range(cards.count()):
                box = cards.nth(index).bounding_box()
                assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
            # A role's name is never broken over two lines.
            broken = page.eval_on_selector_all(
                ".handbook-raci__card a.handbook-role-name",
                "links => links.filter(a => a.getClientRects().length !== 1).map(a => a.textContent)",
            )
            assert broken == []
        page = reader.open("processes/marketing-management/")
        page.locator(".handbook-raci__steps").evaluate("steps => steps.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(artifact("raci-steps-390.png")))


def test_role_page_steps_table_becomes_cards_on_a_phone(browser: Any, example_site_url: str) -> None:
    with open_reader(browser, example_site_url, viewport=PHONE) as reader:
        page = reader.open("roles/market-research/")
        rows = page.locator("table.handbook-steps__table tbody tr")
        assert rows.count() > 5
        first = rows.first.bounding_box()
        second = rows.nth(1).bounding_box()
        assert first is not None and second is not None
        # Stacked: each step is a block as wide as the text column, one below the other.
        assert second["y"] >= first["y"] + first["height"] - 1
        assert first["x"] + first["width"] <= PHONE["width"]
        assert not page.locator("table.handbook-steps__table thead").is_visible()
        page.screenshot(path=str(artifact("role-page-390.png")), full_page=True)
    with open_reader(browser, example_site_url, viewport=LAPTOP) as reader:
        page = reader.open("roles/market-research/")
        assert page.locator("table.handbook-steps__table thead").is_visible()
        page.screenshot(path=str(artifact("role-page-1366.png")), full_page=True)


def test_the_copy_button_copies_the_absolute_permalink(browser: Any, example_site_url: str) -> None:
    with open_reader(
        browser, example_site_url, viewport=LAPTOP, permissions=["clipboard-read", "clipboard-write"]
    ) as reader:
        page = reader.open("roles/market-research/")
        button = page.locator("button.handbook-copy-link")
        assert button.is_visible()
        assert button.inner_text() == "複製連結"
        button.click()
        page.wait_for_function("document.querySelector('button.handbook-copy-link').textContent === '已複製'")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith(("http://", "https://")) and copied.endswith("/roles/market-research/")
        assert copied == page.locator("a.handbook-permalink").evaluate("a => a.href")
        assert reader.console_errors == []


def test_without_javascript_the_permalink_is_a_plain_link_and_no_button_shows(
    browser: Any, example_site_url: str
) -> None:
    with open_reader(browser, example_site_url, viewport=PHONE, java_script_enabled=False) as reader:
        page = reader.open("roles/market-research/")
        assert not page.locator("button.handbook-copy-link").is_visible()
        assert page.locator("a.handbook-permalink").is_visible()
