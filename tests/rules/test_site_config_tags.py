"""HB094 site-config-tags: tags in mkdocs.yml are MkDocs' or Python's, and a Python tag names an installed module."""

from __future__ import annotations

import pytest

from tests.conftest import WriteHandbook
from tests.rules._site_config import GOOD, site_problems


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (("superfences.fence_code_format", "superfence.fence_code_format"), (21, 19), "pymdownx.superfence."),
        (("pymdownx.slugs.slugify", "pymdownx.slug.slugify"), (14, 16), "pymdownx.slug.slugify"),
        (("site_url: https://handbook.example.com/", "site_url: !env SITE_URL"), (2, 11), "`!env`"),
        (("site_url: https://handbook.example.com/", "site_url: !!python/module:no_such_module"), (2, 11), "no_such"),
        (("  name: material", "  name: !!python/object/apply:os.getcwd []"), (5, 9), "markdown_extensions"),
        (("fence_code_format", "fence_code_formt"), (21, 19), "fence_code_formt"),
        (("!!python/name:pymdownx.superfences.fence_code_format", "!!python/name:py"), (21, 19), "`py`"),
        (("site_url: https://handbook.example.com/", "site_url: !ENV {a: b}"), (2, 11), "`!ENV`"),
        (("        kwds:\n          case: lower\n", ""), (14, 16), "kwds"),
        (("fence_code_format", "fence_code_format x"), (21, 19), "`!!python/name:`"),
        (("!!python/object/apply:pymdownx.slugs.slugify", "!!python/obj"), (14, 16), "`!!python/obj`"),
    ],
    ids=[
        "name",
        "apply",
        "unknown-local-tag",
        "module",
        "python-tag-outside-extensions",
        "attribute",
        "builtin",
        "env",
        "apply-bare",
        "name-value",
        "cut-off-tag",
    ],
)
def test_a_tag_mkdocs_cannot_load_is_an_error_at_the_tag(
    write_handbook: WriteHandbook, change: tuple[str, str], where: tuple[int, int], words: str
) -> None:
    old, new = change
    assert old in GOOD
    ((line, column, message),) = site_problems(write_handbook(), GOOD.replace(old, new), "HB094")
    assert (line, column) == where, message
    assert words in message


def test_the_tags_mkdocs_knows_pass(write_handbook: WriteHandbook) -> None:
    config = GOOD.replace(
        "site_url: https://handbook.example.com/", 'site_url: !ENV [SITE_URL, "https://h.example.com/"]'
    )
    assert site_problems(write_handbook(), config, "HB094") == []
