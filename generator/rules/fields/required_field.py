"""Required fields must be there: `id`, `title`; `stages` in a process, `steps` in a stage, `raci` in a step.

Why: without these the tool cannot give the object a page, a title or an owner.

Failing example (a step without `title` and `raci`)::

    steps:
      - id: collect-inputs

Passing example::

    steps:
      - id: collect-inputs
        title: 彙整市場輸入
        raci:
          R: [market-research]
          A: marketing-head
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.schema import schema_findings

ID = "HB010"
NAME = "required-field"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for finding in schema_findings(source):
        if finding.kind == "missing":
            yield Finding(finding.at, finding.message)
