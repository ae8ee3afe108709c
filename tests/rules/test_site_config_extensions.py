"""HB092 site-config-extensions: each Markdown extension is installed and written as a name or a name with options."""

from __future__ import annotations

import pytest

from tests.conftest import WriteHandbook
from tests.rules._site_config import GOOD, site_problems


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (("  - admonition", "  - admonitoin"), (11, 5), "`admonitoin`"),
        (("  - admonition", "  - !!python/object:collections.OrderedDict {}"), (11, 5), "名稱"),
        (("  - admonition", "  - {admonition: {}, abbr: {}}"), (11, 5), "名稱"),
        (("      permalink: true\n", ""), None, None),
        (("  - toc:\n      permalink: true", "  - toc: true\n  - x:\n      permalink: true"), (12, 10), "選項"),
        (("markdown_extensions:", "markdown_extensions: admonition\nx:"), (10, 22), "清單"),
        (("      permalink: true", "      permalnk: true"), (13, 7), "`permalink`"),
        (("      custom_fences:\n", "      custom_fences:\n        - mermaid\n"), (18, 7), "載入不了"),
    ],
    ids=["typo", "python-object", "two-names", "still-fine", "options-not-mapping", "not-a-list", "option", "refused"],
)
def test_an_extension_mkdocs_cannot_load_is_an_error_at_its_item(
    write_handbook: WriteHandbook, change: tuple[str, str], where: tuple[int, int] | None, words: str | None
) -> None:
    old, new = change
    assert old in GOOD
    found = site_problems(write_handbook(), GOOD.replace(old, new), "HB092")
    if where is None:
        assert found == []
        return
    assert [row[:2] for row in found][:1] == [where], found
    assert words in found[0][2]


def test_installed_extensions_by_short_name_module_and_class_pass(write_handbook: WriteHandbook) -> None:
    config = GOOD.replace("  - admonition", "  - admonition\n  - markdown.extensions.abbr\n  - pymdownx.tasklist")
    assert site_problems(write_handbook(), config, "HB092") == []
