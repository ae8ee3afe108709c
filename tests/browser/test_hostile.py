"""Hostile text in the YAML runs nothing in a real browser, even with every rule that objects switched off."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Reader, open_reader, serve
from tests.conftest import build_in_process, handbook_in_process, write_minimal

HOSTILE_ROLE = """\
    id: member
    title: <script>alert('title')</script>組員
    summary: "[點我](javascript:alert('link')) <a href=\\"javascript:alert('a')\\">連結</a>"
    reports_to: lead
    responsibilities:
      - <img src=x onerror=alert('img')>
      - "[大小寫](JaVaScRiPt:alert('case')) [空白]( javascript:alert('space'))"
      - "[實體](&#106;avascript:alert('entity')) ![圖](javascript:alert('image'))"
      - <svg onload=alert('svg')></svg>
      - "[屬性](https://example.com){: onclick=\\"alert('attr')\\" }"
      - "[安全](../lead/)"
"""

HOSTILE_PROCESS = """\
    id: weekly
    title: 每週例行
    owner: lead
    stages:
      - id: plan
        title: "計劃<img src=x onerror=alert('mermaid')>\\nclick s1 href \\"javascript:alert('mermaid-click')\\""
        steps:
          - id: write-plan
            title: 撰寫計劃<iframe src="javascript:alert('iframe')"></iframe>
            details: "<details open ontoggle=alert('details')>"
            raci:
              R: [member]
              A: lead
            checklist:
              - "=HYPERLINK(\\"https://evil.example\\",\\"點我\\")"
              - "<a href='javascript:alert(\\"item\\")'>項目</a>"
"""

MKDOCS_YML = """\
site_name: Hostile
docs_dir: docs
theme:
  name: material
  language: zh-Hant
  font: false
plugins:
  - search
  - handbook:
      mermaid: local
      rules: {rules}
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


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Built once for the module: its tests only read the site."""
    files = {"roles/member.yml": HOSTILE_ROLE, "processes/weekly.yml": HOSTILE_PROCESS}
    root = write_minimal(tmp_path_factory.mktemp("hostile"), files)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# 首頁\n", encoding="utf-8")
    # Switch off every rule that objects: what is left to stop the attack is the rendering itself.
    found = json.loads(handbook_in_process("validate", ".", "--format", "json", cwd=root).stdout or "[]")
    objecting = sorted({problem["code"] for problem in found})
    (root / "mkdocs.yml").write_text(
        MKDOCS_YML.format(rules=json.dumps(dict.fromkeys(objecting, "off"))), encoding="utf-8"
    )
    with serve(build_in_process(root)) as url:
        yield url


@pytest.fixture
def hostile_reader(browser: Any, hostile_site: str) -> Iterator[Reader]:
    with open_reader(browser, hostile_site, accept_downloads=True) as reader:
        yield reader


# The texts of the hostile links above.
# 安全 is a harmless relative link, clicked to show the clicking works.
BAIT = ("點我", "連結", "大小寫", "空白", "實體", "屬性", "項目", "安全")
PAGES = ["roles/member/", "roles/", "processes/weekly/", "processes/weekly/plan/", "org-chart/"]

_SCRIPT_URLS = """() => [...document.querySelectorAll("a[href], area[href], iframe[src], form[action]")]
  .filter(e => (e.href || e.src || e.action || "").trim().toLowerCase().startsWith("javascript:"))
  .map(e => e.outerHTML)"""


def test_hostile_values_run_nothing_and_leave_no_script_link(hostile_reader: Reader) -> None:
    script_links: list[str] = []
    clicked: list[str] = []
    for path in PAGES:
        page = hostile_reader.open(path)
        page.wait_for_load_state("networkidle")
        script_links += [f"{path}: {html}" for html in page.evaluate(_SCRIPT_URLS)]
        # What a reader does: hover the text, click what the attacker made look like a link (within the site).
        page.locator("article").hover()
        for text in BAIT:
            index = 0
            while True:
                if page.url != hostile_reader.base_url + path:
                    page = hostile_reader.open(path)  # the last click went somewhere: come back
                links = page.locator("article a:not([href^='http:']):not([href^='https:'])", has_text=text)
                if index >= links.count():
                    break
                links.nth(index).click()
                clicked.append(f"{path}: {text}")
                index += 1
    assert script_links == []
    assert "roles/member/: 安全" in clicked
    assert hostile_reader.dialogs == []
    assert hostile_reader.outside_requests == []
    # The hostile text is shown as text, so the reader sees what was written.
    page = hostile_reader.open("roles/member/")
    assert "<script>alert('title')</script>組員" in page.locator("article h1").inner_text()


def test_a_formula_in_a_checklist_item_stays_text_in_the_csv(hostile_reader: Reader) -> None:
    page = hostile_reader.open("processes/weekly/plan/")
    with page.expect_download() as info:
        page.locator(".md-content a", has_text="CSV").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    items = [row[4] for row in rows[1:]]
    assert items[0] == '\'=HYPERLINK("https://evil.example","點我")'
    assert hostile_reader.dialogs == []
