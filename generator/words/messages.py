"""Messages in the handbook's language, from the catalogs in generator/words/locale/.

Rules, the loader and the schema checks never write sentences themselves: they
yield a `Message`, a catalog key plus parameters. `render` turns it into text
in one language, so `handbook validate`, `mkdocs build` and the PR annotations
all say the same thing in the language the handbook is written in. English is
the fallback for a key a catalog lacks.

A parameter may itself be a `Message` (a place such as "step 2 of stage 1", a
hint); it is rendered in the same language before it is put in.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias

from generator.words.catalogs import ByLanguage, catalog
from generator.words.languages import LANGUAGES, Language, language_for

# Re-exported: the rest of the tool asks this module for the language of its messages.
__all__ = ["CATALOGS", "EN", "LANGUAGES", "Language", "Message", "language_for", "msg", "placeholders", "render"]

# The messages of each language's catalog (generator/words/locale/, context "message").
CATALOGS: Mapping[Language, Mapping[str, str]] = ByLanguage(lambda words: words.messages)
# English: the keys every catalog has, and the text for a key another catalog lacks.
EN: Mapping[str, str] = catalog("en").messages

Param: TypeAlias = "str | int | Message"


@dataclass(frozen=True, slots=True)
class Message:
    """A catalog key and its parameters; `render` makes it text."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()


def msg(key: str, /, **params: Param) -> Message:
    """A message for `key`; fails at once (in tests) when English has no such key."""
    if key not in EN:
        raise KeyError(f"no English message for {key!r}")
    return Message(key, tuple(params.items()))


# A Han character or kana: Chinese and Japanese text puts no space between words, but a
# code span set right against one reads as a single word in plain text ("`C`指定了").
_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


# How many characters of a value a finding quotes: a 100,000-character value pasted by mistake
# is reported by the length rule, not repeated in every finding that names it.
QUOTED_CHARACTERS = 80


def bounded(message: Message) -> Message:
    """`message` with every text parameter cut to QUOTED_CHARACTERS, then "…" (nested messages too)."""
    params = tuple(
        (
            name,
            bounded(value)
            if isinstance(value, Message)
            else value[:QUOTED_CHARACTERS] + "…"
            if isinstance(value, str) and len(value) > QUOTED_CHARACTERS
            else value,
        )
        for name, value in message.params
    )
    return Message(message.key, params)


def render(message: Message, language: Language = "en") -> str:
    """The message as text in `language` (English for a key that language lacks).

    A part that is itself a message and starts or ends with a code span gets a space
    between that span and a CJK letter of the sentence around it ("步驟 `x` 的 `C` 指定了");
    the catalogs write those spaces themselves wherever the span is their own.
    """
    template = CATALOGS[language].get(message.key) or EN[message.key]
    params = dict(message.params)
    parts: list[str] = []
    pieces = _pieces(template)
    for index, (literal, name, spec, conversion) in enumerate(pieces):
        parts.append(literal)
        if name is None:
            continue
        value = params[name]
        if not isinstance(value, Message):
            parts.append(_FORMATTER.format_field(_FORMATTER.convert_field(value, conversion), spec or ""))
            continue
        text = render(value, language)
        following = pieces[index + 1][0] if index + 1 < len(pieces) else ""
        if text.startswith("`") and literal and _CJK_LETTER.fullmatch(literal[-1]):
            text = " " + text
        if text.endswith("`") and following and _CJK_LETTER.fullmatch(following[0]):
            text += " "
        parts.append(text)
    return "".join(parts)


_FORMATTER = string.Formatter()


@lru_cache(maxsize=4096)
def _pieces(template: str) -> tuple[tuple[str, str | None, str | None, str | None], ...]:
    """A catalog template cut into (text, field, format spec, conversion), once per template."""
    return tuple(_FORMATTER.parse(template))


def placeholders(template: str) -> frozenset[str]:
    """The parameter names a catalog template uses, e.g. {"key", "line"}."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)
