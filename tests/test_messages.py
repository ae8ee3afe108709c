"""The message catalogs: complete, consistent, and chosen from the theme language."""

from __future__ import annotations

import pytest

from generator.rules.checking import check_handbook
from generator.words.messages import CATALOGS, EN, LANGUAGES, language_for, msg, placeholders, render

MISSPELT_TITLE = {"roles/member.yml": "id: member\ntitel: 組員\nreports_to: lead\n"}


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
def test_every_catalog_says_every_message_with_the_same_fields(language):
    catalog = CATALOGS[language]
    assert sorted(catalog) == sorted(EN)
    for key, template in EN.items():
        assert placeholders(catalog[key]) == placeholders(template), key


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("zh-Hant", "zh-Hant"),
        ("zh-TW", "zh-Hant"),
        ("zh_HK", "zh-Hant"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("en", "en"),
        ("de", "en"),
        (None, "en"),
    ],
)
def test_theme_language_chooses_the_catalog(theme, expected):
    assert language_for(theme) == expected


def test_nested_messages_are_rendered_in_the_same_language():
    message = msg("schema.missing", place=msg("place.step", step=2, stage=1), key="raci")
    assert render(message, "en") == "step 2 of stage 1 has no `raci`: add `raci:` — it is required"
    assert render(message, "zh-Hant") == "第 1 個階段的第 2 個步驟沒有 `raci`：請加上 `raci:`——這是必填欄位"


def test_an_unknown_key_fails_at_once():
    with pytest.raises(KeyError):
        msg("no.such.message")


def test_check_handbook_writes_problems_in_the_language_asked_for(write_handbook):
    root = write_handbook(MISSPELT_TITLE)
    english = check_handbook(root)
    chinese = check_handbook(root, language="zh-Hant")
    assert [(p.code, p.line) for p in english.problems] == [(p.code, p.line) for p in chinese.problems]
    assert chinese.problems[0].message == "這個角色沒有 `title`：請加上 `title:`——這是必填欄位"
    assert english.problems[0].message == "this role has no `title`: add `title:` — it is required"
