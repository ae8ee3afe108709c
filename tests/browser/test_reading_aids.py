"""What helps a reader read: the abbreviation popup on a phone, emphasis in Chinese, the rules
by code, a checklist's progress, carrying ticks to another browser, and the dark theme."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import artifact, open_reader, serve
from tests.browser.test_checklists import checked_items, example_stage, tick

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
STAGE = "processes/campaign-lifecycle/warm-up/"
SIZES = pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1366px", "390px"])


def reader_at(browser: Any, url: str, viewport: dict[str, int], **options: Any) -> Any:
    phone = viewport["width"] < 600
    return open_reader(browser, url, viewport=viewport, is_mobile=phone, has_touch=phone, **options)


# --- abbreviations -----------------------------------------------------------------------------


def test_no_page_tells_a_phone_reader_to_use_a_mouse(browser: Any, example_site_url: str) -> None:
    with reader_at(browser, example_site_url, PHONE) as reader:
        for path in ("", "glossary/"):
            text = reader.open(path).locator("article").inner_text()
            assert "把滑鼠移到縮寫上" not in text and "點一下" in text


def test_a_tapped_abbreviation_is_readable_and_leaves_the_next_line_in_view(
    browser: Any, example_site_url: str
) -> None:
    with reader_at(browser, example_site_url, PHONE) as reader:
        page = reader.open("roles/marketing-head/")
        abbr = page.locator("article li abbr").first
        abbr.scroll_into_view_if_needed()
        abbr.tap()
        tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
        tooltip.wait_for()
        page.wait_for_timeout(500)  # the popup's entrance transition
        assert float(tooltip.evaluate("t => getComputedStyle(t).fontSize").removesuffix("px")) >= 14
        popup, word = tooltip.bounding_box(), abbr.bounding_box()
        # Above the abbreviation's line: the line the reader goes on to stays uncovered.
        assert popup["y"] + popup["height"] <= word["y"] + 1, (popup, word)
        assert popup["x"] >= 0 and popup["x"] + popup["width"] <= PHONE["width"]
        page.screenshot(path=artifact("abbreviation-390.png"))


# --- emphasis in Chinese -----------------------------------------------------------------------


@SIZES
def test_no_chinese_text_is_slanted(browser: Any, company_site: Path, viewport: dict[str, int]) -> None:
    with serve(company_site) as url, reader_at(browser, url, viewport) as reader:
        page = reader.open("processes/product-launch/")
        note = page.locator("article .handbook-cross-department").first
        assert "跨部門" in note.inner_text()
        slanted = page.eval_on_selector_all(
            "article *", "els => els.filter(e => getComputedStyle(e).fontStyle !== 'normal').map(e => e.textContent)"
        )
        assert slanted == []


# --- the rules page ------------------------------------------------------------------------------


@SIZES
def test_the_rules_page_lists_the_rules_by_code(browser: Any, example_site_url: str, viewport: dict[str, int]) -> None:
    with reader_at(browser, example_site_url, viewport) as reader:
        page = reader.open("rules/")
        codes = page.eval_on_selector_all(
            "article table tbody tr td:first-child", "cells => cells.map(c => c.textContent.trim())"
        )
        assert len(codes) > 40 and codes == sorted(codes, key=lambda code: int(code.removeprefix("HB")))
        headings = page.eval_on_selector_all("article h2", "hs => hs.map(h => h.textContent.trim().split(' ')[0])")
        assert headings == codes


# --- checklist progress and carrying ticks -----------------------------------------------------


def progress(page: Any, nth: int = 0) -> str:
    return str(page.locator(".handbook-checklist-count").nth(nth).inner_text())


@SIZES
def test_a_stage_checklist_counts_what_is_done_as_the_reader_ticks(
    browser: Any, example_site_url: str, viewport: dict[str, int]
) -> None:
    stage = example_stage("campaign-lifecycle", "warm-up")
    total = sum(len(step.get("checklist", [])) for step in stage["steps"])
    first, second = stage["steps"][0]["checklist"][0], stage["steps"][1]["checklist"][0]
    with reader_at(browser, example_site_url, viewport) as reader:
        page = reader.open(STAGE)
        assert progress(page) == f"已完成 0 / {total}"
        tick(page, first)
        tick(page, second)
        assert progress(page) == f"已完成 2 / {total}"
        page = reader.open(STAGE)  # back on the page later: the count is as the reader left it
        assert progress(page) == f"已完成 2 / {total}"
        tick(page, first)
        assert checked_items(page) == [second]
        assert progress(page) == f"已完成 1 / {total}"


@SIZES
def test_the_onboarding_plan_counts_its_own_boxes(
    browser: Any, example_site_url: str, viewport: dict[str, int]
) -> None:
    with reader_at(browser, example_site_url, viewport) as reader:
        page = reader.open("roles/market-research/")
        plan_items = page.evaluate(
            """() => {
              const status = document.querySelector('.handbook-checklist-status');
              let n = 0, e = status.nextElementSibling;
              while (e && e.tagName !== 'H2') {
                n += e.querySelectorAll('li.task-list-item').length;
                e = e.nextElementSibling;
              }
              return n;
            }"""
        )
        assert plan_items > 3
        assert progress(page) == f"已完成 0 / {plan_items}"
        first = page.locator("article li.task-list-item").first.inner_text().strip()
        tick(page, first)
        assert progress(page) == f"已完成 1 / {plan_items}"
        page.screenshot(path=artifact(f"onboarding-progress-{viewport['width']}.png"))


def export_ticks(page: Any, folder: Path) -> Path:
    with page.expect_download() as download_info:
        page.get_by_role("button", name="匯出我的勾選").first.click()
    download = download_info.value
    assert download.suggested_filename.startswith("手冊勾選紀錄-") and download.suggested_filename.endswith(".json")
    target = folder / download.suggested_filename
    download.save_as(target)
    return target


def import_ticks(page: Any, file: Path) -> str:
    with page.expect_file_chooser() as chooser_info:
        page.get_by_role("button", name="匯入勾選檔").first.click()
    chooser_info.value.set_files(str(file))
    message = page.locator(".handbook-checklist-message").first
    page.wait_for_function("() => document.querySelector('.handbook-checklist-message').textContent !== ''")
    return str(message.inner_text())


@SIZES
def test_ticks_carried_to_another_browser_by_file(
    browser: Any, example_site_url: str, tmp_path: Path, viewport: dict[str, int]
) -> None:
    stage = example_stage("campaign-lifecycle", "warm-up")
    first, second = stage["steps"][0]["checklist"][0], stage["steps"][1]["checklist"][0]
    with reader_at(browser, example_site_url, viewport, accept_downloads=True) as old:
        page = old.open(STAGE)
        tick(page, first)
        tick(page, second)
        role = old.open("roles/market-research/")
        tick(role, role.locator("article li.task-list-item").first.inner_text().strip())
        exported = export_ticks(role, tmp_path)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "handbook-checklist-ticks" and set(data["pages"]) == {STAGE, "roles/market-research/"}
    with reader_at(browser, example_site_url, viewport) as new:
        page = new.open(STAGE)
        assert checked_items(page) == []
        assert import_ticks(page, exported) == "已匯入 3 個勾選（2 頁）。"
        assert checked_items(page) == [first, second]  # shown at once, without a reload
        assert progress(page).startswith("已完成 2 / ")
        role = new.open("roles/market-research/")
        assert progress(role).startswith("已完成 1 / ")
        assert new.console_errors == [] and new.dialogs == []


HOSTILE_FILES = {
    "not-json.json": "<script>alert('x')</script>",
    "other-json.json": json.dumps({"hello": "world"}),
    "array.json": "[1, 2, 3]",
    "proto.json": '{"format": "handbook-checklist-ticks", "version": 1, "pages": {"__proto__": {"a/1": true}}}',
    "outside.json": json.dumps(
        {"format": "handbook-checklist-ticks", "version": 1, "pages": {"../../etc/": {"a/1": True}}}
    ),
    "absolute.json": json.dumps(
        {"format": "handbook-checklist-ticks", "version": 1, "pages": {"https://evil.example/": {"a/1": True}}}
    ),
    "not-true.json": json.dumps(
        {"format": "handbook-checklist-ticks", "version": 1, "pages": {"x/": {"a/1": "<img src=x onerror=alert(1)>"}}}
    ),
    "markup-key.json": json.dumps(
        {"format": "handbook-checklist-ticks", "version": 1, "pages": {"x/": {"<img src=x onerror=alert(1)>": True}}}
    ),
    "wrong-version.json": json.dumps({"format": "handbook-checklist-ticks", "version": 99, "pages": {}}),
}


@SIZES
def test_a_wrong_or_hostile_ticks_file_is_refused_with_a_clear_message(
    browser: Any, example_site_url: str, tmp_path: Path, viewport: dict[str, int]
) -> None:
    stage = example_stage("campaign-lifecycle", "warm-up")
    first = stage["steps"][0]["checklist"][0]
    files = {name: tmp_path / name for name in HOSTILE_FILES}
    for name, text in HOSTILE_FILES.items():
        files[name].write_text(text, encoding="utf-8")
    huge = tmp_path / "huge.json"
    huge.write_text(
        '{"format": "handbook-checklist-ticks", "version": 1, "pages": {"x/": {'
        + '"a/1": true,' * 200_000
        + '"b/1": true}}}'
    )
    with reader_at(browser, example_site_url, viewport) as reader:
        page = reader.open(STAGE)
        tick(page, first)
        before = page.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())")
        for file in [*files.values(), huge]:
            message = import_ticks(page, file)
            expected = "檔案太大" if file == huge else "不是本手冊「匯出我的勾選」存下的勾選檔"
            assert expected in message, (file.name, message)
            assert "勾選沒有改變" in message
            page.evaluate("() => { document.querySelector('.handbook-checklist-message').textContent = ''; }")
        # Nothing written, nothing run, the page still works.
        assert page.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())") == before
        assert reader.dialogs == [] and reader.console_errors == []
        assert checked_items(page) == [first]
        tick(page, first)
        assert checked_items(page) == []


# --- the dark theme ------------------------------------------------------------------------------


@SIZES
def test_the_palette_switch_turns_the_site_dark_and_remembers_it(
    browser: Any, example_site_url: str, viewport: dict[str, int]
) -> None:
    with reader_at(browser, example_site_url, viewport, color_scheme="light") as reader:
        page = reader.open("roles/market-research/")
        scheme = "() => document.body.getAttribute('data-md-color-scheme')"
        assert page.evaluate(scheme) == "default"
        switch = page.locator("form[data-md-component=palette] label:visible")
        assert switch.get_attribute("title") == "切換到深色主題"
        switch.click()
        assert page.evaluate(scheme) == "slate"
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert background != "rgb(255, 255, 255)"
        other = reader.open(STAGE)
        assert other.evaluate(scheme) == "slate"
        assert other.locator("form[data-md-component=palette] label:visible").get_attribute("title") == "切換到淺色主題"
        other.screenshot(path=artifact(f"dark-{viewport['width']}.png"))
