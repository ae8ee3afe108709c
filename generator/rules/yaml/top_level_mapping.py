"""The top level of a file must be keys with values (`id:`, `title:` …), not a list or text.

Why: a role or a process is one object with named fields. A file that starts
with `- ` or with plain text cannot be read as one.

Failing example::

    - id: market-research
      title: 市場調研專員

Passing example::

    id: market-research
    title: 市場調研專員
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB003"
NAME = "top-level-mapping"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    if source.root is None or isinstance(source.root, yaml.MappingNode):
        return
    found = msg("top_level.list" if isinstance(source.root, yaml.SequenceNode) else "top_level.value")
    yield Finding(source.location(source.root), msg("top_level_mapping", found=found, kind=msg(f"thing.{source.kind}")))
