"""A `checklist`, when a step has one, has at least one item.

Why: `checklist: []` shows an empty checklist heading on the stage page, which
reads as if the items were lost. Add the items, or leave `checklist` out
(it is optional).

Failing example::

    - id: write-plan
      title: 撰寫計劃
      checklist: []

Passing example::

    - id: write-plan
      title: 撰寫計劃
      checklist:
        - 列出本週目標
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB108"
NAME = "checklist-has-items"
SEVERITY = "warning"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    tree = source.tree
    if tree is None or source.kind != "process" or not isinstance(tree.data.get("stages"), list):
        return
    for stage_index, stage in enumerate(tree.data["stages"]):
        steps = stage.get("steps") if isinstance(stage, dict) else None
        for step_index, step in enumerate(steps if isinstance(steps, list) else []):
            if isinstance(step, dict) and step.get("checklist") == []:
                written_id = step.get("id")
                step_id = written_id if isinstance(written_id, str) else str(step_index + 1)
                path = ("stages", stage_index, "steps", step_index, "checklist")
                yield Finding(tree.at(path), msg("checklist_has_items", step=step_id))
