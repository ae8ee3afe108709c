"""The handbook's language: decided once, by `handbook_language`, from `--lang` or the theme language in mkdocs.yml.

Every caller (the commands, their help, `make`'s Mermaid step, the MkDocs plugin) asks
`handbook_language`; messages, page labels, the rules page, the checklist downloads and
search then all use the one answer, so a handbook written with `zh_TW` or `zh-HK` never gets
Traditional Chinese pages with Simplified or English messages. `material_language`
gives Material for MkDocs a name it has translations for: it knows `zh-Hant`,
`zh-TW` and `zh`, and stops the build with a missing template for `zh_TW` or `zh-HK`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Language = Literal["en", "zh-Hant", "zh-Hans"]
LANGUAGES: tuple[Language, ...] = ("en", "zh-Hant", "zh-Hans")

# BCP 47 tags people write for Chinese (lower case, `-`), by the script they are written in.
# Hong Kong, Macau and Taiwan write Traditional characters; mainland China and Singapore,
# Simplified; a bare `zh` is Simplified, as Material reads it.
_CHINESE: Mapping[str, Language] = {
    "zh": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-my": "zh-Hans",
    "zh-hans-cn": "zh-Hans",
    "zh-hans-sg": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh-hant-tw": "zh-Hant",
    "zh-hant-hk": "zh-Hant",
    "zh-hant-mo": "zh-Hant",
}

# Material's own translations for Chinese (material/templates/partials/languages/).
_MATERIAL_CHINESE = frozenset({"zh", "zh-Hant", "zh-TW"})


def _normalised(name: str) -> str:
    return name.strip().replace("_", "-").casefold()


def _is_chinese(normalised: str) -> bool:
    return normalised == "zh" or normalised.startswith("zh-")


def language_for(name: str | None) -> Language:
    """The handbook language of a theme language such as `zh-Hant`, `zh_TW`, `zh-HK` or `zh`; English when unknown."""
    if not name:
        return "en"
    normalised = _normalised(name)
    if normalised in _CHINESE:
        return _CHINESE[normalised]
    # Any other Chinese tag names its script (`zh-Hant-…`) or is read as Simplified, like `zh`.
    if normalised.startswith("zh-hant-"):
        return "zh-Hant"
    if _is_chinese(normalised):
        return "zh-Hans"
    return "en"


def handbook_language(*, chosen: str | None = None, theme_language: str | None = None) -> Language:
    """The one decision of the handbook's language: `--lang` if given, else mkdocs.yml's `theme.language`, else English.

    `chosen` is what the user asked for on the command line; `theme_language` the theme
    language as written in mkdocs.yml (`generator.source.site_config.theme_language`).
    """
    return language_for(chosen or theme_language)


def material_language(name: str | None) -> str | None:
    """The theme language to hand Material: `name` itself unless it is a Chinese tag Material has no file for."""
    if not name or name in _MATERIAL_CHINESE or not _is_chinese(_normalised(name)):
        return name
    if _normalised(name) == "zh-tw":
        return "zh-TW"
    return "zh-Hant" if language_for(name) == "zh-Hant" else "zh"
