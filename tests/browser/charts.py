"""Reading a chart Mermaid drew in Chromium: its text, its width on screen and its text's drawn height.

Shared by the chart tests of the company example and of the 1,000-role site.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
SMALLEST_TEXT_PX = 11.0


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
