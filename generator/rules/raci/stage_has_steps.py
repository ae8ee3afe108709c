"""A stage has at least one step.

Why: a stage with `steps: []` gets a checklist page with nothing on it; a new
hire opening it learns nothing. Write the steps, or remove the stage until
they are known.

Failing example::

    - id: review
      title: 復盤
      steps: []

Passing example::

    - id: review
      title: 復盤
      steps:
        - id: write-review
          title: 撰寫復盤報告
          raci:
            R: [marketing-head]
            A: marketing-head
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB107"
NAME = "stage-has-steps"
SEVERITY = "warning"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    tree = source.tree
    if tree is None or source.kind != "process" or not isinstance(tree.data.get("stages"), list):
        return
    for index, stage in enumerate(tree.data["stages"]):
        if isinstance(stage, dict) and stage.get("steps") == []:
            written_id = stage.get("id")
            stage_id = written_id if isinstance(written_id, str) else str(index + 1)
            yield Finding(tree.at(("stages", index, "steps")), msg("stage_has_steps", stage=stage_id))
