"""A reader ticks a stage checklist on the site Zensical built (`handbook build --engine zensical`)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import artifact, open_reader
from tests.browser.test_checklists import checked_items, example_stage, tick

STAGE = "processes/campaign-lifecycle/warm-up/"


def test_a_checklist_ticked_on_the_zensical_site_stays_ticked(browser: Any, zensical_site_url: str) -> None:
    stage = example_stage("campaign-lifecycle", "warm-up")
    first, second = stage["steps"][0]["checklist"][0], stage["steps"][1]["checklist"][0]
    with open_reader(browser, zensical_site_url) as reader:
        page = reader.open(STAGE)
        assert checked_items(page) == []
        tick(page, first)
        tick(page, second)
        assert checked_items(page) == [first, second]
        page.reload()
        assert checked_items(page) == [first, second]
        assert reader.outside_requests == []
        assert reader.console_errors == []


@pytest.mark.parametrize(
    "viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}], ids=["1366px", "390px"]
)
def test_the_reading_aids_work_the_same_on_the_zensical_site(
    browser: Any, zensical_site_url: str, viewport: dict[str, int]
) -> None:
    phone = viewport["width"] < 600
    stage = example_stage("campaign-lifecycle", "warm-up")
    total = sum(len(step.get("checklist", [])) for step in stage["steps"])
    with open_reader(
        browser, zensical_site_url, viewport=viewport, is_mobile=phone, has_touch=phone, color_scheme="light"
    ) as reader:
        page = reader.open(STAGE)
        tick(page, stage["steps"][0]["checklist"][0])
        assert page.locator(".handbook-checklist-count").inner_text() == f"已完成 1 / {total}"
        # The palette switch: light to dark, in the handbook's words.
        switch = page.locator("form[data-md-component=palette] label:visible")
        assert switch.get_attribute("title") == "切換到深色主題"
        switch.click()
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
        # The widest matrix fits at 1366 px; the rules table is cards on a phone.
        matrix = reader.open("processes/marketing-management/").locator(".handbook-raci__scroll")
        if not phone:
            assert matrix.evaluate("b => b.scrollWidth <= b.clientWidth")
        rules = reader.open("rules/")
        head_hidden = rules.locator("article table thead").first.is_hidden()
        assert head_hidden == phone
        assert rules.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        assert reader.console_errors == []


def test_tapping_a_glossary_abbreviation_on_a_phone_shows_its_meaning_until_the_next_tap(
    browser: Any, zensical_site_url: str
) -> None:
    phone = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
    with open_reader(browser, zensical_site_url, **phone) as reader:
        page = reader.open("roles/brand-promotion/")
        kol = page.locator("article abbr", has_text="KOL").first
        kol.tap()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for()
        # The explanation from glossary.yml, readable after the finger is lifted.
        assert "Key Opinion Leader" in tooltip.inner_text()
        assert "關鍵意見領袖" in tooltip.inner_text()
        page.wait_for_timeout(600)  # longer than Zensical's delay before a tooltip hides
        assert tooltip.is_visible()
        page.screenshot(path=artifact("zensical-abbreviation-tapped-phone.png"))
        # Another abbreviation: its own meaning replaces the first.
        other = page.locator("article abbr", has_text="VI").first
        other.tap()
        page.wait_for_timeout(600)
        shown = page.locator(".md-tooltip2--active")
        assert shown.count() == 1 and "Visual Identity" in shown.inner_text()
        # A tap on the text elsewhere closes it.
        page.locator("article h1").tap()
        page.wait_for_timeout(600)
        assert page.locator(".md-tooltip2--active").count() == 0
        assert reader.console_errors == []
