"""Ticks follow the item, not its position: a handbook edited between two visits keeps the right boxes ticked."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.charts import drawn_chart
from tests.browser.conftest import Reader, open_reader, serve
from tests.browser.test_checklists import checked_items, tick
from tests.conftest import WriteHandbook, build_in_process

MKDOCS_YML = """\
site_name: Keys
# Material's instant navigation reads the sitemap to tell the site's own pages from others, matching
# them on protocol, host and port: the site_url must be where the test serves the site.
site_url: {site_url}
docs_dir: docs
theme:
  name: material
  language: en
  font: false
  features:
    - navigation.instant
plugins:
  - search
  # Mermaid from the site: a process page swapped in by instant navigation draws its flow offline.
  - handbook:
      mermaid: local
markdown_extensions:
  - attr_list
  - pymdownx.tasklist:
      custom_checkbox: true
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""


def process(steps: str) -> str:
    return textwrap.dedent("""\
        id: weekly
        title: Weekly
        owner: lead
        stages:
          - id: plan
            title: Plan
            steps:
        """) + textwrap.indent(textwrap.dedent(steps), " " * 6)


def step(step_id: str, items: list[str]) -> str:
    lines = [
        f"- id: {step_id}",
        f"  title: Step {step_id}",
        "  raci:",
        "    R: [member]",
        "    A: lead",
        "  checklist:",
    ]
    return "\n".join(lines + [f"    - {item}" for item in items]) + "\n"


BEFORE = process(step("draft", ["Write the outline", "Ask for review"]) + step("send", ["Send it", "Ask for review"]))
# Steps swapped, a new step first, a new item at the top of `send`: every position changed.
AFTER = process(
    step("kickoff", ["Ask for review"])
    + step("send", ["Check the list", "Send it", "Ask for review"])
    + step("draft", ["Write the outline", "Ask for review"])
)


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "docs").mkdir()
        (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")

    def build(self, process_yaml: str, *, site_url: str) -> None:
        (self.root / "mkdocs.yml").write_text(MKDOCS_YML.format(site_url=site_url), encoding="utf-8")
        (self.root / "processes" / "weekly.yml").write_text(process_yaml, encoding="utf-8")
        build_in_process(self.root)


@pytest.fixture
def project(write_handbook: WriteHandbook) -> Project:
    return Project(write_handbook())


@pytest.fixture
def keys_reader(browser: Any, project: Project) -> Iterator[Reader]:
    # The server serves the folder at each request: start it first to know the URL, then build.
    with serve(project.root / "site") as url:
        project.build(BEFORE, site_url=url)
        with open_reader(browser, url) as reader:
            yield reader


def ticked_by_step(page: Any) -> list[tuple[str, str]]:
    """(id of the step heading above it, text) of every ticked item."""
    found = page.eval_on_selector_all(
        "article li.task-list-item",
        """items => {
          const steps = [...document.querySelectorAll("article h2[id]")];
          const above = li => steps.filter(h => h.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
          return items.filter(li => li.querySelector("input").checked).map(li => [above(li).id, li.textContent]);
        }""",
    )
    return [(step_id, " ".join(text.split())) for step_id, text in found]


def test_a_tick_stays_on_its_item_after_steps_and_items_move(keys_reader: Reader, project: Project) -> None:
    page = keys_reader.open("processes/weekly/plan/")
    tick(page, "Send it")
    tick(page, "Ask for review", nth=1)  # the same text is under `draft` too: tick the one under `send`
    assert ticked_by_step(page) == [("send", "Send it"), ("send", "Ask for review")]

    project.build(AFTER, site_url=keys_reader.base_url)
    page.reload()
    assert ticked_by_step(page) == [("send", "Send it"), ("send", "Ask for review")]


def test_ticks_survive_instant_navigation(keys_reader: Reader) -> None:
    page = keys_reader.open("processes/weekly/plan/")
    tick(page, "Write the outline")
    page.evaluate("window.sameDocument = true")
    # Material's instant navigation swaps the page in place; the script must set up each new page.
    page.locator("article a", has_text="Weekly").first.click()
    page.wait_for_function("location.pathname.endsWith('/processes/weekly/')")
    assert "Plan" in drawn_chart(page, "Plan")[0]  # the flow, drawn by the site's own Mermaid
    page.locator("article a", has_text="Plan").first.click()
    page.wait_for_function("location.pathname.endsWith('/processes/weekly/plan/')")
    page.locator("article li.task-list-item").first.wait_for()
    assert checked_items(page) == ["Write the outline"]
    assert page.evaluate("window.sameDocument") is True  # no reload happened: it was instant navigation
    assert keys_reader.console_errors == []
    assert keys_reader.outside_requests == []
