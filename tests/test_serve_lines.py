"""What `handbook serve` prints for a rebuild: the handbook's report first, then MkDocs' warnings, in its words.

The records are the ones MkDocs and the plugin log during a rebuild, in the order they
log them (MkDocs warns while building pages, the plugin reports at the end).
"""

from __future__ import annotations

import io
import logging

from generator.engines.serve import REBUILD_REPORT, SHOWS_ERRORS, RebuildLines

LINK = "Doc file 'editing.md' contains a link 'rules.md', but the target is not found among documentation files."


def _printed(*records: tuple[str, int, str, dict[str, bool]]) -> list[str]:
    stream = io.StringIO()
    lines = RebuildLines(language="zh-Hant", docs_dir="handbook", stream=stream)
    for name, level, text, extra in records:
        record = logging.LogRecord(name, level, __file__, 1, text, None, None)
        record.__dict__.update(extra)
        lines.handle(record)
    return stream.getvalue().splitlines()


def test_mkdocs_warnings_come_after_the_report_in_the_handbooks_words() -> None:
    printed = _printed(
        ("mkdocs.commands.build", logging.INFO, "Building documentation...", {}),
        ("mkdocs.structure.pages", logging.WARNING, LINK, {}),
        (
            "mkdocs.plugins.handbook.serve",
            logging.INFO,
            "handbook: 已重新建置：沒有錯誤（0.9 秒）",
            {REBUILD_REPORT: True},
        ),
    )
    assert printed == [
        "handbook: 已重新建置：沒有錯誤（0.9 秒）",
        "handbook/editing.md：連到 rules.md 的連結找不到網站上的頁面：請改正或刪除這個連結",
    ]


def test_while_the_preview_shows_errors_links_to_the_missing_pages_are_not_reported() -> None:
    report = "handbook: 已重新建置：1 個錯誤，修正前瀏覽器會顯示錯誤清單（0.4 秒）\n  roles/x.yml:3:1: error HB001 …"
    printed = _printed(
        ("mkdocs.structure.pages", logging.WARNING, LINK, {}),
        ("mkdocs.structure.pages", logging.WARNING, "Some other warning", {}),
        ("mkdocs.plugins.handbook.serve", logging.INFO, report, {REBUILD_REPORT: True, SHOWS_ERRORS: True}),
    )
    assert printed == [*report.splitlines(), "Some other warning"]


def test_a_findings_page_shows_quoted_values_as_code_and_everything_as_text() -> None:
    import markdown
    from lxml import html

    from generator.engines.mkdocs_plugin.preview import errors_page
    from generator.source.problems import Problem

    message = "步驟 `<img src=x onerror=alert(1)>` 的 `C` 指定了 **粗** [x](javascript:alert(1)) `{: .x }` 與 `a|b`"
    problem = Problem("processes/p.yml", 3, 5, code="HB030", severity="error", message=message, rule="known-roles")
    page = errors_page([problem], language="zh-Hant", rules_href="rules.md", never_built=False)
    body = page.split("---\n", 2)[2]
    tree = html.fromstring(markdown.markdown(body, extensions=["attr_list", "md_in_html"]))
    (item,) = tree.findall(".//li")
    assert [code.text_content() for code in item.findall(".//code")] == [
        "<img src=x onerror=alert(1)>",
        "C",
        "{: .x }",
        "a|b",
    ]
    assert item.findall(".//img") == [] and item.findall(".//script") == []
    assert [link.get("href") for link in item.findall(".//a")] == ["rules.md#hb030"]
    assert "`" not in item.text_content()
