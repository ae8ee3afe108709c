"""The extra search words, unit by unit (the browser tests prove the outcome)."""

from __future__ import annotations

from typing import Any

from generator.search_terms import (
    SearchTerms,
    add_search_terms,
    glue_single_characters,
    han_characters,
    handbook_spellings,
    stage_contexts,
    synonym_groups,
    variant_fold,
)
from generator.source.model import Location, Term

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
    assert "调研" not in extra  # the other script is the query's business (variant_fold)
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


def test_the_index_gets_the_fields_their_boosts_and_the_fold() -> None:
    index: dict[str, Any] = {
        "config": {"separator": SEPARATOR, "fields": {"title": {"boost": 1000.0}}},
        "docs": [
            {"location": "roles/a/", "title": "市場調研專員", "text": "<p>負責問卷調研</p>"},
            {"location": "processes/p/s/", "title": "預熱期", "text": "<p>週報</p>"},
        ],
    }
    add_search_terms(
        index, terms=[], topics={"roles/a/": ("市場調研專員",)}, contexts={"processes/p/s/": "活動 <生命> 週期"}
    )
    entry, stage = index["docs"]
    assert entry["title"] == "市場調研專員" and entry["text"] == "<p>負責問卷調研</p>"
    assert "調研" in entry["alt_title"].split() and "調研" in entry["about"].split()
    # A stage's result names its process, as HTML text (the worker shows titles as HTML).
    assert stage["title"] == "預熱期 · 活動 &lt;\u2060生命&gt; 週期"
    assert set(index["config"]["fields"]) == {"title", "alt_title", "alt_text", "about"}
    assert index["config"]["fields"]["about"]["boost"] > index["config"]["fields"]["title"]["boost"]
    fold = index["handbook"]["fold"]
    pairs = dict(zip(fold["from"], fold["to"], strict=True))
    # 调 (Simplified) and 調 fold together; so do 周 and 週 (in OpenCC's t2s table).
    assert pairs.get("调", "调") == pairs.get("調", "調")
    assert pairs.get("周", "周") == pairs.get("週", "週")


def test_variants_of_the_tw_hk_and_jp_tables_fold_together() -> None:
    fold = variant_fold("臺裡線說群著")

    def same(*chars: str) -> bool:
        return len({fold.get(char, char) for char in chars}) == 1

    assert same("台", "臺")  # Taiwan's standard form and the common one
    assert same("裡", "裏", "里")
    assert same("線", "綫", "线")  # 綫 only in the Hong Kong table (hk2t)
    assert same("說", "説", "说")
    assert same("群", "羣")
    assert same("著", "着")
    assert not same("台", "線")
    # Only the classes of the characters asked for: nothing about 後 here.
    assert "後" not in fold and "后" not in fold
    assert variant_fold("abc") == {}


def test_a_stage_page_belongs_to_its_process() -> None:
    from generator.rules.checking import check_handbook
    from tests.conftest import REPO

    contexts = stage_contexts(check_handbook(REPO).handbook)
    assert contexts["processes/campaign-lifecycle/warm-up.md"] == "活動生命週期"
    assert contexts["processes/marketing-management/monitor.md"] == "市場營銷管理流程"


def test_handbook_spellings_write_a_query_in_the_handbooks_characters() -> None:
    spellings = handbook_spellings(han_characters("調研週報：臺北與台中"))
    assert spellings["调"] == "調"
    assert spellings["周"] == "週"
    # Both variants are the handbook's own: a query keeps whichever the reader typed.
    assert "台" not in spellings and "臺" not in spellings
    assert "調" not in spellings and "週" not in spellings
