"""What a new hire types finds the right page first, in real Chromium through Material's search box."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import open_reader, serve
from tests.search.findability import Outcome, hits_at, load_queries, misses, run_queries, table
from tests.search.sites import build_example_sites

QUERIES = load_queries()
KINDS = {"traditional", "simplified", "acronym", "synonym", "multi-word"}


def test_the_query_set_is_big_and_covers_every_kind() -> None:
    assert len(QUERIES) >= 40
    assert {query.kind for query in QUERIES} == KINDS
    assert all(query.expect.endswith("/") or query.expect == "" for query in QUERIES)


@pytest.fixture(scope="module")
def sites() -> Iterator[dict[str, Path]]:
    with build_example_sites() as built:
        yield built


@pytest.fixture(scope="module")
def outcomes(browser: Any, sites: dict[str, Path]) -> dict[str, list[Outcome]]:
    results = {}
    for name, site in sites.items():
        with serve(site) as url, open_reader(browser, url) as reader:
            reader.open("")
            results[name] = run_queries(reader.page, QUERIES)
            assert reader.outside_requests == []
    print("\n" + table(results))
    return results


def test_every_query_finds_its_page_first(outcomes: dict[str, list[Outcome]]) -> None:
    ours = outcomes["handbook"]
    assert list(misses(ours)) == []
    assert hits_at(ours, 1) == 1.0


def test_the_expected_pages_exist(sites: dict[str, Path]) -> None:
    for query in QUERIES:
        assert (sites["handbook"] / query.expect / "index.html").is_file(), query


def test_simplified_queries_need_the_handbooks_search(outcomes: dict[str, list[Outcome]]) -> None:
    # The comparison the README reports: with Material's defaults a query typed in
    # Simplified characters finds (almost) nothing on this Traditional handbook.
    simplified = [o for o in outcomes["material-defaults"] if o.query.kind == "simplified"]
    assert hits_at(simplified, 1) < hits_at([o for o in outcomes["handbook"] if o.query.kind == "simplified"], 1)
