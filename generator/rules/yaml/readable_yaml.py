"""A file must be readable YAML: UTF-8 text, well-formed, one document, spaces not tabs.

Why: a file the tool cannot read is a file whose roles and steps silently
vanish from the handbook. The message points at the first spot that breaks.

Failing example (the second line starts with a tab, shown here as ⇥)::

    id: market-research
    ⇥title: 市場調研專員

Passing example::

    id: market-research
    title: 市場調研專員
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding

ID = "HB001"
NAME = "readable-yaml"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    if source.failure is not None and source.failure.reason in ("unreadable", "syntax"):
        yield Finding(source.failure.at, source.failure.message)
