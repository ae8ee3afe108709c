"""In `handbook serve`, the page an editor is looking at shows the findings of a broken edit, as text.

Two editors: one breaks a file while the preview runs (the page keeps its content under
the findings), one starts the preview on a handbook that is already broken (every
role's address shows the findings, each linking to its rule).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.browser.conftest import artifact, open_reader
from tests.conftest import copy_example
from tests.site.test_serve import BROKEN, ROLE, ROLE_URL, fetch, served, serving, wait_until

__all__ = ["served"]  # the fixture, used below by name

PROCESS = "processes/campaign-lifecycle.yml"
SITE_NAME = "市場營銷部手冊"  # the example's site_name


def _status(base: str) -> list[dict[str, str]]:
    text = fetch(base + "handbook-serve-status.json")
    return list(json.loads(text)["findings"]) if text else []


def test_the_open_page_keeps_its_content_under_the_findings_until_the_file_is_fixed(
    browser: Any, served: tuple[Path, str, subprocess.Popen[str], Path]
) -> None:
    root, base, _, _ = served
    wait_until(lambda: fetch(base + ROLE_URL))
    role, process = root / ROLE, root / PROCESS
    original_role, original_process = role.read_text(encoding="utf-8"), process.read_text(encoding="utf-8")
    role.write_text(BROKEN, encoding="utf-8")
    # A second slip whose message quotes ids: they show as code, not as backticks.
    assert original_process.count("          C: []\n") >= 1
    process.write_text(original_process.replace("          C: []\n", "          C: [ghost-role]\n", 1), "utf-8")
    wait_until(lambda: len(_status(base)) == 2)
    with open_reader(browser, base, viewport={"width": 1366, "height": 900}) as reader:
        page = reader.open(ROLE_URL)
        alert = page.get_by_role("alert")
        alert.wait_for()
        assert alert.locator(".admonition-title").inner_text() == "手冊有錯誤"
        assert "上一次成功建置的內容" in alert.inner_text()
        items = alert.locator("li")
        assert items.count() == 2
        broken_yaml = next(items.nth(n) for n in range(2) if ROLE in items.nth(n).inner_text())
        assert broken_yaml.inner_text().startswith(f"{ROLE}:3:1 ")
        assert "<stream end>" in broken_yaml.inner_text()  # shown as text
        assert broken_yaml.locator("img").count() == 0
        unknown = next(items.nth(n) for n in range(2) if PROCESS in items.nth(n).inner_text())
        assert "`" not in unknown.inner_text()
        codes = unknown.locator("code").all_inner_texts()
        assert codes[0].startswith(f"{PROCESS}:") and codes[-2:] == ["C", "ghost-role"], codes
        assert unknown.locator("a").get_attribute("href") == f"{base}rules/#hb030"
        assert broken_yaml.locator("a").get_attribute("href") == f"{base}rules/#hb001"
        assert page.title() == "手冊有錯誤"

        # Under the box, the page as it last built, and the table of contents beside it matches it.
        heading = page.locator("article h1")
        assert "品牌推廣專員" in heading.inner_text()
        assert alert.bounding_box()["y"] < heading.bounding_box()["y"]
        headings = set(page.locator("article [id]").evaluate_all("nodes => nodes.map(node => node.id)"))
        toc = page.locator(".md-sidebar--secondary a.md-nav__link").evaluate_all(
            "links => links.map(link => decodeURIComponent(new URL(link.href).hash.slice(1)))"
        )
        assert toc and set(toc) <= headings, set(toc) - headings
        page.screenshot(path=artifact("serve-errors-kept-content.png"))
        with open_reader(browser, base, viewport={"width": 390, "height": 844}) as phone:
            small = phone.open(ROLE_URL)
            small.get_by_role("alert").wait_for()
            box, title = small.get_by_role("alert").bounding_box(), small.locator("article h1").bounding_box()
            assert box["y"] + box["height"] <= title["y"] and box["x"] + box["width"] <= 390
            small.screenshot(path=artifact("serve-errors-kept-content-phone.png"), full_page=True)

        # Fixed: MkDocs' live reload reloads the open page by itself, and the box goes.
        role.write_text(original_role, encoding="utf-8")
        process.write_text(original_process, encoding="utf-8")
        wait_until(lambda: (text := fetch(base + "handbook-serve-status.json")) and not json.loads(text)["findings"])
        page.get_by_role("alert").wait_for(state="detached", timeout=60_000)
        page.locator("article h1").wait_for()
        assert "品牌推廣專員" in page.locator("article h1").inner_text()
        assert reader.console_errors == []


def test_a_preview_started_on_a_broken_handbook_shows_the_findings_at_every_roles_address(
    browser: Any, tmp_path: Path
) -> None:
    root = copy_example(tmp_path / "handbook")
    # Without a glossary: the handbook's home page links to a glossary page it will not have.
    (root / "glossary.yml").unlink()
    role = root / ROLE
    original = role.read_text(encoding="utf-8")
    role.write_text(BROKEN, encoding="utf-8")
    with serving(root, log=tmp_path / "serve.log") as (_, base, server, log):
        wait_until(lambda: "1 個錯誤" in log.read_text(encoding="utf-8"))
        # The terminal: the address, the rebuild, its finding; nothing of MkDocs' about links in
        # pages the editor never touched (they link to pages a broken handbook does not have).
        lines = log.read_text(encoding="utf-8").splitlines()
        assert lines[1].startswith("handbook: 已重新建置：1 個錯誤"), lines
        assert lines[2].startswith(f"  {ROLE}:3:1: error HB001 "), lines
        assert not any("Doc file" in line or "not found" in line for line in lines), lines
        # The search index is written after the pages, in the background: until the preview says
        # so, the box's files are not there yet (a 404 in the console on a busy machine).
        wait_until(lambda: "搜尋已更新" in log.read_text(encoding="utf-8"))
        # Not a 404: a page of the findings (urllib's fetch gives None for an error status).
        assert fetch(base + ROLE_URL) is not None
        for size, name in (((1366, 900), "desktop"), ((390, 844), "phone")):
            with open_reader(browser, base, viewport={"width": size[0], "height": size[1]}) as reader:
                page = reader.open(ROLE_URL)
                article = page.locator("article")
                assert article.locator("h1").inner_text().startswith("手冊有錯誤")
                assert "還沒有成功建置過" in article.inner_text()
                item = article.locator("li")
                assert item.count() == 1
                assert item.inner_text().startswith(f"{ROLE}:3:1: ")
                assert "<stream end>" in item.inner_text()
                # The finding carries its rule code and links to the rule's entry on the rules page.
                link = item.locator("a")
                assert link.inner_text() == "HB001 readable-yaml"
                assert page.get_by_role("alert").count() == 0  # the page lists them once, not twice
                page.screenshot(path=artifact(f"serve-never-built-{name}.png"), full_page=True)
                if name == "desktop":
                    # The sidebar names the home page 首頁; the site's name is above it once.
                    sidebar = page.locator(".md-sidebar--primary .md-nav__link")
                    labels = [text.strip() for text in sidebar.all_inner_texts()]
                    assert "首頁" in labels and SITE_NAME not in labels, labels
                link.click()
                page.wait_for_url(f"{base}rules/#hb001")
                assert page.locator("#hb001").is_visible()
                assert reader.console_errors == [], reader.console_errors

        assert fetch(base + "glossary/") is not None  # a page of the findings, until the handbook builds
        # Fixed: the role's real page is there, and the page of findings where the handbook has no page is gone.
        role.write_text(original, encoding="utf-8")
        wait_until(lambda: (text := fetch(base + ROLE_URL)) and "品牌推廣專員" in text and "手冊有錯誤" not in text)
        assert fetch(base + "glossary/") is None
        assert server.poll() is None
