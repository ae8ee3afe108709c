"""The rules page has every rule in every language: the docstring in English, the catalogs for Chinese.

A rule added without its Chinese text fails here by name, with the file to add it to.
"""

from __future__ import annotations

import re

import pytest

from generator.render.rule_docs import PARTS, TRANSLATIONS, english_doc, rule_doc
from generator.rules import RULES, Rule
from generator.words.languages import LANGUAGES

CATALOG_FILE = {
    "zh-Hant": "generator/words/locale/zh_Hant/LC_MESSAGES/handbook.po",
    "zh-Hans": "generator/words/locale/zh_Hans/LC_MESSAGES/handbook.po",
}
_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_rule_docstring_has_a_summary_a_why_and_two_examples() -> None:
    broken = []
    for rule in RULES:
        try:
            doc = english_doc(rule)
        except ValueError as error:
            broken.append(str(error))
            continue
        if not (doc.summary and doc.why):
            broken.append(f"{rule.id}: the docstring needs a summary line and a 'Why:' paragraph")
        for kind, example in (("failing", doc.failing), ("passing", doc.passing)):
            if not (example.explanation or example.code):
                broken.append(f"{rule.id}: the {kind} example shows nothing")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("language", ["zh-Hant", "zh-Hans"])
def test_every_registered_rule_has_its_rules_page_text_in(language: str) -> None:
    catalog = TRANSLATIONS[language]  # type: ignore[index]
    missing = []
    for rule in RULES:
        text = catalog.get(rule.id)
        if text is None:
            missing.append(
                f"{rule.id} ({rule.name}) has no {language} text on the rules page: add "
                f"msgctxt 'rule {rule.id}' entries summary, why, failing, passing to {CATALOG_FILE[language]}"
            )
            continue
        english = english_doc(rule)
        for part in PARTS:
            if part not in text:
                missing.append(f"{rule.id}: '{part}' is missing in {CATALOG_FILE[language]}")
        for part, english_text in (
            ("summary", english.summary),
            ("why", english.why),
            ("failing", english.failing.explanation),
            ("passing", english.passing.explanation),
        ):
            # An explanation is translated exactly when the docstring has one.
            if bool(text.get(part)) != bool(english_text):
                missing.append(f"{rule.id}: '{part}' is {'empty' if english_text else 'extra'} in {language}")
            elif part in ("summary", "why") and not _HAN.search(text[part]):
                missing.append(f"{rule.id}: '{part}' in {language} is not in Chinese")
    stale = sorted(set(catalog) - {rule.id for rule in RULES})
    assert not stale, f"{CATALOG_FILE[language]} has text for rules that do not exist: {stale}"
    assert not missing, "\n".join(missing)


def test_the_examples_are_the_docstrings_yaml_in_every_language() -> None:
    rule = next(rule for rule in RULES if rule.id == "HB101")
    for language in LANGUAGES:
        doc = rule_doc(rule, language)
        assert doc.failing.code == "raci:\n  R: [event-planning]"
        assert doc.passing.code == "raci:\n  R: [event-planning]\n  A: marketing-head"
    assert rule_doc(rule, "zh_TW").summary == "每個步驟都必須有當責角色：在 `raci` 的 `A` 下寫剛好一個角色。"
    assert rule_doc(rule, "zh-CN").summary == "每个步骤都必须有负责人：在 `raci` 的 `A` 下写刚好一个角色。"
    assert rule_doc(rule, "en").summary == (
        "Every step must have an owner: exactly one role under `A` (accountable) in its `raci`."
    )


def test_a_rule_without_translation_is_shown_in_english_rather_than_breaking_the_build() -> None:
    def check(_: object) -> None:
        return None

    new_rule = Rule(
        id="HB999",
        name="brand-new",
        severity="warning",
        scope="handbook",
        summary="A new rule.",
        doc="Why: because.\n\nFailing example::\n\n    a: 1\n\nPassing example: nothing at all.",
        check=check,  # type: ignore[arg-type]
    )
    doc = rule_doc(new_rule, "zh-Hant")
    assert (doc.summary, doc.why, doc.failing.code, doc.passing.explanation) == (
        "A new rule.",
        "because.",
        "a: 1",
        "nothing at all.",
    )
