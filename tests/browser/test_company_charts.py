"""The company example's charts drawn by Mermaid in Chromium, on a 390-pixel-wide phone.

Legible means: every box's text is drawn at least 11 CSS pixels high (Mermaid
writes 16 px text and the chart is scaled to fit), and the chart is no wider
than the screen. The chart at 1,000 roles is checked in test_company_scale_pages.py, on its big site.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Reader, artifact, open_reader, serve

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
SMALLEST_TEXT_PX = 11.0


@pytest.fixture(scope="module")
def company_url(company_site: Path) -> Iterator[str]:
    with serve(company_site) as url:
        yield url


def _find_svgs(node: dict[str, Any], found: list[dict[str, Any]]) -> None:
    if node.get("nodeName", "").lower() == "svg":
        found.append(node)
        return
    for child in [*node.get("children", []), *node.get("shadowRoots", [])]:
        _find_svgs(child, found)


def _texts(node: dict[str, Any]) -> str:
    own = node.get("nodeValue", "") if node.get("nodeType") == 3 else ""
    return own + "".join(_texts(child) for child in [*node.get("children", []), *node.get("shadowRoots", [])])


def drawn_chart(page: Any, must_contain: str, timeout: float = 15.0) -> tuple[str, float, float]:
    """The text of the drawn chart holding `must_contain`, its on-screen width, and its text's drawn height.

    Material draws Mermaid into a closed shadow root: the DevTools DOM with `pierce` reaches it.
    The text height is Mermaid's 16 px font times the scale of the drawn SVG (its width on screen
    over its viewBox width).
    """
    session = page.context.new_cdp_session(page)
    deadline = time.monotonic() + timeout
    while True:
        found: list[dict[str, Any]] = []
        _find_svgs(session.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"], found)
        for svg in found:
            text = " ".join(_texts(svg).split())
            if must_contain not in text:
                continue
            attributes = dict(zip(svg["attributes"][::2], svg["attributes"][1::2], strict=True))
            view_width = float(attributes["viewBox"].split()[2])
            box = session.send("DOM.getBoxModel", {"backendNodeId": svg["backendNodeId"]})["model"]
            return text, float(box["width"]), 16.0 * float(box["width"]) / view_width
        if time.monotonic() > deadline:
            pytest.fail(f"no chart with {must_contain!r} was drawn")
        time.sleep(0.25)


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
