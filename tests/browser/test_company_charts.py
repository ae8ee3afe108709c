"""The company example's charts drawn by Mermaid in Chromium, on a 390-pixel-wide phone.

Legible means: every box's text is drawn at least 11 CSS pixels high (Mermaid
writes 16 px text and the chart is scaled to fit), and the chart is no wider
than the screen. The chart at 1,000 roles is checked in test_company_scale_pages.py, on its big site.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.charts import PHONE, SMALLEST_TEXT_PX, drawn_chart
from tests.browser.conftest import Reader, artifact, open_reader, serve


@pytest.fixture(scope="module")
def company_url(company_site: Path) -> Iterator[str]:
    with serve(company_site) as url:
        yield url


@pytest.fixture
def phone(browser: Any, company_url: str) -> Iterator[Reader]:
    with open_reader(browser, company_url, **PHONE) as opened:
        yield opened


def test_the_company_chart_draws_every_department_legibly_on_a_phone(phone: Reader) -> None:
    page = phone.open("departments/")
    text, width, text_px = drawn_chart(page, "總經理室")
    assert all(title in text for title in ("總經理室", "行銷部", "產品部", "業務部"))
    assert width <= 390
    assert text_px >= SMALLEST_TEXT_PX, f"text drawn {text_px:.1f} px high"
    page.screenshot(path=artifact("company-chart-390.png"), full_page=True)
    assert phone.outside_requests == []
    assert phone.console_errors == []


def test_a_department_chart_draws_its_reporting_tree_legibly_on_a_phone(phone: Reader) -> None:
    page = phone.open("departments/marketing/")
    text, width, text_px = drawn_chart(page, "行銷經理")
    assert "內容企劃" in text
    assert "業務經理" not in text  # another department's role is not in this department's tree
    assert width <= 390
    assert text_px >= SMALLEST_TEXT_PX, f"text drawn {text_px:.1f} px high"
    page.screenshot(path=artifact("department-marketing-390.png"), full_page=True)
    assert phone.console_errors == []
