"""A team outside the department (`external: true`) has no onboarding fields.

Why: the handbook does not onboard other departments' people, so a team's page
has no "first weeks" plan and `buddy`, `tools`, `accounts` and
`first_deliverable` written there are shown nowhere. Either the team really is
outside (remove the fields) or it is a department role (remove `external: true`).

Failing example::

    id: design-team
    title: 設計團隊
    external: true
    tools:
      - Figma

Passing example::

    id: design-team
    title: 設計團隊
    external: true
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB042"
NAME = "no-onboarding-on-external"
SEVERITY = "warning"
SCOPE = "file"

ONBOARDING_FIELDS = ("buddy", "tools", "accounts", "first_deliverable")


def check(source: SourceFile) -> Iterator[Finding]:
    tree = source.tree
    if tree is None or source.kind != "role" or tree.data.get("external") is not True:
        return
    role = tree.data.get("id")
    for field in ONBOARDING_FIELDS:
        if field in tree.data:
            yield Finding(
                tree.at((field,), key=True),
                msg("no_onboarding_on_external", field=field, role=role if isinstance(role, str) else source.stem),
            )
