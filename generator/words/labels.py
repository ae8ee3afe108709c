"""Every label the generator writes into pages, per handbook language (the catalogs' "label" context).

Templates never hold words of their own: they ask these labels, so a handbook
in another language gets headings in that language.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.words.catalogs import ByLanguage
from generator.words.languages import Language, language_for

# The page labels of each language's catalog (generator/words/locale/, context "label").
LABELS: Mapping[Language, Mapping[str, str]] = ByLanguage(lambda words: words.labels)


def labels_for(language: str | None) -> Mapping[str, str]:
    """The label catalog for a theme language such as `zh-Hant` or `zh_TW` (see generator.words.languages)."""
    return LABELS[language_for(language)]
