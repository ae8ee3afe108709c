"""The glossary file, documents, redirects and search's names: the core, without a site build."""

from __future__ import annotations

from collections.abc import Callable

from generator.render.redirects import redirects_of
from generator.rules.checking import Report
from generator.search.entities import search_catalog
from generator.source.documents import documents_of
from generator.source.glossary import abbreviations_markdown
from generator.source.slugs import text_anchor, unique_anchors
from tests.conftest import MINIMAL, codes

GLOSSARY = """\
    terms:
      - term: ROI
        expansion: Return on Investment
        explanation: 投入與回報之比。
        synonyms: [投資回報率]
    """


def test_a_glossary_is_read_into_terms(check: Callable[..., Report]) -> None:
    report = check({"glossary.yml": GLOSSARY})
    assert codes(report) == []
    (term,) = report.handbook.glossary
    assert (term.term, term.expansion, term.synonyms) == ("ROI", "Return on Investment", ("投資回報率",))
    assert (term.at.path, term.at.line) == ("glossary.yml", 2)


def test_a_broken_glossary_is_reported_at_the_spot(check: Callable[..., Report]) -> None:
    report = check({"glossary.yml": "terms:\n  - term: ROI\n    meaning: typo\n"})
    found = {(p.path, p.line) for p in report.errors}
    assert ("glossary.yml", 2) in found  # `explanation` is missing
    assert ("glossary.yml", 3) in found  # `meaning` is not a key


def test_documents_join_producers_and_users_by_exact_name(check: Callable[..., Report]) -> None:
    process = MINIMAL["processes/weekly.yml"].replace(
        "                checklist:",
        "                outputs: [週計劃]\n                inputs: [上週復盤]\n                checklist:",
    )
    report = check({"processes/weekly.yml": process})
    assert codes(report) == []
    documents = {d.name: d for d in documents_of(report.handbook)}
    assert [p.step.id for p in documents["週計劃"].produced_by] == ["write-plan"]
    assert documents["週計劃"].used_by == ()
    assert [p.step.id for p in documents["上週復盤"].used_by] == ["write-plan"]


def test_anchors_keep_chinese_and_never_collide() -> None:
    assert text_anchor("市場趨勢分析報告") == "市場趨勢分析報告"
    assert text_anchor("Weekly Review Notes") == "weekly-review-notes"
    assert text_anchor("《》").startswith("x-")
    assert unique_anchors(["A b", "a-b", "A b"]) == {"A b": "a-b", "a-b": "a-b-2"}


def test_redirects_come_from_aliases_and_never_replace_a_live_page(check: Callable[..., Report]) -> None:
    member = "id: member\ntitle: 組員\nreports_to: lead\naliases: [helper, lead]\n"
    report = check({"roles/member.yml": member})
    redirects = redirects_of(report.handbook, live_pages=frozenset({"roles/lead.md"}))
    assert [(r.old_page, r.new_page) for r in redirects] == [("roles/helper.md", "roles/member.md")]


def test_abbreviations_skip_terms_that_cannot_be_one(check: Callable[..., Report]) -> None:
    glossary = GLOSSARY + "  - term: 'a]b'\n    explanation: x\n"
    report = check({"glossary.yml": glossary})
    assert abbreviations_markdown(report.handbook.glossary) == "*[ROI]: Return on Investment：投入與回報之比。\n"


def test_a_term_with_nothing_to_show_makes_no_abbreviation_line(check: Callable[..., Report]) -> None:
    # Written out, `*[GMV]: ` would be a stray paragraph at the end of every page.
    glossary = GLOSSARY + "  - term: GMV\n    explanation: '   '\n"
    report = check({"glossary.yml": glossary})
    assert abbreviations_markdown(report.handbook.glossary) == "*[ROI]: Return on Investment：投入與回報之比。\n"


def test_search_knows_terms_roles_and_steps_by_their_names(check: Callable[..., Report]) -> None:
    report = check({"glossary.yml": GLOSSARY})
    catalog = search_catalog(report.handbook)
    named = {(entity.kind, name): entity for entity in catalog.entities for name in entity.names}
    # A term by its name, its expansion and its synonyms, all leading to its section of the glossary.
    for name in ("ROI", "Return on Investment", "投資回報率"):
        assert named["term", name].page == "glossary/" and named["term", name].section == "ROI"
    assert named["role", "組長"].page == "roles/lead/"
    assert named["step", "撰寫計劃"].page.startswith("processes/weekly/")
    # Names, not sentences: a checklist item is words of its page, not the name of a thing.
    assert "列出本週目標" not in {name for _, name in named}
