"""The raw-HTML shortcut (generator.render.raw_blocks) gives exactly the HTML Python-Markdown's own reader gives.

A fast path proves it equals the slow one: every generated page of the example and
of a synthetic company handbook is converted with the site's own Markdown
extensions, once as Python-Markdown reads raw HTML and once with the shortcut.
"""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from benchmarks.make_handbook import write_handbook
from generator.render.raw_blocks import EXTENSION_NAME, OPENING_LINES, RawBlocks
from generator.render.renderer import Renderer
from generator.rules.checking import check_handbook
from tests.conftest import REPO

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow


def converted_both_ways(root: Path) -> tuple[int, int]:
    """(pages converted, pages holding a raw block the shortcut took), after checking each page's HTML is equal."""
    report = check_handbook(root, language="zh-Hant")
    assert not report.errors
    pages = Renderer(report.handbook, language="zh-Hant").pages()
    cwd = Path.cwd()
    os.chdir(root)  # pymdownx.snippets reads from the site's folder
    try:
        config = load_config(str(root / "mkdocs.yml"))
        reference = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        shortcut = markdown.Markdown(
            extensions=[*config.markdown_extensions, EXTENSION_NAME], extension_configs=config.mdx_configs
        )
        with_blocks = 0
        for page in pages:
            reference.reset()
            shortcut.reset()
            assert shortcut.convert(page.content) == reference.convert(page.content), page.path
            with_blocks += any(line in OPENING_LINES for line in page.content.splitlines())
    finally:
        os.chdir(cwd)
    return len(pages), with_blocks


def test_the_examples_pages_convert_the_same() -> None:
    pages, with_blocks = converted_both_ways(REPO)
    # 13 roles, 2 processes: every role page with steps and both process pages hold a block.
    assert pages > 25 and with_blocks >= 2 + 9


def test_a_company_handbooks_pages_convert_the_same(tmp_path: Path) -> None:
    write_handbook(tmp_path, roles=60, processes=8, stages=3, steps=4, seed=7)
    pages, with_blocks = converted_both_ways(tmp_path)
    assert pages > 90 and with_blocks >= 8 + 40


@pytest.mark.parametrize(
    "text",
    [
        # Not after a blank line: Markdown reads it as part of the paragraph.
        'text\n<div class="handbook-raci">\n<p>x</p>\n</div>\n',
        # A blank line inside the block, or none after it: left to Markdown.
        '<div class="handbook-raci">\n<p>x</p>\n\n</div>\n',
        '<div class="handbook-steps">\n<p>x</p>\n</div>\nmore text\n',
        # Never closed.
        '<div class="handbook-steps">\n<div>\n</div>\n',
    ],
)
def test_blocks_the_templates_never_write_are_left_to_markdown(text: str) -> None:
    reference = markdown.Markdown()
    shortcut = markdown.Markdown(extensions=[RawBlocks()])
    assert shortcut.convert(text) == reference.convert(text)
