"""Every value must have the expected type: text, a list, or true/false.

Why: YAML guesses types. `no` becomes false, `012` a number, `2024-01-01` a
date; a list written as one line of text loses its items. Quote text that
YAML could misread, and write lists with `- ` items.

Failing example::

    id: market-research
    title: no
    responsibilities: 問卷調研

Passing example::

    id: market-research
    title: "no"
    responsibilities:
      - 問卷調研
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.schema import schema_findings

ID = "HB012"
NAME = "value-type"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for finding in schema_findings(source):
        if finding.kind == "type":
            yield Finding(finding.at, finding.message)
