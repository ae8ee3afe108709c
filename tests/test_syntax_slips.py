"""Syntax errors from editing slips name the line the editor typed, the column and the fix in plain words."""

from __future__ import annotations

import pytest

from generator.source.loading import source_from_bytes
from generator.words.messages import render

PROCESS = """\
id: weekly
title: 每週例行
owner: lead
stages:
  - id: plan
    title: 計劃
    steps:
      - id: write-plan
        title: "撰寫計劃"
        details: 寫下本週目標。
        checklist:
          - 列出本週目標
          - 確認預算
  - id: review
    title: 檢討
"""


def _failure(old: str, new: str) -> tuple[int, int, str]:
    assert PROCESS.count(old) == 1
    source = source_from_bytes("processes/weekly.yml", "process", PROCESS.replace(old, new).encode("utf-8"))
    assert source.failure is not None
    return source.failure.at.line, source.failure.at.column, render(source.failure.message, "en")


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "words"),
    [
        ("    title: 檢討", "    title：檢討", 15, 10, "use a half-width colon `:` followed by a space"),
        ("          - 確認預算", "          -確認預算", 13, 11, "needs a space after its `-`"),
        ("          - 確認預算", "          － 確認預算", 13, 11, "type a half-width `-`"),
        ("          - 確認預算", "          確認預算", 13, 11, "to make it an item, start it with `- `"),
        ("    title: 檢討", "    title 檢討", 15, 5, "this line has no colon after its key"),
        ("  - id: review", "- id: review", 14, 1, "column 3 (the items of `stages`)"),
        ("          - 確認預算", "         - 確認預算", 13, 10, "move the `-` to column 11 (the items of `checklist`)"),
        ("          - 確認預算", "         - 目標：確認預算", 13, 10, "move the `-` to column 11"),
        ("        checklist:", "          checklist:", 11, 11, "start it at column 9, under `details`"),
        ("        checklist:", "      　checklist:", 11, 7, "full-width or no-break space (U+3000)"),
        ("    title: 計劃", "    title: 計劃: 第一週", 6, 14, "put the whole value in quotes"),
        ("    title: 計劃", '    title: "計劃', 6, 12, "runs on to the quote on line 9"),
        ("    title: 計劃", '    title: "計"劃', 6, 12, "text follows the closing quote"),
    ],
    ids=[
        "full-width colon",
        "no space after dash",
        "full-width dash",
        "missing dash",
        "missing colon",
        "stage at the margin",
        "item one space left",
        "item one space left with a full-width colon in its text",
        "key joined to the value above",
        "ideographic space",
        "colon in a value",
        "quote left open",
        "text after a quote",
    ],
)
def test_the_typed_line_column_and_fix_are_named(old, new, line, column, words):
    found_line, found_column, message = _failure(old, new)
    assert (found_line, found_column) == (line, column)
    assert words in message


def test_an_item_moved_left_is_blamed_not_the_key_it_swallowed():
    # The item becomes a step holding the lines below it; PyYAML notices only at `due:`, two lines down.
    text = PROCESS.replace("          - 列出本週目標", "      - 列出本週目標")
    text = text.replace("          - 確認預算\n", "          - 確認預算\n        due: 週一\n")
    source = source_from_bytes("processes/weekly.yml", "process", text.encode("utf-8"))
    assert source.failure is not None
    assert (source.failure.at.line, source.failure.at.column) == (12, 7)
    assert "move its `-` to column 11, in line with the other items" in render(source.failure.message, "en")
