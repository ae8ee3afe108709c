"""The search index the plugin rewrites: much smaller, and every search finds what it found before."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.search_index import compact_search_index
from tests.conftest import REPO
from tests.site.conftest import run_handbook

INDEX = "search/search_index.json"
_TAG = re.compile(r"<[^>]+>")


def _copy_example(target: Path) -> Path:
    for folder in ("roles", "processes", "handbook"):
        shutil.copytree(REPO / folder, target / folder)
    for name in ("mkdocs.yml", "glossary.yml"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, target / name)
    return target


def _build(root: Path, name: str, **options: bool) -> bytes:
    """Build the copy with some plugin options set; the index it wrote."""
    config = root / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    settings = "".join(f"      {key}: {str(value).lower()}\n" for key, value in options.items())
    text, count = re.subn(r"^  - handbook:?\n", "  - handbook:\n" + settings, original, count=1, flags=re.MULTILINE)
    assert count == 1
    config.write_text(text, encoding="utf-8")
    try:
        built = run_handbook("build", str(root), "--site-dir", str(root / name), cwd=root)
    finally:
        config.write_text(original, encoding="utf-8")
    assert built.returncode == 0, built.stderr
    return (root / name / INDEX).read_bytes()


@pytest.fixture(scope="module")
def example_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy_example(tmp_path_factory.mktemp("example-copy"))


@pytest.fixture(scope="module")
def indexes(example_copy: Path) -> tuple[bytes, bytes]:
    """The index before and after the rewrite (both with the search extras, see search_terms)."""
    return _build(example_copy, "uncompacted", compact_search_index=False), _build(example_copy, "compacted")


@pytest.fixture(scope="module")
def material_index(example_copy: Path) -> bytes:
    """The index as Material writes it for the same pages: no extras, no rewrite."""
    return _build(example_copy, "material", compact_search_index=False, search_extras=False)


def _words(value: str, separator: re.Pattern[str]) -> list[str]:
    """The words lunr indexes in a value: HTML tags end words, the separator splits, case folds."""
    text = html.unescape(_TAG.sub(" ", value))
    return [word.lower() for word in separator.split(text) if word]


def _words_by_location(index: dict[str, Any]) -> dict[str, tuple[list[str], list[str]]]:
    separator = re.compile(index["config"]["separator"])
    return {doc["location"]: (_words(doc["title"], separator), _words(doc["text"], separator)) for doc in index["docs"]}


# A JSON \uXXXX escape; not the separator's `\\u200b`, a regex whose backslash is itself escaped.
_ESCAPE = re.compile(rb"(?<!\\)\\u[0-9a-fA-F]{4}")


def test_index_is_utf8_without_escapes_and_at_least_40_percent_smaller(
    material_index: bytes, indexes: tuple[bytes, bytes]
) -> None:
    # Smaller than Material's own index even with the search extras added (issue 6 must
    # not undo this): compared with what Material writes for the same pages.
    compacted = indexes[1]
    assert _ESCAPE.search(material_index)  # the check below can fail
    assert not _ESCAPE.search(compacted)
    assert "市場" in compacted.decode("utf-8")
    assert len(compacted) <= 0.6 * len(material_index), (len(compacted), len(material_index))


def test_every_entry_keeps_the_same_words_config_and_order(indexes: tuple[bytes, bytes]) -> None:
    before, after = (json.loads(index) for index in indexes)
    assert after["config"] == before["config"]
    assert [doc["location"] for doc in after["docs"]] == [doc["location"] for doc in before["docs"]]
    assert _words_by_location(after) == _words_by_location(before)


def test_queries_find_the_same_pages(indexes: tuple[bytes, bytes]) -> None:
    before, after = (_words_by_location(json.loads(index)) for index in indexes)

    def pages_found(words: dict[str, tuple[list[str], list[str]]], query: str) -> set[str]:
        return {location for location, (title, text) in words.items() if query in title or query in text}

    # Role titles and words from the example's YAML, read with plain PyYAML.
    roles = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "roles").glob("*.yml"))]
    queries = {"調研", "roi", "gmv", "復盤", "kol"} | {word for role in roles for word in role["title"].split()}
    found_any = False
    for query in sorted(queries):
        assert pages_found(after, query) == pages_found(before, query), query
        found_any = found_any or bool(pages_found(after, query))
    assert found_any
    assert any(location.startswith("roles/market-research/") for location in pages_found(after, "調研"))


def test_listing_and_editors_pages_weigh_less_and_a_stage_names_its_process(
    indexes: tuple[bytes, bytes], material_index: bytes
) -> None:
    index = json.loads(indexes[1])
    pages = {doc["location"]: doc for doc in index["docs"] if "#" not in doc["location"]}
    boosts = {location: doc.get("boost") for location, doc in pages.items()}
    assert boosts["roles/"] == boosts["processes/"] == boosts["org-chart/"] == boosts["metrics/"] == 0.1
    assert boosts["rules/"] == 0.0001
    assert boosts["editing/"] == 0.0001  # the editing guide's own front matter
    assert boosts["roles/market-research/"] is None and boosts["glossary/"] is None and boosts["documents/"] is None
    # Material's page meta applies to the page's sections too.
    assert {doc.get("boost") for doc in index["docs"] if doc["location"].startswith("metrics/")} == {0.1}
    title = pages["processes/campaign-lifecycle/warm-up/"]["title"].replace("\u200b", "")
    assert title == "預熱期 · 活動生命週期"
    fold = dict(zip(index["handbook"]["fold"]["from"], index["handbook"]["fold"]["to"], strict=True))
    assert fold.get("週", "週") == fold.get("周", "周") and fold.get("调", "调") == fold.get("調", "調")
    # Without the search extras only the hand-written front matter weighs in.
    plain = {doc["location"]: doc.get("boost") for doc in json.loads(material_index)["docs"]}
    assert plain["metrics/"] is None and plain["editing/"] == 0.0001


# --- the rewrite on a hand-made index -------------------------------------------------

SEPARATOR = "[\\s\\u200b\\-，。]+"


def test_zero_width_spaces_next_to_separators_tags_or_the_ends_go_the_rest_stay() -> None:
    index = {
        "config": {"separator": SEPARATOR},
        "docs": [
            {
                "location": "a/",
                "title": "\u200b市場\u200b調研\u200b",
                "text": "<p>\u200b歡迎\u200b加入\u200b，\u200b市場 \u200bKOL</p>",
            }
        ],
    }
    compacted = json.loads(compact_search_index(json.dumps(index)))
    assert compacted["docs"][0]["title"] == "市場\u200b調研"
    assert compacted["docs"][0]["text"] == "<p>歡迎\u200b加入，市場 KOL</p>"


def test_without_a_zero_width_separator_only_the_encoding_changes() -> None:
    index = {"config": {"separator": "[\\s\\-]+"}, "docs": [{"location": "", "title": "市場\u200b調研", "text": ""}]}
    result = compact_search_index(json.dumps(index))
    assert json.loads(result) == index
    assert (
        result == '{"config":{"separator":"[\\\\s\\\\-]+"},"docs":[{"location":"","title":"市場\u200b調研","text":""}]}'
    )
