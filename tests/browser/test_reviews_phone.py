"""What a reader sees of reviews on a 390 px phone (and at 1366 px): the overdue notice at the top of the page,
readable and inside the screen, the page's dates at its end, and the 待審閱 list scrolling in its own box."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Reader, artifact, open_reader, serve
from tests.conftest import built_once
from tests.reviews_example import HOSTILE_TITLE, build_overdue_example

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    built = built_once(tmp_path_factory, "reviews-example", build_overdue_example)
    with serve(Path(built) / "site") as url:
        yield url


@pytest.fixture(params=[PHONE, DESKTOP], ids=["390px", "1366px"])
def screen(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Reader]:
    touch = request.param is PHONE
    with open_reader(browser, site_url, viewport=request.param, is_mobile=touch, has_touch=touch) as reader:
        yield reader


def test_the_overdue_notice_is_the_first_thing_on_the_page_and_reads_on_a_phone(screen: Reader) -> None:
    page = screen.open("roles/market-research/")
    notice = page.locator("article .handbook-review-notice")
    assert notice.is_visible()
    box = notice.bounding_box()
    viewport = page.viewport_size
    # Inside the screen, on the first screenful, right under the page's heading.
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert box["y"] + box["height"] <= viewport["height"]
    heading = page.locator("article h1").bounding_box()
    summary = page.locator("article h1 ~ p").last.bounding_box()
    assert heading["y"] < box["y"] < summary["y"]
    text = notice.inner_text()
    assert "審閱已逾期" in text and "2025-07-01" in text and HOSTILE_TITLE in text
    # The body's text size, not the admonitions' smaller one: at least 14 px on the phone.
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.handbook-review-notice p:last-child')).fontSize)"
    )
    assert size >= 14
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner
    assert screen.console_errors == [] and screen.dialogs == [] and screen.outside_requests == []
    page.screenshot(path=str(artifact(f"review-notice-{viewport['width']}px.png")))


def test_the_page_ends_with_its_review_dates_and_the_reviewer_link_works(screen: Reader) -> None:
    page = screen.open("roles/new-media/")
    assert page.locator("article .handbook-review-notice").count() == 0
    dates = page.locator("article .handbook-page-dates")
    dates.scroll_into_view_if_needed()
    assert dates.is_visible()
    assert "上次審閱：2026-11-01" in dates.inner_text() and "下次審閱：2027-11-01" in dates.inner_text()
    dates.locator("a").click()
    page.wait_for_url("**/roles/marketing-head/")


def test_the_reviews_page_lists_the_overdue_role_inside_the_screen(screen: Reader) -> None:
    page = screen.open("reviews/")
    row = page.locator(".handbook-reviews__row")
    assert row.count() == 1 and "已逾期" in row.inner_text()
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner
    page.screenshot(path=str(artifact(f"reviews-page-{page.viewport_size['width']}px.png")), full_page=True)
    row.locator("a").first.click()
    page.wait_for_url("**/roles/market-research/")
