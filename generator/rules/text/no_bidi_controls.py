"""No characters that change the direction of text (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).

Why: these invisible characters reorder how text is displayed, so the pull
request can show a reviewer one text while the handbook says another (the
"Trojan Source" trick). That defeats review, so this is an error. Our
handbooks are written left to right and never need them.

Failing example: a title such as `確認預算` with U+202E (RIGHT-TO-LEFT OVERRIDE)
typed between two characters; it shows as nothing, but what follows it is displayed
right to left.

Passing example::

    title: 確認預算
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import text_values
from generator.source.texts import BIDI_CONTROLS
from generator.words.messages import msg

ID = "HB056"
NAME = "no-bidi-controls"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for value in text_values(source):
        found = next((char for char in value.text if char in BIDI_CONTROLS), None)
        if found:
            code, name = f"U+{ord(found):04X}", unicodedata.name(found, "?")
            yield Finding(value.at, msg("bidi_control", field=value.field, code=code, name=name))
