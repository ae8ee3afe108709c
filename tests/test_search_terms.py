"""The extra search words, unit by unit (the browser tests prove the outcome)."""

from __future__ import annotations

from typing import Any

from generator.model import Location, Term
from generator.search_terms import (
    SearchTerms,
    add_search_terms,
    glue_single_characters,
    script_of,
    synonym_groups,
)

SEPARATOR = r"[\s\u200b\-，。、]+"
ZWSP = "\u200b"


def term(name: str, *synonyms: str, expansion: str = "") -> Term:
    return Term(name, expansion, "", tuple(synonyms), Location("glossary.yml", 1, 1))


def test_lone_characters_join_a_neighbour_without_changing_the_text() -> None:
    value = ZWSP.join(["調", "研", "報告", "的", "分析"])
    glued = glue_single_characters(value)
    assert glued.replace(ZWSP, "") == value.replace(ZWSP, "")
    assert glued.split(ZWSP) == ["調研", "報告的", "分析"]
    # Text without zero-width spaces, and Latin letters, are left alone.
    assert glue_single_characters("a b") == "a b"
    assert glue_single_characters(ZWSP.join(["ROI", "與", "GMV"])) == ZWSP.join(["ROI", "與", "GMV"])


def test_parts_of_long_names_are_added_in_the_handbooks_script() -> None:
    terms = SearchTerms(SEPARATOR)
    terms.names = {"市場調研專員"}
    extra = terms.extra_words("市場調研專員")
    assert {"調研", "專員", "市場"} <= set(extra)
    assert "市場調研專員" not in extra  # already a word of the text
    assert "调研" not in extra  # the other script is the query's business (script_map)
    assert all(len(word) > 1 for word in extra)
    # Running text gets no parts, and words that are not names are not cut.
    assert terms.extra_words("市場調研專員", parts=False) == []
    assert not SearchTerms(SEPARATOR).extra_words("市場調研專員")


def test_synonyms_of_a_mentioned_term_are_added() -> None:
    groups = synonym_groups([term("ROI", "投資回報率", expansion="Return on Investment（投資報酬率）")])
    terms = SearchTerms(SEPARATOR, synonyms=groups)
    extra = set(terms.extra_words("評估 ROI 的結果"))
    assert {"投資回報率", "投資報酬率", "return", "investment"} <= extra
    assert not set(terms.extra_words("沒有提到它")) & {"投資回報率", "roi"}


def test_a_term_is_what_its_glossary_entry_is_about_not_a_step_that_mentions_it() -> None:
    groups = synonym_groups([term("ROI", "投資回報率")])
    terms = SearchTerms(SEPARATOR, synonyms=groups)
    assert "roi" in terms.about_words(["ROI", "投資回報率"])
    assert "roi" not in terms.about_words(["評估 ROI 與 GMV"])
    assert "評估" in terms.about_words(["評估 ROI 與 GMV"])


def test_the_index_gets_the_fields_their_boosts_and_the_script_map() -> None:
    index: dict[str, Any] = {
        "config": {"separator": SEPARATOR, "fields": {"title": {"boost": 1000.0}}},
        "docs": [{"location": "roles/a/", "title": "市場調研專員", "text": "<p>負責問卷調研</p>"}],
    }
    add_search_terms(index, terms=[], language="zh-Hant", topics={"roles/a/": ("市場調研專員",)})
    (entry,) = index["docs"]
    assert entry["title"] == "市場調研專員" and entry["text"] == "<p>負責問卷調研</p>"
    assert "調研" in entry["alt_title"].split() and "調研" in entry["about"].split()
    assert set(index["config"]["fields"]) == {"title", "alt_title", "alt_text", "about"}
    assert index["config"]["fields"]["about"]["boost"] > index["config"]["fields"]["title"]["boost"]
    script = index["handbook"]["script"]
    assert dict(zip(script["from"], script["to"], strict=True))["调"] == "調"
    assert script_of("zh-Hant") == "hant" and script_of("zh-CN") == "hans" and script_of("en") == "any"


def test_the_script_map_follows_what_the_handbook_writes() -> None:
    from generator.search_terms import script_map

    # 迴 and 回 both simplify to 回; the handbook writes 回 far more often.
    index = {"docs": [{"title": "回購率", "text": "回覆 回來 迴響 調研"}]}
    mapping = script_map(index, script="hant")
    assert "回" not in mapping  # typing 回 keeps 回
    assert mapping["调"] == "調"
    assert script_map(index, script="any") == {}


def test_a_simplified_handbook_maps_traditional_queries_to_its_own_script() -> None:
    from generator.search_terms import script_map

    mapping = script_map({"docs": [{"title": "复盘报告", "text": ""}]}, script="hans")
    assert mapping["復"] == "复" and mapping["報"] == "报"
