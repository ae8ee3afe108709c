"""Text has no snippet markers: no `--8<--`.

Why: with the pymdownx.snippets extension, a `--8<--` line pastes another file
from the server into the page, which could publish files nobody meant to
publish. The site never lets a value form such a line; the validator says so early.

Failing example::

    details: --8<-- "mkdocs.yml"

Passing example::

    details: 設定寫在 mkdocs.yml 裡。
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import prose
from generator.source.texts import SNIPPET_MARKER
from generator.words.messages import msg

ID = "HB053"
NAME = "no-snippet-lines"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for value in prose(source):
        if SNIPPET_MARKER.search(value.text):
            yield Finding(value.at, msg("no_snippet_lines", field=value.field))
