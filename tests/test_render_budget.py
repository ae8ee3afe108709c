"""A value at the length limit renders quickly whatever it is made of.

Python-Markdown's inline parsing grows faster than the text: before the renderer
wrote stray brackets as entities, 8,000 `[` took 7 s and `\\[` 24 s. Values are
capped (HB058, enforced by the plugin even with the rule off); at the cap, every
run of a character or opening the Markdown engine reacts to must convert in well
under the budget the rules have.
"""

from __future__ import annotations

import string
import time

import markdown
import pytest

from generator.render.escaping import markdown_text
from generator.source.texts import MAX_PARAGRAPH_CHARACTERS

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow

BUDGET_SECONDS = 2.0
EXTENSIONS = ["attr_list", "abbr", "admonition", "tables", "toc", "pymdownx.tasklist", "pymdownx.superfences"]
UNITS = [*string.punctuation, "[x", "](", "![", "<a ", "&#", "**", "`a", "[^", "*[", "\\[", "{:", "[a](b)", "[a]("]
UNITS += ["a@b.c ", "http://x ", "<b>", "&lt;"]


@pytest.mark.parametrize("unit", UNITS)
def test_a_value_at_the_limit_converts_within_budget(unit: str) -> None:
    value = unit * (MAX_PARAGRAPH_CHARACTERS // len(unit))
    source = "- " + str(markdown_text(value))
    converter = markdown.Markdown(extensions=EXTENSIONS)
    started = time.perf_counter()
    converter.convert(source)
    assert time.perf_counter() - started < BUDGET_SECONDS
