"""A new hire ticks off a stage checklist, downloads it, prints it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.browser.conftest import Reader, artifact, open_reader
from tests.conftest import REPO

STAGE = "processes/campaign-lifecycle/warm-up/"
CLEAR = "清除我的勾選"  # the zh-Hant "clear" label, as a reader sees it


def example_stage(process_id: str, stage_id: str) -> dict[str, Any]:
    """The stage as written in the example's YAML, read here without the tool's own loader."""
    process = yaml.safe_load((REPO / "processes" / f"{process_id}.yml").read_text(encoding="utf-8"))
    return next(stage for stage in process["stages"] if stage["id"] == stage_id)


def role_title(role_id: str) -> str:
    return str(yaml.safe_load((REPO / "roles" / f"{role_id}.yml").read_text(encoding="utf-8"))["title"])


def checked_items(page: Any) -> list[str]:
    return [
        " ".join(text.split())
        for text in page.eval_on_selector_all(
            "article li.task-list-item",
            "items => items.filter(li => li.querySelector('input').checked).map(li => li.textContent)",
        )
    ]


# Material hides the real input and draws the box as the indicator's ::before, which has no DOM
# node of its own: find where it is drawn, and click there as a reader's mouse would.
_DRAWN_BOX_CENTRE = """indicator => {
  const box = indicator.getBoundingClientRect();
  const before = getComputedStyle(indicator, "::before");
  const parent = indicator.offsetParent.getBoundingClientRect();
  const x = parent.left + parseFloat(before.left) + parseFloat(before.width) / 2;
  const y = parent.top + parseFloat(before.top) + parseFloat(before.height) / 2;
  return [before.position === "absolute" ? x : box.left, before.position === "absolute" ? y : box.top];
}"""


def tick(page: Any, item_text: str, nth: int = 0) -> None:
    """Click the box drawn before an item (the nth with that text), the way a reader does."""
    indicator = page.locator("article li.task-list-item", has_text=item_text).nth(nth).locator(".task-list-indicator")
    indicator.scroll_into_view_if_needed()
    x, y = indicator.evaluate(_DRAWN_BOX_CENTRE)
    page.mouse.click(x, y)


def test_a_ticked_item_stays_ticked_after_reload_and_clears(reader: Reader) -> None:
    stage = example_stage("campaign-lifecycle", "warm-up")
    first, second = stage["steps"][0]["checklist"][1], stage["steps"][2]["checklist"][0]
    page = reader.open(STAGE)
    assert checked_items(page) == []
    tick(page, first)
    tick(page, second)
    assert checked_items(page) == [first, second]

    page.reload()
    assert checked_items(page) == [first, second]
    page.evaluate("window.scrollTo(0, 0)")  # a full-page shot of a scrolled page repeats the sticky header
    page.screenshot(path=artifact("stage-checklist.png"), full_page=True)

    clear = page.get_by_role("button", name=CLEAR)
    assert clear.is_visible()
    clear.click()
    assert checked_items(page) == []
    page.reload()
    assert checked_items(page) == []
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('handbook-checklist:'))") == []


def test_ticks_are_kept_per_page(reader: Reader) -> None:
    here = example_stage("campaign-lifecycle", "warm-up")["steps"][0]["checklist"][0]
    page = reader.open(STAGE)
    tick(page, here)
    page = reader.open("processes/campaign-lifecycle/peak/")
    assert checked_items(page) == []
    page = reader.open(STAGE)
    assert checked_items(page) == [here]


def test_without_javascript_the_checklist_still_reads_and_no_dead_button_shows(
    browser: Any, example_site_url: str
) -> None:
    stage = example_stage("campaign-lifecycle", "warm-up")
    expected = [item for step in stage["steps"] for item in step.get("checklist", [])]
    with open_reader(browser, example_site_url, java_script_enabled=False) as reader:
        page = reader.open(STAGE)
        items = [" ".join(t.split()) for t in page.locator("article li.task-list-item").all_inner_texts()]
        assert items == expected
        assert page.locator("article li.task-list-item input[type=checkbox]").count() == len(expected)
        assert not page.get_by_role("button", name=CLEAR).is_visible()


def expected_rows(process_id: str, stage_id: str) -> list[list[str]]:
    rows = []
    for step in example_stage(process_id, stage_id)["steps"]:
        owner = role_title(step["raci"]["A"])
        for item in step.get("checklist") or [""]:
            rows.append([step["id"], step["title"], owner, step.get("due", ""), item])
    return rows


def download(page: Any, link_text: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.locator(".md-content a", has_text=link_text).first.click()
    saved = info.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


@pytest.mark.parametrize("process_id,stage_id", [("campaign-lifecycle", "warm-up"), ("marketing-management", "plan")])
def test_the_csv_download_lists_every_item_with_step_owner_and_due(
    reader: Reader, process_id: str, stage_id: str
) -> None:
    page = reader.open(f"processes/{process_id}/{stage_id}/")
    name, content = download(page, "CSV")
    assert name == f"{process_id}-{stage_id}-checklist.csv"
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM that makes spreadsheets read UTF-8
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == ["步驟代號", "步驟", "當責", "期限", "檢查項目"]  # the header in the handbook's language
    assert rows[1:] == expected_rows(process_id, stage_id)


def test_the_markdown_download_is_a_task_list_of_the_stage(reader: Reader) -> None:
    stage = example_stage("campaign-lifecycle", "warm-up")
    page = reader.open(STAGE)
    name, content = download(page, "Markdown")
    assert name == "campaign-lifecycle-warm-up-checklist.md"
    text = content.decode("utf-8")
    tasks = [line[len("- [ ] ") :] for line in text.splitlines() if line.startswith("- [ ] ")]
    assert tasks == [item for step in stage["steps"] for item in step["checklist"]]
    for step in stage["steps"]:
        assert f"### {step['title']} (`{step['id']}`)" in text


@pytest.fixture
def printed_stage(reader: Reader) -> Iterator[Any]:
    page = reader.open(STAGE)
    page.emulate_media(media="print")
    yield page


def test_print_layout_hides_navigation_and_keeps_checkboxes(printed_stage: Any) -> None:
    page = printed_stage
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    assert page.eval_on_selector(".handbook-checklist-tools", "e => getComputedStyle(e).display") == "none"
    boxes = page.eval_on_selector_all(
        "article li.task-list-item input[type=checkbox]",
        "boxes => boxes.map(b => [getComputedStyle(b).display, getComputedStyle(b).opacity])",
    )
    assert boxes and all(display != "none" and opacity == "1" for display, opacity in boxes)
    assert page.locator("article h1").inner_text().strip() == example_stage("campaign-lifecycle", "warm-up")["title"]
    page.pdf(path=artifact("stage-checklist-print.pdf"))


def test_on_screen_the_navigation_is_there(reader: Reader) -> None:
    # The counterpart of the print test: the same selectors are visible on screen, so it can fail.
    page = reader.open(STAGE)
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).display") != "none"
    assert page.locator(".handbook-checklist-tools").is_visible()
