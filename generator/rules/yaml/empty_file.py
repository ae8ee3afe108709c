"""A role or process file must not be empty.

Why: an empty file usually means a role was half created or its content was
lost in a merge; the tool cannot tell which role it was meant to be.

Failing example: a file `roles/new-role.yml` with nothing (or only comments) in it.

Passing example::

    id: new-role
    title: 新角色
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding

ID = "HB002"
NAME = "empty-file"
SEVERITY = "error"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    if source.failure is not None and source.failure.reason == "empty":
        yield Finding(source.failure.at, source.failure.message)
