"""One decision for the handbook's language: messages, page labels and Material agree on every tag.

Search needs none: it folds Traditional, Simplified and regional variants together whatever the language
(see generator.search.text).
"""

from __future__ import annotations

import pytest

from generator.words.labels import labels_for
from generator.words.languages import language_for, material_language
from generator.words.messages import msg, render

# Written by hand: the tags people put in mkdocs.yml's theme.language, and what each must give.
# (tag, handbook language, the step label pages show)
TABLE = [
    ("zh-Hant", "zh-Hant", "步驟"),
    ("zh-TW", "zh-Hant", "步驟"),
    ("zh_TW", "zh-Hant", "步驟"),
    ("zh-tw", "zh-Hant", "步驟"),
    ("zh-HK", "zh-Hant", "步驟"),
    ("zh_HK", "zh-Hant", "步驟"),
    ("zh-MO", "zh-Hant", "步驟"),
    ("zh-Hant-TW", "zh-Hant", "步驟"),
    ("zh-Hans", "zh-Hans", "步骤"),
    ("zh", "zh-Hans", "步骤"),
    ("zh-CN", "zh-Hans", "步骤"),
    ("zh_CN", "zh-Hans", "步骤"),
    ("zh-SG", "zh-Hans", "步骤"),
    ("en", "en", "Step"),
    ("en_US", "en", "Step"),
    ("de", "en", "Step"),
    ("zha", "en", "Step"),  # Zhuang, not Chinese
    ("", "en", "Step"),
    (None, "en", "Step"),
]

# What each handbook language says for one message, to see which catalog `render` used.
NO_ROLES_YET = {
    "zh-Hant": "請先建立一個角色（handbook new role ID）：流程的每個步驟都需要一個當責角色",
    "zh-Hans": "请先创建一个角色（handbook new role ID）：流程的步骤需要一个角色当负责人",
    "en": "create a role first (handbook new role ID): a process step needs a role as its owner",
}


@pytest.mark.parametrize(("tag", "language", "step_label"), TABLE)
def test_messages_and_labels_decide_the_same_language(tag: str | None, language: str, step_label: str) -> None:
    assert language_for(tag) == language
    assert render(msg("run.no_roles_yet"), language_for(tag)) == NO_ROLES_YET[language]
    assert labels_for(tag)["step"] == step_label


@pytest.mark.parametrize(
    ("tag", "for_material"),
    [
        # Material has partials/languages/zh-Hant.html, zh-TW.html and zh.html, and no other Chinese.
        ("zh-Hant", "zh-Hant"),
        ("zh-TW", "zh-TW"),
        ("zh", "zh"),
        ("zh_TW", "zh-TW"),
        ("zh-tw", "zh-TW"),
        ("zh-HK", "zh-Hant"),
        ("zh_HK", "zh-Hant"),
        ("zh-MO", "zh-Hant"),
        ("zh-Hans", "zh"),
        ("zh-CN", "zh"),
        ("zh_CN", "zh"),
        ("zh-SG", "zh"),
        # Anything else is Material's business, untouched.
        ("en", "en"),
        ("fr", "fr"),
        ("pt-BR", "pt-BR"),
        (None, None),
    ],
)
def test_material_gets_a_language_it_has_translations_for(tag: str | None, for_material: str | None) -> None:
    assert material_language(tag) == for_material
