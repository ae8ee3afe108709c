"""What a new hire types finds the right page first, in real Chromium through Material's search box.

Two query sets (tests/search/findability.py): the tuning set, on which the ranking
was tuned and which must stay at 100 %, and the held-out set, written before the
ranking changes of issue 11 and never tuned on, which must keep beating
Material's defaults by the margin measured when it was written down.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import open_reader, serve
from tests.search.findability import (
    HELDOUT,
    TUNING,
    Outcome,
    Query,
    hits_at,
    load_queries,
    misses,
    run_queries,
    search_pages,
    summary,
)
from tests.search.sites import build_example_sites

TUNING_QUERIES = load_queries(TUNING)
HELDOUT_QUERIES = load_queries(HELDOUT)
TUNING_KINDS = {"traditional", "simplified", "acronym", "synonym", "multi-word"}
HELDOUT_KINDS = {
    "responsibility",
    "metric",
    "checklist",
    "section",
    "jargon",
    "variant",
    "simplified",
    "mixed",
    "typo",
    "acronym",
}
# Behaviours of this change, with queries in neither set (hand-written expectations).
FEATURES = [
    # 臺 (Taiwan's standard form) for the handbook's 台 in 跨平台 (OpenCC folds them).
    Query("跨平臺", ("roles/new-media/",), "variant"),
    # Only inside a longer index word: jieba cut the checklist item into 並置頂.
    Query("置頂", ("processes/campaign-lifecycle/warm-up/",), "inside"),
]
# search.js rewrites the query messages of Material's search worker (message type 2 of
# Material 9's worker protocol); a new Material must be checked against it before use.
MATERIAL_VERSION_CHECKED = "9.8.2"


def test_the_query_sets_are_big_cover_every_kind_and_do_not_overlap() -> None:
    assert len(TUNING_QUERIES) >= 40 and len(HELDOUT_QUERIES) >= 60
    assert {query.kind for query in TUNING_QUERIES} == TUNING_KINDS
    assert {query.kind for query in HELDOUT_QUERIES} == HELDOUT_KINDS
    assert not {q.query for q in TUNING_QUERIES} & {q.query for q in HELDOUT_QUERIES}
    for query in [*TUNING_QUERIES, *HELDOUT_QUERIES]:
        assert query.expect and all(page.endswith("/") or page == "" for page in query.expect), query


def test_search_js_was_written_for_this_material() -> None:
    assert version("mkdocs-material") == MATERIAL_VERSION_CHECKED, (
        "search.js wraps the search worker's query messages of Material "
        f"{MATERIAL_VERSION_CHECKED}: check generator/mkdocs_plugin/assets/search.js against this version"
    )


@pytest.fixture(scope="module")
def sites() -> Iterator[dict[str, Path]]:
    with build_example_sites() as built:
        yield built


@pytest.fixture(scope="module")
def outcomes(browser: Any, sites: dict[str, Path]) -> dict[str, dict[str, list[Outcome]]]:
    """`outcomes[site][set]`, sets: tuning, held-out, features."""
    sets = {"tuning": TUNING_QUERIES, "held-out": HELDOUT_QUERIES, "features": FEATURES}
    results = {}
    for name, site in sites.items():
        with serve(site) as url, open_reader(browser, url) as reader:
            reader.open("")
            results[name] = {set_name: run_queries(reader.page, queries) for set_name, queries in sets.items()}
            assert reader.outside_requests == []
    print("\n" + summary(results))
    return results


def test_every_tuning_query_finds_its_page_first(outcomes: dict[str, dict[str, list[Outcome]]]) -> None:
    ours = outcomes["handbook"]["tuning"]
    assert list(misses(ours)) == []
    assert hits_at(ours, 1) == 1.0


def test_the_held_out_set_beats_materials_defaults(outcomes: dict[str, dict[str, list[Outcome]]]) -> None:
    ours, material = outcomes["handbook"]["held-out"], outcomes["material-defaults"]["held-out"]
    # Before the ranking changes of issue 11: 56 % / 69 % (Material's defaults 53 % / 62 %);
    # after them 58 % / 78 % (54 % / 65 %). A regression guard, not a target.
    assert hits_at(ours, 1) >= 0.55
    assert hits_at(ours, 3) >= 0.75
    assert hits_at(ours, 1) > hits_at(material, 1)
    assert hits_at(ours, 3) >= hits_at(material, 3) + 0.10


def test_variants_and_words_inside_longer_words_are_found(outcomes: dict[str, dict[str, list[Outcome]]]) -> None:
    assert list(misses(outcomes["handbook"]["features"])) == []
    # No comparison with Material's defaults here: they can reach new-media first for 跨平臺 through its
    # other characters since role pages list steps and onboarding too. How the held-out half's variant
    # queries fare against Material's defaults is what test_the_held_out_set_beats_materials_defaults and the
    # findability run report.


def test_the_expected_pages_exist(sites: dict[str, Path]) -> None:
    for query in [*TUNING_QUERIES, *HELDOUT_QUERIES, *FEATURES]:
        for page in query.expect:
            assert (sites["handbook"] / page / "index.html").is_file(), query


def test_simplified_queries_need_the_handbooks_search(outcomes: dict[str, dict[str, list[Outcome]]]) -> None:
    # The comparison the README reports: with Material's defaults a query typed in
    # Simplified characters finds (almost) nothing on this Traditional handbook.
    def simplified(site: str) -> list[Outcome]:
        return [o for o in outcomes[site]["tuning"] if o.query.kind == "simplified"]

    assert hits_at(simplified("material-defaults"), 1) < hits_at(simplified("handbook"), 1)


def test_a_stage_result_names_its_process_and_editors_pages_come_last(browser: Any, sites: dict[str, Path]) -> None:
    with serve(sites["handbook"]) as url, open_reader(browser, url) as reader:
        reader.open("")
        page = reader.page
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("爆發期")
        box.press("End")
        first = page.locator(".md-search-result__item").first
        first.wait_for()
        assert "爆發期 · 活動生命週期" in first.locator("h1").inner_text()
        # 角色 (role) and 檔案 (file) are on the home page and the role pages, and all
        # over the editing guide and the rules page, for editors: those come last.
        pages = _result_pages(page, "角色 檔案")
        editors = [index for index, path in enumerate(pages) if path in ("editing", "rules")]
        readers = [index for index, path in enumerate(pages) if path not in ("editing", "rules")]
        assert readers and readers[0] == 0, pages
        assert all(index > max(readers) for index in editors), pages
        # Still searchable: their own title finds them, after the pages for readers.
        assert "editing" in _result_pages(page, "如何編輯本手冊")


def _result_pages(page: Any, query: str) -> list[str]:
    placeholder = page.evaluate(
        "() => JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    return [path.rstrip("/") for path in search_pages(page, query, placeholder=placeholder)]
