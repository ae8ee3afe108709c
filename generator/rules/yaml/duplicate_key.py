"""A key must appear only once in the same place.

Why: YAML would silently keep the last of two equal keys and drop the first,
so half of an edit would disappear without anyone noticing.

Failing example::

    id: market-research
    title: 市場調研專員
    title: 調研專員

Passing example::

    id: market-research
    title: 市場調研專員
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from generator.source.loading import SourceFile, iter_nodes
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB004"
NAME = "duplicate-key"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    if source.root is None:
        return
    tree = source.tree
    # Converting the file noted every mapping with fewer distinct keys than written ones.
    mappings = tree.repeated_keys if tree is not None else iter_nodes(source.root)
    for node in mappings:
        if not isinstance(node, yaml.MappingNode):
            continue
        first_line: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            if key in first_line:
                at = source.location(key_node)
                yield Finding(at, msg("duplicate_key", key=key, first=first_line[key], second=at.line))
            else:
                first_line[key] = key_node.start_mark.line + 1
