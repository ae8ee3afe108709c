"""Pagefind behind Material's search box, for handbooks too big for Material's in-browser index.

Material's search downloads the whole index and builds it in the reader's browser
before the first result: on a company's handbook that takes seconds on a phone.
Pagefind (PyPI `pagefind[extended]`, its binary in the wheel, no download at run
time) writes a chunked index after the build; the browser fetches only the chunks
a query needs. The page keeps Material's search box and result list:
assets/pagefind-search.js answers the box from Pagefind's JS API.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from generator.search_terms import handbook_spellings
from generator.source.files import write_replacing
from generator.words.messages import Message, msg

# Where the index goes in the site; pagefind-search.js loads `<base>/pagefind/pagefind.js`.
OUTPUT_FOLDER = "pagefind"
# Material's page (base.html): only the article is indexed, not navigation, header or footer.
_ARTICLE = '<article class="md-content__inner md-typeset">'
# Material's search form (partials/search.html): Material fetches its own index when a
# form has this name, which would cost the reader the very download Pagefind saves.
_MATERIAL_FORM = '<form class="md-search__form" name="search">'


# The query's characters in the handbook's own spellings, read by pagefind-search.js.
SPELLINGS_FILE = f"{OUTPUT_FOLDER}/handbook-spellings.json"
# Inside the article but not its text: the headings' permalink sign (¶) and the edit button.
_NOT_TEXT = (".headerlink", ".md-content__button")


class PagefindFailed(Exception):
    """The Pagefind binary is missing or stopped with an error; `message` says which, in any language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


class EmptySearchIndex:
    """Takes the place of Material's search index in a Pagefind build: keeps no page, writes an empty index.

    The two methods Material's search plugin calls on its index (on_page_context,
    on_post_build). Should a later Material name them otherwise, its own index is
    built as before: slower, never wrong.
    """

    def add_entry_from_context(self, page: object) -> None:
        return None

    def generate_search_index(self, previous: object) -> str:
        return '{"config":{},"docs":[]}'


def chosen_engine(option: str, *, pages: int, pagefind_from: int) -> str:
    """`material` or `pagefind`, from the plugin option and the number of pages in the site."""
    if option == "auto":
        return "pagefind" if pages >= pagefind_from else "material"
    return option


def marked_for_pagefind(html: str) -> str:
    """A page whose article Pagefind indexes, and whose search form Material leaves alone."""
    html = html.replace(_ARTICLE, _ARTICLE.replace(">", " data-pagefind-body>"), 1)
    return html.replace(_MATERIAL_FORM, _MATERIAL_FORM.replace('name="search"', 'name="handbook-search"'), 1)


def index_command(site_dir: Path) -> list[str]:
    """The Pagefind command that indexes a built site (benchmarks/run.py times the same one)."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise PagefindFailed(msg("search.pagefind_missing"))
    return [str(binary), "--site", str(site_dir), "--output-subdir", OUTPUT_FOLDER, "--quiet"] + [
        argument for selector in _NOT_TEXT for argument in ("--exclude-selectors", selector)
    ]


def index_site(site_dir: Path) -> None:
    """Write Pagefind's index into site_dir/pagefind/, offline, from the built pages."""
    command = index_command(site_dir)
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PagefindFailed(msg("search.pagefind_failed", site=str(site_dir), output=str(error))) from error
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()[-2000:]
        raise PagefindFailed(msg("search.pagefind_failed", site=str(site_dir), output=output))


def write_spellings(site_dir: Path, used: set[str]) -> None:
    """The variant table pagefind-search.js writes queries with, from the Chinese characters the pages use."""
    text = json.dumps(handbook_spellings(used), ensure_ascii=False, separators=(",", ":"))
    write_replacing(site_dir / SPELLINGS_FILE, text, within=site_dir)
