"""No zero-width characters inside text (U+200B–U+200D, U+FEFF).

Why: they show as nothing, so two ids or words that look equal are not, and
search cannot find a word with one inside. They usually arrive by copying from
a web page. A warning: unlike direction controls they cannot reorder what a
reviewer sees, but they should still go. (A byte-order mark at the very start
of a file is fine: the loader removes it.)

Failing example: `R: [market-research]` with a U+200B (ZERO WIDTH SPACE) copied in
before `-research`; it looks right, but names no role.

Passing example::

    R: [market-research]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import text_values
from generator.source.texts import INVISIBLE_CHARACTERS
from generator.words.messages import msg

ID = "HB057"
NAME = "no-invisible-characters"
SEVERITY = "warning"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for value in text_values(source):
        found = next((char for char in value.text if char in INVISIBLE_CHARACTERS), None)
        if found:
            code, name = f"U+{ord(found):04X}", unicodedata.name(found, "?")
            yield Finding(value.at, msg("invisible_character", field=value.field, code=code, name=name))
