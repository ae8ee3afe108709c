"""In `handbook serve`, the page an editor is looking at shows the findings of a broken edit, as text."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.browser.conftest import open_reader
from tests.site.test_serve import BROKEN, ROLE, ROLE_URL, fetch, served, wait_until

__all__ = ["served"]  # the fixture, used below by name


def test_the_open_page_shows_the_findings_until_the_file_is_fixed(
    browser: Any, served: tuple[Path, str, subprocess.Popen[str], Path]
) -> None:
    root, base, _, _ = served
    wait_until(lambda: fetch(base + ROLE_URL))
    role = root / ROLE
    original = role.read_text(encoding="utf-8")
    role.write_text(BROKEN, encoding="utf-8")
    wait_until(lambda: (text := fetch(base + "handbook-serve-status.json")) and json.loads(text)["findings"])
    with open_reader(browser, base) as reader:
        page = reader.open(ROLE_URL)
        alert = page.get_by_role("alert")
        alert.wait_for()
        assert alert.locator(".admonition-title").inner_text() == "手冊有錯誤"
        item = alert.locator("li")
        assert item.count() == 1
        assert item.inner_text().startswith(f"{ROLE}:3:1 ")
        assert "<stream end>" in item.inner_text()  # shown as text
        assert alert.locator("a").get_attribute("href") == f"{base}rules/#hb001"
        assert page.title() == "手冊有錯誤"

        # Fixed: MkDocs' live reload reloads the open page by itself, and the page is back.
        role.write_text(original, encoding="utf-8")
        wait_until(lambda: (text := fetch(base + "handbook-serve-status.json")) and not json.loads(text)["findings"])
        page.get_by_role("alert").wait_for(state="detached", timeout=60_000)
        page.locator("article h1").wait_for()
        assert "品牌推廣專員" in page.locator("article h1").inner_text()
        assert reader.console_errors == []
