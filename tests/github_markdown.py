"""Markdown rendered as GitHub renders comments and issues: cmark-gfm with its extensions, raw HTML let through.

Letting HTML through (GitHub sanitises afterwards) shows whether a value became HTML at all.
"""

from __future__ import annotations

import cmarkgfm
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options


def github_html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(
        cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE), "html.parser"
    )
