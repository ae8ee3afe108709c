"""The word catalogs: one gettext `.po` file per language, read through Babel.

`locale/<language>/LC_MESSAGES/handbook.po` holds everything a reader or editor sees in
that language, by context: `message` (findings and the commands' lines), `label` (page
labels), `department` (the department pages' labels) and `rule HBnnn` (the rules page's
prose; English has it in each rule's docstring instead). The msgid is the key the code
asks for, the msgstr the text. Translators edit the files with any gettext tool (Poedit,
Weblate, `pybabel`); tests/test_catalogs.py checks that every key of the English catalog is
in every other one, with the same `{placeholders}`.

A catalog is read the first time a language is asked for, once per process: the files are
part of the installed tool and do not change while it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from generator.words.languages import LANGUAGES, Language

LOCALE = Path(__file__).resolve().parent / "locale"
# Babel's locale identifiers, the folder names under locale/.
LOCALE_OF: Mapping[Language, str] = {"en": "en", "zh-Hant": "zh_Hant", "zh-Hans": "zh_Hans"}
DOMAIN = "handbook"
RULE_CONTEXT_PREFIX = "rule "

T = TypeVar("T")


@dataclass(frozen=True)
class Catalog:
    """One language's words, by context."""

    messages: Mapping[str, str]
    labels: Mapping[str, str]
    department_labels: Mapping[str, str]
    # rule id → {"summary", "why", "failing", "passing"}
    rule_docs: Mapping[str, Mapping[str, str]]


def catalog_file(language: Language) -> Path:
    return LOCALE / LOCALE_OF[language] / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def catalog(language: Language) -> Catalog:
    """The catalog of `language`, read from its .po file."""
    # Imported here: Babel's catalog reader is needed only once a message is rendered.
    from babel.messages.pofile import read_po

    with catalog_file(language).open("rb") as stream:
        po = read_po(stream, locale=LOCALE_OF[language], domain=DOMAIN)
    by_context: dict[str, dict[str, str]] = {}
    for entry in po:
        if not entry.id or not isinstance(entry.id, str) or not isinstance(entry.string, str):
            continue  # the header; the catalogs have no plural entries
        by_context.setdefault(entry.context or "", {})[entry.id] = entry.string
    rule_docs = {
        context.removeprefix(RULE_CONTEXT_PREFIX): MappingProxyType(parts)
        for context, parts in by_context.items()
        if context.startswith(RULE_CONTEXT_PREFIX)
    }
    return Catalog(
        messages=MappingProxyType(by_context.get("message", {})),
        labels=MappingProxyType(by_context.get("label", {})),
        department_labels=MappingProxyType(by_context.get("department", {})),
        rule_docs=MappingProxyType(rule_docs),
    )


class ByLanguage(Mapping[Language, T]):
    """One part of every catalog, by language (`MESSAGES["zh-Hant"]`), each catalog read when first asked for."""

    def __init__(self, part: Callable[[Catalog], T], *, languages: tuple[Language, ...] = LANGUAGES) -> None:
        self._part = part
        self._languages = languages

    def __getitem__(self, language: Language) -> T:
        if language not in self._languages:
            raise KeyError(language)
        return self._part(catalog(language))

    def __iter__(self) -> Iterator[Language]:
        return iter(self._languages)

    def __len__(self) -> int:
        return len(self._languages)
