"""The no-raw-html rule finds markup exactly where Chromium's HTML parser makes some.

Each value is parsed as the page holds it, inside a paragraph; it is markup when the
paragraph ends up holding anything but the value as one text node.
"""

from __future__ import annotations

from typing import Any

from generator.source.texts import html_markup
from tests.rules.test_no_raw_html import BROWSER_MARKUP, NOT_MARKUP

# Markdown turns these into links before a browser sees them; to a browser alone they are tags.
AUTOLINKS = frozenset({"<https://example.com/a?b=c>", "<hr@example.com>"})

IS_MARKUP = """value => {
    const doc = new DOMParser().parseFromString('<p>' + value + '</p>', 'text/html');
    const p = doc.body.firstChild;
    const onlyText = doc.body.childNodes.length === 1 && p.childNodes.length === 1
        && p.firstChild.nodeType === Node.TEXT_NODE && p.firstChild.data === value;
    return !onlyText;
}"""


def test_the_rule_and_chromium_agree_on_what_is_markup(browser: Any) -> None:
    page = browser.new_page()
    try:
        page.goto("about:blank")
        values = [*BROWSER_MARKUP, *(text for text in NOT_MARKUP if text not in AUTOLINKS)]
        disagreements = {
            value: (chromium, html_markup(value) is not None)
            for value in values
            if (chromium := page.evaluate(IS_MARKUP, value)) != (html_markup(value) is not None)
        }
        assert disagreements == {}
        assert all(page.evaluate(IS_MARKUP, value) for value in AUTOLINKS)
    finally:
        page.close()
