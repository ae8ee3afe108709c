"""How search cuts text into words and compares them; handbook-search.js does exactly the same.

Chinese has no spaces, and a word cutter (jieba) cuts the same word differently alone
than inside a sentence (盯盤, 上線測試): a query cut one way never meets a page cut
the other. So Han text is indexed as overlapping pairs of characters (調研專員 →
調研, 研專, 專員) and single characters: every word of two or more characters a page
contains is found, whoever cut it, and a query with one wrong character still shares
most of its pairs with the right name. Other letters and digits are whole words.

Before cutting, text is compared in one form: NFKC (full-width letters become ASCII),
lower case, and every Chinese character folded to one character of its variant class
(调 and 調, 周 and 週, 台 and 臺: `variant_fold`, from OpenCC's tables), so a query in
Simplified or another regional standard meets the handbook's Traditional text.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

# Han characters: the CJK blocks, compatibility ideographs and the supplementary planes.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_CHAR = re.compile(f"[{HAN}]")
# A run of letters and digits (any script); Han and other letters are split apart after.
_WORD_RUN = re.compile(r"[^\W_]+")
_HAN_OR_OTHER = re.compile(f"[{HAN}]+|[^{HAN}]+")
_HAN_RUNS = re.compile(f"[{HAN}]+")
# Letters and digits that are not Han: the other words.
_OTHER_WORDS = re.compile(f"[^\\W_{HAN}]+")

# OpenCC's tables, both ways: Simplified, Taiwan, Hong Kong and Japanese variants.
VARIANT_CONVERSIONS = ("t2s", "s2t", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t")
_CJK_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(f"{config}.json")


def variant_fold(chars: Iterable[str]) -> dict[str, str]:
    """Every variant of the given characters → one character standing for all of them.

    调, 調; 周, 週; 台, 臺; 裡, 裏, 里; 線, 綫, 线 each fold to one character, so a
    query and the index compare the same way whichever script or regional standard
    each was written in. The variants come only from OpenCC's tables, run through
    VARIANT_CONVERSIONS character by character over the CJK blocks (so a variant
    only a reverse table knows, 綫 → 線 in hk2t, is found from either side);
    characters OpenCC joins, directly or through another, share a class. Only the
    classes of the given characters are returned, and only characters that differ
    from their class's character.
    """
    parent = _variant_classes()
    wanted = {_root(parent, char) for char in chars if char in parent}
    return {char: root for char in sorted(parent) if (root := _root(parent, char)) in wanted and root != char}


def _root(parent: Mapping[str, str], char: str) -> str:
    while parent[char] != char:
        char = parent[char]
    return char


@cache
def _variant_classes() -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(char: str) -> str:
        parent.setdefault(char, char)
        while parent[char] != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    def join(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            # The smaller code point leads: the same class folds the same way on every build.
            parent[max(root_a, root_b)] = min(root_a, root_b)

    every = [chr(code) for first, last in _CJK_BLOCKS for code in range(first, last + 1)]
    # One character a line: OpenCC's phrase tables never see two neighbouring characters.
    lines = "\n".join(every)
    for config in VARIANT_CONVERSIONS:
        converted = str(_converter(config).convert(lines)).split("\n")
        if len(converted) != len(every):
            continue  # not one line for one line: a table we do not understand, left out
        for char, other in zip(every, converted, strict=True):
            if other != char and len(other) == 1:
                join(char, other)
    for char in list(parent):
        find(char)
    return parent


def is_han(char: str) -> bool:
    return _HAN_CHAR.match(char) is not None


def han_characters(text: str) -> set[str]:
    return set(_HAN_CHAR.findall(text))


class Folding:
    """Text in the one form search compares: NFKC, lower case, variants folded (see the module docstring)."""

    def __init__(self, fold: Mapping[str, str]) -> None:
        self.fold = dict(fold)
        self._table = str.maketrans(self.fold)

    def __call__(self, text: str) -> str:
        return unicodedata.normalize("NFKC", text).lower().translate(self._table)


def segments(folded: str) -> Iterator[tuple[bool, str]]:
    """(is Han, text) for each run of letters or digits, Han runs apart from the rest."""
    for run in _WORD_RUN.findall(folded):
        for part in _HAN_OR_OTHER.findall(run):
            yield is_han(part[0]), part


def query_tokens(folded: str) -> list[str]:
    """The tokens a query looks up: a Han run's character pairs (its character when alone), other words whole."""
    tokens: list[str] = []
    for han, part in segments(folded):
        if han and len(part) > 1:
            tokens.extend(part[i : i + 2] for i in range(len(part) - 1))
        else:
            tokens.append(part)
    # Each once, in the order typed.
    return list(dict.fromkeys(tokens))


def text_tokens(folded: str) -> list[str]:
    """Every token a text is indexed under: a Han run's single characters and pairs, other words whole.

    The same tokens as cutting `segments` would give, found with two patterns: this runs on
    every word of every page of the site.
    """
    tokens: list[str] = _OTHER_WORDS.findall(folded)
    for run in _HAN_RUNS.findall(folded):
        tokens.extend(run)
        tokens.extend(map(operator.add, run, run[1:]))
    return tokens
