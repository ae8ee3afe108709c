"""generator.search's layers without a browser: word cutting, reading pages, the catalog from the model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.search.pages import read_page
from generator.search.text import Folding, query_tokens, text_tokens, variant_fold


def folding_for(text: str) -> Folding:
    return Folding(variant_fold(set(text)))


def test_han_text_is_cut_into_pairs_and_other_words_stay_whole() -> None:
    assert query_tokens("調研專員") == ["調研", "研專", "專員"]
    assert query_tokens("用戶 ltv") == ["用戶", "ltv"]
    assert query_tokens("盤") == ["盤"]
    assert set(text_tokens("盯盤")) == {"盯", "盤", "盯盤"}


def test_scripts_and_regional_variants_fold_to_one_form() -> None:
    fold = folding_for("調研週報臺灣線上調研周报台湾綫上")
    assert fold("调研") == fold("調研")
    assert fold("週報") == fold("周报")
    assert fold("臺灣") == fold("台湾")
    assert fold("綫上") == fold("線上")
    assert fold("ＲＯＩ") == "roi"


ARTICLE = """<html><body><nav>導覽 不算</nav>
<article class="md-content__inner md-typeset">
<a class="md-content__button" href="#">編輯</a>
<h1 id="t">市場調研專員<a class="headerlink" href="#t">&para;</a></h1>
<p>團隊的眼睛。</p>
<h2 id="duties">職責<a class="headerlink" href="#duties">&para;</a></h2>
<ul><li>用戶訪談</li><li>競品監測</li></ul>
<table><tr><th>步驟</th><th>期限</th></tr><tr><td>彙整</td><td>每週</td></tr></table>
<h2 data-search-exclude id="copy">你要勾選的檢查項目</h2>
<ul><li>抄來的 項目</li></ul>
<pre class="mermaid">graph TD; A--&gt;B</pre>
<script>var x = 1;</script>
</article><footer>頁尾</footer></body></html>"""


def test_a_page_is_read_as_sections_of_sentences() -> None:
    page = read_page(ARTICLE)
    assert page is not None
    assert page.title == "市場調研專員"
    own, duties, copy = page.sections
    assert own.lines == ["團隊的眼睛。"]
    assert duties.anchor == "duties" and duties.title == "職責"
    assert duties.lines == ["用戶訪談", "競品監測", "步驟 · 期限", "彙整 · 每週"]
    assert copy.secondary and copy.lines == ["抄來的 項目"]
    everything = " ".join(line for section in page.sections for line in section.lines)
    for left_out in ("導覽", "頁尾", "編輯", "¶", "graph", "var x"):
        assert left_out not in everything


def test_a_page_without_an_article_is_no_search_page() -> None:
    assert read_page('<html><head><meta http-equiv="refresh" content="0; url=../new/"></head></html>') is None


def test_at_company_scale_a_document_is_found_on_the_process_that_makes_and_uses_it(tmp_path: Path) -> None:
    """Many processes list 營銷執行方案; the example's two both make and use it: its entity is on one of theirs."""
    from benchmarks.with_example import write_company_with_example
    from generator.render.urls import documents_split
    from generator.search.entities import search_catalog
    from generator.source.building import build_handbook
    from generator.source.documents import documents_of
    from generator.source.loading import read_sources

    write_company_with_example(tmp_path, roles=40, processes=40)
    handbook = build_handbook(read_sources(tmp_path))
    documents = {document.name: document for document in documents_of(handbook)}
    assert documents_split(tuple(documents.values()))
    plan = documents["營銷執行方案"]
    makers = {place.process.id for place in plan.produced_by}
    assert len(makers) > 2  # synthetic processes make it too, and come first
    assert plan.produced_by[0].process.id not in {"campaign-lifecycle", "marketing-management"}

    catalog = search_catalog(handbook)
    pages = {entity.page for entity in catalog.entities if entity.kind == "document" and entity.section == plan.name}
    assert pages <= {"documents/campaign-lifecycle/", "documents/marketing-management/"}
    assert len(pages) == 1
    # Each process's documents page lists documents: a page the model knows, not a hand-written one
    # whose every heading would be a name (one exact match per process that lists the document).
    for maker in makers:
        assert catalog.pages[f"documents/{maker}/"].kind == "page"


def test_an_index_replaced_under_an_open_preview_page_is_never_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A preview page loads labels.json while the next rebuild's index replaces the folder.

    The old index may only be deleted once the new one is at its address: deleting it
    first left a gap (as long as deleting a folder takes) in which the page got a 404.
    """
    import shutil

    from generator.search.entities import search_catalog
    from generator.search.index import SEARCH_FOLDER, write_search_index
    from generator.search.labels import search_labels
    from generator.source.building import build_handbook

    labels_file = tmp_path / SEARCH_FOLDER / "labels.json"
    catalog, labels = search_catalog(build_handbook(())), search_labels("zh-Hant")
    write_search_index(tmp_path, catalog, labels=labels)
    deleted, delete = [], shutil.rmtree

    def delete_and_look(path: Any, *args: Any, **kwargs: Any) -> None:
        delete(path, *args, **kwargs)
        deleted.append((Path(path).name, labels_file.is_file()))

    monkeypatch.setattr(shutil, "rmtree", delete_and_look)
    write_search_index(tmp_path, catalog, labels=labels)
    assert deleted == [(".search-old", True)]
    assert json.loads(labels_file.read_text(encoding="utf-8"))["search"] == labels["search"]
    assert sorted(path.name for path in labels_file.parent.parent.iterdir()) == ["search"]
