"""A big handbook's search answers from Pagefind inside Material's own search box and result list."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.make_handbook import write_handbook
from tests.browser.conftest import open_reader, serve
from tests.site.conftest import run_handbook

HOSTILE_TITLE = "<img src=x onerror=alert(1)>稽核專員"


def _write_big_handbook(root: Path, *, extra_config: str = "") -> None:
    """A synthetic handbook of about 50 pages, with `auto` told to choose Pagefind from 10 pages up."""
    write_handbook(root, roles=20, processes=4, stages=3, steps=4, seed=1)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      mermaid: local\n" in config
    config = config.replace("      mermaid: local\n", "      mermaid: local\n      pagefind_from_pages: 10\n")
    (root / "mkdocs.yml").write_text(config + extra_config, encoding="utf-8")


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pagefind")
    _write_big_handbook(root)
    buyer = root / "roles" / "sales-buyer-18.yml"
    text = buyer.read_text(encoding="utf-8").replace("title: 華北區銷售部採購專員（18）", f"title: '{HOSTILE_TITLE}'")
    assert HOSTILE_TITLE in text
    buyer.write_text(text, encoding="utf-8")
    result = run_handbook("build", ".", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture
def reader(browser: Any, big_site: Path) -> Iterator[Any]:
    with serve(big_site) as url, open_reader(browser, url) as reader:
        yield reader


def _search(reader: Any, query: str) -> Any:
    page = reader.open("")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    first = page.locator(".md-search-result__list > li.md-search-result__item").first
    first.wait_for()
    return page


def test_auto_chose_pagefind_for_the_big_handbook(big_site: Path) -> None:
    home = (big_site / "index.html").read_text(encoding="utf-8")
    assert (big_site / "pagefind" / "pagefind.js").is_file()
    assert "assets/handbook/pagefind-search.js" in home
    assert "assets/handbook/search.js" not in home
    assert "data-pagefind-body" in home
    # Material's search indexes no page in a Pagefind build: no reader downloads that index.
    assert json.loads((big_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    # The query spellings come from the pages' own characters: 销 and 採 are written as the pages do.
    spellings = json.loads((big_site / "pagefind" / "handbook-spellings.json").read_text(encoding="utf-8"))
    assert spellings["销"] == "銷" and spellings["采"] == "採"
    assert "銷" not in spellings


def test_typing_a_role_title_shows_its_page_first(reader: Any) -> None:
    page = _search(reader, "歐洲銷售部活動策劃")
    first = page.locator(".md-search-result__item").first
    assert (
        first.locator("a.md-search-result__link")
        .get_attribute("href", timeout=5_000)
        .endswith("/roles/sales-events-15/")
    )
    assert first.locator("h1").inner_text() == "歐洲銷售部活動策劃（15）"
    # Material's look: its overlay is open and shows the count in its own words.
    assert re.fullmatch(r"找到 \d+ 個符合條件的結果", page.locator(".md-search-result__meta").inner_text())
    # Pagefind's highlights come as real <mark> elements in the excerpt.
    assert first.locator("p mark").count() >= 1
    # Material never fetched its own index: the reader downloads Pagefind's chunks only.
    assert not [url for url in reader.requests if url.endswith("search_index.json")]
    assert [url for url in reader.requests if "/pagefind/" in url]
    assert reader.dialogs == [] and reader.outside_requests == []


def test_a_title_typed_in_simplified_characters_finds_the_role(reader: Any) -> None:
    page = _search(reader, "欧洲销售部活动策划")
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text() == "歐洲銷售部活動策劃（15）"


def test_results_link_right_under_a_site_path_without_directory_urls(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("pagefind-path")
    _write_big_handbook(root, extra_config="use_directory_urls: false\n")
    served = root / "served"
    result = run_handbook("build", ".", "--site-dir", str(served / "handbook"), cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(served) as url, open_reader(browser, url + "handbook/") as reader:
        page = _search(reader, "歐洲銷售部活動策劃")
        link = page.locator(".md-search-result__item a").first
        assert link.get_attribute("href") == url + "handbook/roles/sales-events-15.html"
        link.click()
        page.wait_for_url(url + "handbook/roles/sales-events-15.html")
        assert page.locator("article h1").inner_text().startswith("歐洲銷售部活動策劃（15）")


def test_a_hostile_title_is_shown_as_text(reader: Any) -> None:
    # The title's Chinese words: Pagefind does not find the whole title typed with its markup
    # (its index words of `<img src=x …>` differ from the query's), only the page listing it.
    page = _search(reader, "稽核專員")
    first = page.locator(".md-search-result__item").first
    assert first.locator("a").get_attribute("href").endswith("/roles/sales-buyer-18/")
    assert first.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.locator(".md-search-result img").count() == 0
    page.wait_for_timeout(300)
    assert reader.dialogs == []
