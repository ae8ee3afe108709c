"""Each value is escaped for the output it lands in, proved on real `mkdocs build`s read with an HTML parser.

Block syntax at the start of a value, table separators and code spans in titles,
titles handed to the theme, glossary tooltips and Mermaid labels; the browser
side of the same is in tests/browser/test_hostile_everywhere.py.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.render.escaping import markdown_text, mermaid_label, theme_title
from generator.source.glossary import abbreviation_title
from tests.conftest import WriteHandbook, handbook_in_process
from tests.site.conftest import build_handbook, make_site_project, read_html

# Every block extension the example or a site might add, so a value could open any of these blocks.
BLOCK_EXTENSIONS = """\
  - admonition
  - abbr
  - def_list
  - footnotes
  - toc
  - pymdownx.details
  - pymdownx.tabbed
  - pymdownx.fancylists
  - pymdownx.blocks.admonition
"""

# Block syntax a one-line value may start with, each with what it would have made.
BLOCK_STARTS = {
    "# 標題": "h1",
    "!!! danger 危險": ".admonition",
    "??? note 摺疊": "details",
    "> 引用": "blockquote",
    "- 清單": "ul",
    "* 星號": "ul",
    "+ 加號": "ul",
    "1. 編號": "ol",
    "1) 括號編號": "ol",
    "a. 字母編號": "ol",
    "=== 分頁": ".tabbed-set",
    "---": "hr",
    "***": "hr",
    "___": "hr",
    "::: 區塊": "dl",
    ": 定義": "dl",
    "/// danger | 區塊": ".admonition",
    "| 表 | 格 |": "table",
    "``` 圍欄": "pre, code",
    "~~~ 圍欄": "pre, code",
    "[^1]: 註腳": ".footnote",
    "*[KPI]: 縮寫": "abbr",
    "<!-- 註解": "",
    "[ ] 勾選": "input",
    "[TOC]": ".toc",
}


def _yaml_list(values: list[str], indent: int) -> str:
    return "".join(f"{' ' * indent}- {json.dumps(value, ensure_ascii=False)}\n" for value in values)


def _build(root: Path, *, extensions: str = BLOCK_EXTENSIONS, features: str = "") -> Path:
    """Build the handbook at `root` with every rule that objects to its values switched off."""
    make_site_project(root)
    found = json.loads(handbook_in_process("validate", ".", "--format", "json", cwd=root).stdout or "[]")
    rules = "".join(f"        {code}: 'off'\n" for code in sorted({problem["code"] for problem in found}))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - handbook\n", "  - handbook:\n      rules:\n" + (rules or "        {}\n"))
    text = text.replace("  font: false\n", "  font: false\n" + features)
    config.write_text(text + extensions, encoding="utf-8")
    result = build_handbook(".", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_block_syntax_at_the_start_of_a_value_stays_text(write_handbook: WriteHandbook) -> None:
    starts = list(BLOCK_STARTS)
    role = (
        "id: member\ntitle: 組員\nreports_to: lead\n"
        f"summary: {json.dumps(starts[0], ensure_ascii=False)}\n"
        "responsibilities:\n" + _yaml_list(starts, 2) + "metrics:\n" + _yaml_list(starts, 2)
    )
    process = (
        "id: weekly\ntitle: 每週例行\nowner: lead\nstages:\n  - id: plan\n    title: '# 計劃'\n"
        f"    summary: {json.dumps(starts[1], ensure_ascii=False)}\n    steps:\n"
        "      - id: write-plan\n        title: '1. 撰寫計劃'\n"
        f"        details: {json.dumps(starts[2], ensure_ascii=False)}\n"
        "        due: '> 週一'\n        raci:\n          R: [member]\n          A: lead\n"
        "        checklist:\n" + _yaml_list(starts, 10)
    )
    site = _build(write_handbook({"roles/member.yml": role, "processes/weekly.yml": process}))

    role_page = read_html(site, "roles/member").select_one("article")
    # Responsibilities and metrics: each value is one list item showing exactly what was written, and nothing more.
    for values in role_page.select("h2 + ul")[:2]:
        assert [item.get_text() for item in values.find_all("li", recursive=False)] == starts
        for start, made in BLOCK_STARTS.items():
            if made:
                assert not values.select(made), (start, values.select(made))
    assert [h1.get_text(strip=True) for h1 in role_page.select("h1")] == ["組員"]
    assert "# 標題" in role_page.select_one("h1 + p").get_text()

    stage = read_html(site, "processes/weekly/plan").select_one("article")
    assert stage.select_one("h1").get_text(strip=True) == "# 計劃"
    assert stage.select_one("h2").get_text(strip=True) == "1. 撰寫計劃"
    checklist = [item.get_text(strip=True) for item in stage.select("li.task-list-item")]
    assert checklist == [start.strip() for start in starts]
    for made in ("blockquote", ".admonition", "details", "ol", "hr", "table", "pre", ".tabbed-set", "dl"):
        assert not stage.select(made), made
    assert "> 週一" in stage.get_text()


def _rows(table: BeautifulSoup) -> list[list[str]]:
    return [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.select("tr")]


TABLE_BREAKERS = "a | b `c | d` e \\| f \\"


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_pipes_backticks_and_backslashes_never_shift_a_table_column(write_handbook: WriteHandbook) -> None:
    lead = _yaml({"id": "lead", "title": "組長 " + TABLE_BREAKERS, "summary": "`|", "metrics": ["指標 | `x`"]})
    member = _yaml({"id": "member", "title": "`組員` | \\", "reports_to": "lead", "summary": "x \\"})
    step = {"id": "write-plan", "title": "撰寫 | 計劃 `", "due": "`|`", "raci": {"R": ["member"], "A": "lead"}}
    check = {"id": "check-plan", "title": "\\", "raci": {"R": ["lead"], "A": "member"}}
    stage = {"id": "plan", "title": "計劃 ` | \\", "steps": [step, check]}
    process = _yaml({"id": "weekly", "title": "每週 | `例行`", "summary": "|", "owner": "lead", "stages": [stage]})
    site = _build(write_handbook({"roles/lead.yml": lead, "roles/member.yml": member, "processes/weekly.yml": process}))
    header, *rows = _rows(read_html(site, "processes/weekly").select("article table.handbook-raci__table")[0])
    assert header == ["步驟", "組長 " + TABLE_BREAKERS, "`組員` | \\"]
    assert rows == [
        ["計劃 ` | \\"],
        ["撰寫 | 計劃 `", "A", "R"],
        ["\\", "R", "A"],
    ]
    header, *rows = _rows(read_html(site, "roles/member").select("article table")[0])
    assert rows == [
        ["每週 | `例行`", "計劃 ` | \\", "撰寫 | 計劃 `", "負責執行", "`|`"],
        ["每週 | `例行`", "計劃 ` | \\", "\\", "當責", ""],
    ]
    _, *rows = _rows(read_html(site, "roles").select("article table")[0])
    # The head reports to no one: an empty cell, no "—".
    assert rows == [["組長 " + TABLE_BREAKERS, "`|", ""], ["`組員` | \\", "x \\", "組長 " + TABLE_BREAKERS]]
    _, *rows = _rows(read_html(site, "processes").select("article table")[0])
    assert rows == [["每週 | `例行`", "|", "計劃 ` | \\", "組長 " + TABLE_BREAKERS]]
    _, *rows = _rows(read_html(site, "metrics").select("article table")[0])
    assert rows == [["指標 | `x`", "組長 " + TABLE_BREAKERS]]
    assert not read_html(site, "processes/weekly").select("article table code")


HOSTILE_TITLE = "</title><script>alert(1)</script><img src=x onerror=alert(2)> &lt;b&gt;"


def test_titles_reach_the_theme_as_text_even_when_read_as_html_twice(write_handbook: WriteHandbook) -> None:
    lead = f"id: lead\ntitle: {json.dumps(HOSTILE_TITLE)}\n"
    process = f"""\
        id: weekly
        title: {json.dumps("每週" + HOSTILE_TITLE)}
        owner: lead
        stages:
          - id: plan
            title: 計劃
            steps:
              - id: write-plan
                title: {json.dumps("撰寫" + HOSTILE_TITLE)}
                raci:
                  R: [member]
                  A: lead
        """
    site = _build(write_handbook({"roles/lead.yml": lead, "processes/weekly.yml": process}))
    raw = (site / "processes" / "weekly" / "plan" / "index.html").read_text(encoding="utf-8")
    # One <title>, closed where the theme closes it, and no tag from the value anywhere in the page.
    assert raw.count("</title>") == 1
    assert "<img src=x" not in raw
    assert "<script>alert" not in raw
    for url in ("roles/lead", "processes/weekly"):
        page = read_html(site, url)
        # What the reader sees (a word joiner, U+2060, follows each `<`: see render.theme_title).
        seen = page.title.get_text().replace("\u2060", "")
        assert "</title><script>alert(1)</script><img src=x onerror=alert(2)>" in seen
        assert not page.select("img, title script")
    page = read_html(site, "processes/weekly/plan")
    section = page.select_one(".md-nav__item--nested .md-nav__item--nested > label.md-nav__link")
    assert section is not None
    texts = [
        section.get_text(" ", strip=True),
        *(link.get_text(strip=True) for link in page.select(".md-sidebar--primary a.md-nav__link")),
        *(link.get_text(strip=True) for link in page.select(".md-sidebar--secondary a.md-nav__link")),
    ]
    shown = [text.replace("\u2060", "") for text in texts if "alert" in text]
    assert any(text.startswith("每週</title>") for text in shown)  # the process's section in the navigation
    assert any(text.startswith("撰寫</title>") for text in shown)  # the step in the table of contents
    assert any(text.startswith("</title>") for text in shown)  # the role's page in the navigation
    # Read as HTML once more (as Material's tooltip for a long link does), each is still only text.
    for text in texts:
        assert not BeautifulSoup(text, "html.parser").find(True), text


@pytest.mark.parametrize("tooltips", [True, False])
def test_glossary_tooltips_show_entities_and_tags_as_text(write_handbook: WriteHandbook, tooltips: bool) -> None:
    glossary = """\
        terms:
          - term: GMV
            expansion: "&lt;img src=x onerror=alert(1)&gt; &#60;b&#62;"
            explanation: "<img src=x onerror=alert(2)> &amp;lt; R&D \\"引號\\""
        """
    root = write_handbook({"glossary.yml": glossary})
    features = "  features:\n    - content.tooltips\n" if tooltips else ""
    site = _build(root, features=features)
    abbr = read_html(site, "glossary").select_one("article abbr")
    assert abbr is not None
    written = '&lt;img src=x onerror=alert(1)&gt; &#60;b&#62;：<img src=x onerror=alert(2)> &amp;lt; R&D "引號"'
    # The browser's own tooltip shows the attribute's value; Material's writes it in as HTML.
    shown = BeautifulSoup(abbr["title"], "html.parser").get_text() if tooltips else abbr["title"]
    assert shown == written
    if tooltips:
        assert not BeautifulSoup(abbr["title"], "html.parser").find(True)


def test_abbreviation_title_escapes_once_for_the_browser_and_twice_for_html_tooltips() -> None:
    assert abbreviation_title("<b> &lt;", read_as_html=False) == "&lt;b&gt; &amp;lt;"
    assert abbreviation_title("<b> &lt;", read_as_html=True) == "&amp;lt;b&amp;gt; &amp;amp;lt;"


def test_mermaid_labels_carry_no_mermaid_syntax() -> None:
    label = mermaid_label("計劃 %%{init: {'theme':'dark'}}%% :::evil\nclick s1 href \"https://evil.example\" `md` <b>")
    assert label == (
        '"計劃 #37;#37;#123;init#58; #123;#39;theme#39;#58;#39;dark#39;#125;#125;#37;#37; #58;#58;#58;evil '
        'click s1 href #34;https#58;#47;#47;evil#46;example#34; #96;md#96; #60;b#62;"'
    )
    # Only letters, digits, spaces and non-ASCII text stay as they are; the label is one line.
    inner = str(label)[1:-1]
    assert re.fullmatch(r"(?:[A-Za-z0-9 ]|[^\x00-\x7f]|#\d+;)*", inner)


def test_markdown_text_writes_a_block_start_as_an_entity_and_keeps_inline_markdown() -> None:
    assert markdown_text("# 標題") == "&#35; 標題"
    assert markdown_text("1. 一") == "1&#46; 一"
    assert markdown_text("- 一") == "&#45; 一"
    assert markdown_text("**粗體** 開頭") == "**粗體** 開頭"
    assert markdown_text("a`b|c\\") == "a&#96;b\\|c\\\\"
    assert html.unescape(str(markdown_text("***"))) == "***"


def test_theme_title_breaks_every_tag_start() -> None:
    title = theme_title("a &lt;img src=x&gt; &#60;/title&gt; &amp;lt;")
    assert title == "a &lt;\u2060img src=x&gt; &lt;\u2060/title&gt; &amp;lt;"
    once = html.unescape(title)
    assert not BeautifulSoup(once, "html.parser").find(True)
