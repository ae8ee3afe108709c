"""Every key must be one the format knows; a misspelt key is an error, never silently ignored.

Why: a typo such as `titel:` or `checklst:` would otherwise drop that data from
the handbook without a word. The message suggests the key you probably meant.

Failing example::

    id: market-research
    titel: 市場調研專員

Passing example::

    id: market-research
    title: 市場調研專員
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.schema import schema_findings

ID = "HB011"
NAME = "unknown-key"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for finding in schema_findings(source):
        if finding.kind == "unknown":
            yield Finding(finding.at, finding.message)
