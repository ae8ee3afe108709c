"""What the rules page says about each rule, in the handbook's language.

A rule's docstring is its English documentation (the yamllint convention): a
summary line, a "Why:" paragraph, a failing and a passing example, each example
an optional explanation and an optional YAML block after `::`. The other
languages translate the prose, keyed by rule id, in their catalogs (generator/words/locale/,
context "rule HBnnn"); the YAML examples are taken from the docstring in every
language, so they are written once. tests/test_rule_docs.py checks that every
registered rule parses and has every part in every language.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from generator.rules import Rule
from generator.words.catalogs import ByLanguage
from generator.words.languages import Language, language_for

# Per language: rule id → {"summary", "why", "failing", "passing"} (the catalogs' "rule HBnnn"
# contexts); English comes from the docstrings.
TRANSLATIONS: Mapping[Language, Mapping[str, Mapping[str, str]]] = ByLanguage(
    lambda words: words.rule_docs, languages=("zh-Hant", "zh-Hans")
)
PARTS = ("summary", "why", "failing", "passing")

_EXAMPLE_START = re.compile(r"^(Failing|Passing) example", re.MULTILINE)
_CODE_MARKER = re.compile(r"::[ \t]*$", re.MULTILINE)


class RuleDocUnreadable(ValueError):
    """A docstring that does not have the shape the rules page needs; the text says what is missing."""


@dataclass(frozen=True, slots=True)
class Example:
    explanation: str  # Markdown; may be empty when the YAML says it all
    code: str | None  # the YAML block, dedented; None when the explanation says it all


@dataclass(frozen=True, slots=True)
class RuleDoc:
    summary: str
    why: str
    failing: Example
    passing: Example


def _example(block: str) -> Example:
    """`Failing example (why)::` + code, `Failing example: text` or `Passing example: text::` + code."""
    marker = _CODE_MARKER.search(block)
    label, code = (
        (block[: marker.start()], textwrap.dedent(block[marker.end() :]).strip("\n")) if marker else (block, None)
    )
    label = " ".join(label.split()[2:])  # drop "Failing example" / "Passing example"
    if label.startswith("(") and label.endswith(")"):
        label = label[1:-1]
    elif label.startswith(":"):
        label = label[1:].strip()
    return Example(label, code or None)


def english_doc(rule: Rule) -> RuleDoc:
    """The rule's docstring split into its parts. Raises `RuleDocUnreadable`."""
    starts = [match.start() for match in _EXAMPLE_START.finditer(rule.doc)]
    kinds = [rule.doc[start : start + 7] for start in starts]
    if kinds != ["Failing", "Passing"]:
        raise RuleDocUnreadable(f"{rule.id}: the docstring needs one 'Failing example' and then one 'Passing example'")
    intro = rule.doc[: starts[0]].strip()
    if not intro.startswith("Why:"):
        raise RuleDocUnreadable(f"{rule.id}: the docstring's paragraph after the summary must start with 'Why:'")
    why = " ".join(intro.removeprefix("Why:").split())
    failing = _example(rule.doc[starts[0] : starts[1]])
    passing = _example(rule.doc[starts[1] :])
    return RuleDoc(" ".join(rule.summary.split()), why, failing, passing)


def rule_doc(rule: Rule, language: str | None) -> RuleDoc:
    """The rule's documentation in `language`; English for a rule that language has no text for yet."""
    english = english_doc(rule)
    text = TRANSLATIONS.get(language_for(language), {}).get(rule.id)
    if text is None or any(part not in text for part in PARTS):
        return english
    return RuleDoc(
        summary=text["summary"],
        why=text["why"],
        failing=Example(text["failing"], english.failing.code),
        passing=Example(text["passing"], english.passing.code),
    )
