"""A list item indented one level too deep must not take the keys below it away from it.

Why: when a new stage (or step) is indented as far as the steps of the stage
above, it becomes a step of that stage, holding only its first key; the keys
written under it (`title`, `steps` …) then land in the stage above, where they
are written twice. The duplicate-key rule reports the repeated keys; this rule
points at the line to fix: the item whose `-` is too far right.

Failing example (the second stage is indented four spaces too far)::

    stages:
      - id: plan
        title: 計劃
        steps:
          - id: write-plan
            …
          - id: execute
        title: 執行

Passing example::

    stages:
      - id: plan
        title: 計劃
        steps:
          - id: write-plan
            …
      - id: execute
        title: 執行
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from generator.source.loading import SourceFile, iter_nodes
from generator.source.model import Location
from generator.source.problems import Finding
from generator.source.slips import may_repeat_keys
from generator.words.messages import msg

ID = "HB064"
NAME = "no-misplaced-item"
SEVERITY = "error"
SCOPE = "file"


def _dash_column(lines: list[str], node: yaml.Node) -> int | None:
    """The column of the `-` that starts `node` as a list item, if it is one."""
    mark = node.start_mark
    before = lines[mark.line][: mark.column].rstrip(" ") if mark.line < len(lines) else ""
    return len(before) - 1 if before.endswith("-") else None


def _scalar_keys(node: yaml.MappingNode) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
    for key, value in node.value:
        if type(key) is yaml.ScalarNode:
            yield key.value, key, value


def check(source: SourceFile) -> Iterator[Finding]:
    if source.root is None or not may_repeat_keys(source):
        return
    lines: list[str] | None = None
    for node in iter_nodes(source.root):
        if type(node) is not yaml.MappingNode:
            continue
        seen: set[str] = set()
        previous: yaml.Node | None = None
        for key, key_node, value in _scalar_keys(node):
            if key not in seen:
                seen.add(key)
                previous = value
                continue
            # The first repeated key: was it meant for the last item of the list just above it?
            if type(previous) is yaml.SequenceNode and previous.value and type(previous.value[-1]) is yaml.MappingNode:
                item = previous.value[-1]
                item_keys = {name for name, _, _ in _scalar_keys(item)}
                if key not in item_keys and item_keys & seen:
                    if lines is None:
                        lines = source.text.splitlines()
                    outer, inner = _dash_column(lines, node), _dash_column(lines, item)
                    if outer is not None and inner is not None:
                        yield Finding(
                            Location(source.path, item.start_mark.line + 1, inner + 1),
                            msg(
                                "misplaced_item",
                                key=key,
                                line=key_node.start_mark.line + 1,
                                first=node.start_mark.line + 1,
                                column=outer + 1,
                            ),
                        )
            break
