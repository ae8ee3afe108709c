"""The checklist downloads of a real build hold hostile values as text only.

The CSV must not start a formula in any field, however a spreadsheet splits its lines
(comma, semicolon, tab, pipe, space, full-width punctuation); the Markdown must render
to nothing but headings, paragraphs and one list item per checklist item.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import handbook_in_process
from tests.github_markdown import github_html
from tests.site.conftest import build_handbook, make_site_project

# Checklist items as YAML double-quoted scalars, each with what a reader must see (written by hand).
ITEMS = {
    r'"=HYPERLINK(\"https://evil.example\",\"點我\")"': '=HYPERLINK("https://evil.example","點我")',
    "\"確認;=cmd|' /C calc'!A0\"": "確認;=cmd|' /C calc'!A0",
    r'"a,+1+1"': "a,+1+1",
    r'"b\t-2+3"': "b -2+3",
    r'"c|@SUM(1+1)"': "c|@SUM(1+1)",
    r'"d，＝1+1；－1"': "d，＝1+1；－1",
    r'"e\n=1+1"': "e =1+1",
    r'"f \"=1+1\""': 'f "=1+1"',
    r'"<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](x.png)"': (
        "<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](x.png)"
    ),
    r'"**b** ~~s~~ _i_ `code` https://evil.example www.evil.example &lt;b&gt; \\"': (
        "**b** ~~s~~ _i_ `code` https://evil.example www.evil.example &lt;b&gt; \\"
    ),
    r'"## heading\n- fake item\n> quote"': "## heading - fake item > quote",
}
STEP_TITLE = '"+標題 <b>x</b> [l](https://evil.example)"', "+標題 <b>x</b> [l](https://evil.example)"
OWNER_TITLE = '"@組長;=1"', "@組長;=1"
DUE = '"-1, 週五"', "-1, 週五"

PROCESS = f"""\
id: weekly
title: 每週例行
owner: lead
stages:
  - id: plan
    title: 計劃
    steps:
      - id: write-plan
        title: {STEP_TITLE[0]}
        due: {DUE[0]}
        raci:
          R: [member]
          A: lead
        checklist:
""" + "".join(f"          - {item}\n" for item in ITEMS)

FORMULA_STARTERS = tuple("=+-@＝＋－＠")
SEPARATORS = (",", ";", "\t", "|", " ", "，", "；", "｜", "\u3000")


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The CSV and Markdown checklist of the one stage, from a real `handbook build`."""
    root = tmp_path_factory.mktemp("downloads")
    files = {
        "roles/lead.yml": f"id: lead\ntitle: {OWNER_TITLE[0]}\n",
        "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\n",
        "processes/weekly.yml": PROCESS,
    }
    for relative, content in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(content, encoding="utf-8")
    make_site_project(root)
    # Switch off every rule that objects: what is left to keep the values inert is the writing itself.
    found = json.loads(handbook_in_process("validate", ".", "--format", "json", cwd=root).stdout or "[]")
    rules = json.dumps(dict.fromkeys(sorted({problem["code"] for problem in found}), "off"))
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - handbook\n", f"  - handbook:\n      rules: {rules}\n"),
        encoding="utf-8",
    )
    result = build_handbook(".", cwd=root)
    assert result.returncode == 0, result.stderr
    folder = root / "site" / "processes" / "weekly"
    return (
        (folder / "plan.checklist.csv").read_bytes().decode("utf-8-sig"),
        Path(folder / "plan.checklist.md.txt").read_text(encoding="utf-8"),
    )


def test_csv_reads_back_one_row_per_item_with_every_value(downloads: tuple[str, str]) -> None:
    rows = list(csv.reader(io.StringIO(downloads[0])))
    assert rows[0] == ["步驟代號", "步驟", "當責", "期限", "檢查項目"]  # the header in the handbook's language
    assert len(rows) == 1 + len(ITEMS)
    # A value a formula could start in keeps its text, with a `'` where a field could begin.
    assert rows[1] == [
        "write-plan",
        "'+標題 <b>x</b> [l](https://evil.example)",
        "'@組長;'=1",
        "'-1, 週五",
        rows[1][4],
    ]
    assert [row[4] for row in rows[1:]] == [
        '\'=HYPERLINK("https://evil.example","點我")',
        "確認;'=cmd|' /C calc'!A0",
        "a,'+1+1",
        "b '-2+3",
        "c|'@SUM(1+1)",
        "d，'＝1+1；'－1",
        "e '=1+1",
        'f "\'=1+1"',
        "<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](x.png)",
        "**b** ~~s~~ _i_ `code` https://evil.example www.evil.example &lt;b&gt; \\",
        "## heading '- fake item > quote",
    ]


@pytest.mark.parametrize("separator", SEPARATORS, ids=[f"U+{ord(s):04X}" for s in SEPARATORS])
def test_no_field_starts_a_formula_whatever_a_spreadsheet_splits_on(downloads: tuple[str, str], separator: str) -> None:
    # The worst import: every separator starts a field, quotes or not, and spaces are trimmed.
    for line in downloads[0].splitlines():
        for field in line.split(separator):
            shown = field.strip().strip('"').strip()
            assert not shown.startswith(FORMULA_STARTERS), (separator, field, line)


def test_markdown_renders_to_text_only_with_one_task_per_item(downloads: tuple[str, str]) -> None:
    # As GitHub renders it when the list is pasted into an issue: a task list, and values as text.
    page = github_html(downloads[1])
    assert {tag.name for tag in page.find_all(True)} <= {"h2", "h3", "p", "ul", "li", "code", "input"}
    assert [li.get_text().strip() for li in page.find_all("li")] == list(ITEMS.values())
    assert len(page.select("li > input[type=checkbox]")) == len(ITEMS)
    (heading,) = page.find_all("h3")
    assert heading.get_text() == f"{STEP_TITLE[1]} (write-plan)"
    assert OWNER_TITLE[1] in page.get_text() and DUE[1] in page.get_text()
