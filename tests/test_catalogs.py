"""The word catalogs (generator/words/locale/*/LC_MESSAGES/handbook.po): standard gettext files, each complete.

Every (context, key) of the English catalog is in every other catalog with the same
`{placeholders}`; no catalog has a key English lacks; nothing is fuzzy or obsolete, so a
translator's tool shows every entry as done. The rules page's prose is checked in
tests/test_rule_docs.py.
"""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from generator.words.catalogs import LOCALE, LOCALE_OF, RULE_CONTEXT_PREFIX, catalog, catalog_file
from generator.words.languages import LANGUAGES
from generator.words.messages import placeholders

OTHERS = [language for language in LANGUAGES if language != "en"]


def _entries(language: str) -> dict[tuple[str, str], str]:
    with catalog_file(language).open("rb") as stream:  # type: ignore[arg-type]
        po = read_po(stream)
    return {(entry.context or "", entry.id): entry.string for entry in po if entry.id}


def test_there_is_one_catalog_per_language_and_nothing_else() -> None:
    found = sorted(path.relative_to(LOCALE).as_posix() for path in LOCALE.rglob("*") if path.is_file())
    assert found == sorted(f"{LOCALE_OF[language]}/LC_MESSAGES/handbook.po" for language in LANGUAGES)


@pytest.mark.parametrize("language", OTHERS)
def test_every_catalog_has_every_english_key_with_the_same_placeholders(language: str) -> None:
    english = {key: text for key, text in _entries("en").items() if not key[0].startswith(RULE_CONTEXT_PREFIX)}
    other = {key: text for key, text in _entries(language).items() if not key[0].startswith(RULE_CONTEXT_PREFIX)}
    assert sorted(set(english) - set(other)) == [], f"missing in {language}"
    assert sorted(set(other) - set(english)) == [], f"in {language} but not in English"
    for key, text in english.items():
        assert other[key], f"{key} is empty in {language}"
        assert placeholders(other[key]) == placeholders(text), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_entry_is_fuzzy_or_obsolete_and_the_catalog_says_its_language(language: str) -> None:
    with catalog_file(language).open("rb") as stream:
        po = read_po(stream)
    assert [entry.id for entry in po if entry.id and entry.fuzzy] == []
    assert list(po.obsolete) == []
    assert str(po.locale) == LOCALE_OF[language]


def test_the_catalogs_are_what_the_code_reads() -> None:
    for language in LANGUAGES:
        words = catalog(language)
        entries = _entries(language)
        assert dict(words.messages) == {key: text for (context, key), text in entries.items() if context == "message"}
        assert len(words.labels) > 0 and len(words.department_labels) > 0
