"""A reader ticks a stage checklist on the site Zensical built (`handbook build --engine zensical`)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import artifact, open_reader, serve
from tests.browser.test_checklists import checked_items, example_stage, tick
from tests.site.conftest import HANDBOOK_CLI, _quiet_env
from tests.site.test_engines import copy_example, require

STAGE = "processes/campaign-lifecycle/warm-up/"


@pytest.fixture(scope="module")
def zensical_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require("zensical")
    root = copy_example(tmp_path_factory.mktemp("browser-zensical") / "handbook")
    site = root / "site-zensical"
    result = subprocess.run(
        [HANDBOOK_CLI, "build", ".", "--engine", "zensical", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env=_quiet_env(),
    )
    assert result.returncode == 0, result.stderr
    with serve(Path(site)) as url:
        yield url


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
