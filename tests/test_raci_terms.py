"""One word for each RACI letter in each script, in messages, page labels and the rules page.

Traditional: R 負責執行, A 當責, C 諮詢, I 知會. Simplified (the Chinese PMBOK's): R 执行,
A 负责 (负责人), C 咨询, I 知情. The other words once used for `A` must not come back.
"""

from __future__ import annotations

from generator.render.rule_docs import TRANSLATIONS
from generator.words.labels import LABELS
from generator.words.messages import CATALOGS

# Words that named `A` (or `R`, `I`) in one place and something else in another.
NOT_USED = {
    "zh-Hant": ("擁有者", "負責人", "問責", "當責者", "知情"),
    "zh-Hans": ("当责", "拥有者", "问责", "负责执行", "知会"),
}


def _texts(language: str) -> dict[str, str]:
    texts = {f"message {key}": text for key, text in CATALOGS[language].items()}  # type: ignore[index]
    texts |= {f"label {key}": text for key, text in LABELS[language].items()}  # type: ignore[index]
    for rule_id, parts in TRANSLATIONS[language].items():  # type: ignore[index]
        texts |= {f"rules page {rule_id} {part}": text for part, text in parts.items()}
    return texts


def test_each_script_uses_one_word_per_raci_letter() -> None:
    found = [
        f"{language} {where}: {word!r}"
        for language, words in NOT_USED.items()
        for where, text in _texts(language).items()
        for word in words
        if word in text
    ]
    assert not found, "\n".join(found)


def test_the_letters_are_spelled_out_with_those_words() -> None:
    hant, hans = LABELS["zh-Hant"], LABELS["zh-Hans"]
    assert (hant["responsible"], hant["owner"], hant["consulted"], hant["informed"]) == (
        "負責執行",
        "當責",
        "諮詢",
        "知會",
    )
    assert (hans["responsible"], hans["owner"], hans["consulted"], hans["informed"]) == ("执行", "负责", "咨询", "知情")
    assert CATALOGS["zh-Hant"]["diff.letter_A"].startswith("當責（`A`）")
    assert CATALOGS["zh-Hans"]["diff.letter_A"].startswith("负责（`A`）")
