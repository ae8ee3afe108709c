"""A title or list item holds at most 1,000 characters; a summary, details or explanation at most 5,000.

Why: a value this long is almost always a paste gone wrong (a whole document
dropped into one item), and nobody reads a heading of a thousand characters. The
limit also keeps every page quick to build: the site's Markdown engine slows
down more than in proportion on very long text. The site is not built while a
value is over the limit, even when this rule is switched off in `mkdocs.yml`.

Failing example (an item of 1,200 characters)::

    responsibilities:
      - 負責……（1,200 個字）

Passing example (the same words as several items, or in `summary`)::

    responsibilities:
      - 負責活動企劃
      - 負責活動預算
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import text_values
from generator.source.texts import MAX_ONE_LINE_CHARACTERS, MAX_PARAGRAPH_CHARACTERS
from generator.words.messages import msg

ID = "HB058"
NAME = "text-length"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for value in text_values(source):
        limit = MAX_ONE_LINE_CHARACTERS if value.one_line else MAX_PARAGRAPH_CHARACTERS
        if len(value.text) > limit:
            yield Finding(value.at, msg("text_too_long", field=value.field, length=len(value.text), limit=limit))
