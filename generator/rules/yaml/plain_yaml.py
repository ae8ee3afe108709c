"""Files use plain YAML only: no tags (`!!…`, `!…`), anchors (`&`), aliases (`*`) or merge keys (`<<`).

Why: tags can ask a YAML library to run code; anchors and aliases copy content
from elsewhere, which hides it from a reviewer reading the pull request and
allows "alias bombs" that blow up memory. Write each value out in full.

Failing example::

    responsibilities: &duties
      - 問卷調研
    metrics: *duties

Passing example::

    responsibilities:
      - 問卷調研
    metrics:
      - 問卷回收率
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from generator.source.loading import SourceFile, iter_nodes
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB005"
NAME = "plain-yaml"
SEVERITY = "error"
SCOPE = "file"


# Findings about tags, anchors and aliases in one file before the rest are summed up in one:
# an alias bomb writes hundreds of them, and the first few say what to do.
MAX_FEATURES_REPORTED = 10


def check(source: SourceFile) -> Iterator[Finding]:
    for feature in source.features[:MAX_FEATURES_REPORTED]:
        yield Finding(feature.at, msg(f"plain_yaml.{feature.name}", detail=feature.detail))
    more = source.features[MAX_FEATURES_REPORTED:]
    if more:
        yield Finding(more[0].at, msg("plain_yaml.more", count=len(more)))
    if source.root is None:
        return
    tree = source.tree
    # Converting the file noted every mapping with a `<<` key.
    for node in tree.merge_keys if tree is not None else iter_nodes(source.root):
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<":
                    yield Finding(source.location(key_node), msg("plain_yaml.merge_key"))
