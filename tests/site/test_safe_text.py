"""Hostile YAML values, rendered with the safe-text rules switched off: the HTML still runs nothing.

The validator stops these values in review; this proves the second line of
defence, the renderer, on a real `mkdocs build` read back with an HTML parser.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import WriteHandbook
from tests.site.conftest import build_handbook, make_site_project, read_html

SAFE_TEXT_RULES = (
    "safe-links",
    "no-images",
    "no-attribute-lists",
    "no-snippet-lines",
    "one-line-text",
    "no-raw-html",
    "no-bidi-controls",
    "no-invisible-characters",
)


def switch_off_safe_text_rules(root: Path, *, extensions: str = "") -> Path:
    """Rewrite the test site's mkdocs.yml so the handbook plugin turns every safe-text rule off."""
    config = root / "mkdocs.yml"
    rules = "".join(f"        {name}: 'off'\n" for name in SAFE_TEXT_RULES)
    text = config.read_text(encoding="utf-8").replace("  - handbook\n", f"  - handbook:\n      rules:\n{rules}")
    config.write_text(text + extensions, encoding="utf-8")
    return root


# Double-quoted YAML, so \x01 and \u202e are real characters in the values.
HOSTILE_ROLE = r"""
    id: member
    title: "組員 [點我](javascript:alert('title')) {: onclick=alert(0) }"
    summary: "![追蹤](https://tracker.example/p.png) 與 [資料](data:text/html;base64,PHNjcmlwdD4=)"
    reports_to: lead
    responsibilities:
      - "[大寫](JaVaScRiPt:alert(2)) 與 [控制字元](\x01javascript:alert(3)) 與 [角括號](<javascript:alert(4)>)"
      - "<javascript:alert(5)> 與 [官網](https://example.com/a?b=1&c=2) 與 [信箱](mailto:team@example.com)"
      - "[定義]: javascript:alert(6)"
      - "--8<-- \"mkdocs.yml\""
      - "反向\u202e文字 與 [相對](../lead/)"
    metrics:
      - "<img src=x onerror=alert(7)>"
    """


def test_hostile_values_render_as_text_with_the_rules_switched_off(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook({"roles/member.yml": HOSTILE_ROLE}))
    # pymdownx.snippets on: a value forming a `--8<--` line would paste mkdocs.yml into the page.
    switch_off_safe_text_rules(root, extensions="  - pymdownx.snippets\n")
    result = build_handbook(".", cwd=root)
    assert result.returncode == 0, result.stderr

    for url in ("roles/member", "roles", "processes/weekly", "processes/weekly/plan", "org-chart"):
        article = read_html(root / "site", url).select_one("article")
        assert article is not None
        assert not article.select("script, img, iframe, object, embed")
        for element in article.find_all(True):
            assert not [name for name in element.attrs if name.startswith("on")], element
        hrefs = [a["href"] for a in article.select("a[href]")]
        schemes = {href.split(":", 1)[0].lower() for href in hrefs if ":" in href.split("/", 1)[0]}
        assert schemes <= {"http", "https", "mailto"}, hrefs

    article = read_html(root / "site", "roles/member").select_one("article")
    text = article.get_text()
    hrefs = {a.get_text(): a["href"] for a in article.select("a[href]")}
    # Allowed links still work, with their query strings intact …
    assert hrefs["官網"] == "https://example.com/a?b=1&c=2"
    assert hrefs["信箱"] == "mailto:team@example.com"
    assert hrefs["相對"] == "../lead/"
    # … the forbidden ones are shown as the text that was written.
    for label in ("點我", "資料", "大寫", "控制字元", "角括號", "定義"):
        assert label not in hrefs
    assert "[點我](javascript:alert('title'))" in text
    assert "<javascript:alert(5)>" in text
    assert "[定義]: javascript:alert(6)" in text
    # No image: its syntax stays visible, and the attribute list is text too.
    assert "!追蹤" in text and hrefs["追蹤"] == "https://tracker.example/p.png"
    assert "{: onclick=alert(0) }" in text
    assert "<img src=x onerror=alert(7)>" in text
    # The snippet line pasted nothing: mkdocs.yml's content is not on the page.
    assert '--8<-- "mkdocs.yml"' in text
    assert "site_name" not in text
    # Direction and control characters are gone from the page.
    html = (root / "site" / "roles" / "member" / "index.html").read_text(encoding="utf-8")
    assert "\u202e" not in html and "\x01" not in html
    assert "反向文字" in text


def test_rules_page_lists_every_rule_with_its_summary_as_written(example_site: Path) -> None:
    """Rule summaries are our own text (zh-Hant for the example): shown as written, entities decoded in code spans."""
    from generator.render.rule_docs import rule_doc
    from generator.rules import RULES

    rows = read_html(example_site, "rules").select("article table tbody tr")
    cells = {row.select("td")[0].get_text(strip=True): row.select("td") for row in rows}
    assert sorted(cells) == sorted(rule.id for rule in RULES)
    for rule in RULES:
        shown = " ".join(cells[rule.id][3].get_text().split())
        assert shown == " ".join(rule_doc(rule, "zh-Hant").summary.replace("`", "").split()), rule.id
    assert {"HB050", "HB051", "HB052", "HB053", "HB054", "HB055", "HB056", "HB057"} <= set(cells)
    assert {"HB032", "HB033", "HB104", "HB105", "HB106", "HB107", "HB108"} <= set(cells)
