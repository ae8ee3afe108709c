"""The README's screenshots of the example handbook, taken by headless Chromium.

`make screenshots` runs `python -m tests.browser.screenshots docs/screenshots`: it
builds the example with `handbook build --strict` into a temporary folder, serves it on
127.0.0.1 and photographs a role page and a stage checklist at 1366×900 and a role page
on a 390×844 phone, under fixed file names, so the README's links never change and a
refresh shows up in git as changed pictures. tests/browser/test_screenshots.py takes
the same pictures into a temporary folder and checks them.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, open_reader, serve
from tests.browser.test_checklists import tick
from tests.site.conftest import run_handbook

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True, slots=True)
class Shot:
    """One picture: its file name, the page (below the site root) and the screen it is seen on."""

    name: str
    path: str
    viewport: dict[str, int]
    tick_first_item: bool = False


SHOTS = (
    Shot("role-page.png", "roles/market-research/", DESKTOP),
    # One item ticked: the picture shows that the checklist is for working through.
    Shot("stage-checklist.png", "processes/campaign-lifecycle/warm-up/", DESKTOP, tick_first_item=True),
    Shot("phone-role-page.png", "roles/market-research/", PHONE),
)


def take_screenshots(browser: Any, base_url: str, folder: Path) -> list[Path]:
    """Photograph every shot of SHOTS from the site at `base_url` into `folder`; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for shot in SHOTS:
        phone = shot.viewport is PHONE
        # Scale 1: the pictures stay small; is_mobile gives the phone the page's mobile layout and viewport rules.
        options: dict[str, Any] = {"viewport": shot.viewport, "device_scale_factor": 1, "is_mobile": phone}
        with open_reader(browser, base_url, has_touch=phone, **options) as reader:
            page = reader.open(shot.path)
            if shot.tick_first_item:
                tick(page, page.locator("article li.task-list-item").first.inner_text().strip())
                page.evaluate("window.scrollTo(0, 0)")
            # The header's search box fetches its words after the page: photograph it with them.
            page.locator(".hb-search[data-ready]").wait_for(state="attached")
            page.evaluate("document.fonts.ready")
            target = folder / shot.name
            # The viewport only, not the full page: the size the README promises, whatever the page's length.
            page.screenshot(path=str(target), animations="disabled", caret="hide")
            _make_smaller(target)
            written.append(target)
    return written


def _make_smaller(picture: Path) -> None:
    """256 colours without dithering: about 60 % fewer bytes, and text keeps its sharp edges.

    A page is a few flat colours and the anti-aliased edges of text; median cut keeps
    both, where dithering would sprinkle dots across every flat area. The same input
    gives the same bytes (no timestamp is written).
    """
    from PIL import Image

    with Image.open(picture) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    reduced.save(picture, optimize=True)


def _built_example(site: Path) -> Iterator[str]:
    result = run_handbook("build", ".", "--strict", "--site-dir", str(site))
    if result.returncode != 0:
        raise SystemExit(f"the example does not build:\n{result.stderr}")
    with serve(site) as url:
        yield url


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.browser.screenshots FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    if not CHROMIUM.is_file():
        print(f"screenshots: {CHROMIUM} is missing (run `make browser` as root)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            for url in _built_example(Path(temporary) / "site"):
                for written in take_screenshots(browser, url, folder):
                    print(written.as_posix())
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
