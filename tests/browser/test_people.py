"""A new hire on a 390 px phone: who holds the role and how to reach them, a vacant role's deputy, the people
page, and a person found by name in the search box."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Reader, artifact, open_reader
from tests.search.findability import typed_result_pages

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Any, example_site_url: str) -> Iterator[Reader]:
    with open_reader(browser, example_site_url, viewport=PHONE, is_mobile=True, has_touch=True) as reader:
        yield reader


def _fits(page: Any) -> None:
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner


def test_a_holder_and_their_chat_link_are_readable_on_a_phone(phone: Reader) -> None:
    page = phone.open("roles/market-research/")
    person = page.locator("li.handbook-person")
    person.scroll_into_view_if_needed()
    assert person.locator(".handbook-person__name").inner_text() == "林美玲"
    chat = person.locator("a[href^='https://chat.example.com/']")
    assert chat.is_visible()
    box = chat.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert person.locator("a[href='mailto:meiling.lin@example.com']").is_visible()
    _fits(page)
    page.screenshot(path=str(artifact("people-role-holder-390.png")))


def test_a_vacant_role_shows_its_deputy_with_a_phone_link(phone: Reader) -> None:
    page = phone.open("roles/event-planning/")
    vacant = page.locator(".handbook-people__vacant")
    vacant.scroll_into_view_if_needed()
    assert vacant.inner_text().strip() == "此職位目前從缺"
    deputy = page.locator("li.handbook-person--deputy")
    assert deputy.locator(".handbook-person__name").inner_text() == "陳怡君"
    assert deputy.locator("a[href='tel:+886223456783']").is_visible()
    _fits(page)
    page.screenshot(path=str(artifact("people-vacant-role-390.png")))


def test_the_people_page_and_the_org_chart_fit_a_phone(phone: Reader) -> None:
    page = phone.open("people/")
    assert page.locator("article table tbody tr").count() == 5
    _fits(page)
    page.screenshot(path=str(artifact("people-page-390.png")), full_page=True)
    chart = phone.open("org-chart/")
    names = chart.locator(".handbook-org-people")
    assert names.first.is_visible()
    assert "（從缺；代理：陳怡君）" in chart.locator("article").inner_text()
    _fits(chart)
    chart.screenshot(path=str(artifact("people-org-chart-390.png")), full_page=True)


def test_typing_a_persons_name_puts_their_role_or_the_people_page_first(phone: Reader) -> None:
    page = phone.open("")
    page.evaluate("() => window.__handbookSearch.ready()")
    results = typed_result_pages(page, "林美玲")
    assert results[0] in ("marketing/roles/market-research/", "marketing/people/", "roles/market-research/", "people/")
    assert {"roles/market-research/", "people/"} <= {result.removeprefix("marketing/") for result in results[:3]}
