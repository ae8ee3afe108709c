"""Reading a chart Mermaid drew in Chromium: its text, its width on screen and its text's drawn height;
waiting until a page's diagrams are drawn.

Shared by the chart tests of the company example and of the 1,000-role site, and the page walks.
"""

from __future__ import annotations

import time
from pathlib import Path
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


# Run before a page's scripts (add_init_script): every shadow root is open, so the page's own
# scripts can read what Mermaid drew (Material puts each drawing in a closed one).
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""

# At least `count` diagrams drawn: Material replaces each <pre class="mermaid"> with a
# <div class="mermaid"> whose shadow root (opened by OPEN_SHADOW_ROOTS) gets the SVG.
_DRAWN = """(count) => [...document.querySelectorAll("div.mermaid")]
  .filter(d => d.shadowRoot && d.shadowRoot.querySelector("svg")).length >= count"""


def wait_until_drawn(page: Any, html_file: Path) -> None:
    """Wait until every diagram of the page built into `html_file` is drawn (the page's context runs OPEN_SHADOW_ROOTS).

    Diagrams are drawn after the page has loaded. Waiting for them, not for a quiet network, spares
    the half second of silence Playwright's "networkidle" waits on every page.
    """
    diagrams = html_file.read_text(encoding="utf-8").count('class="mermaid"')
    if diagrams:
        page.wait_for_function(_DRAWN, arg=diagrams, timeout=30_000)
