"""Each tool or account is listed once in a role's `tools` and `accounts`.

Why: every item becomes a box to tick in the new hire's first week; the same
account twice is two requests to IT for one thing, and usually means one of the
two was meant to say something else.

Failing example::

    accounts:
      - 社群平台後台
      - 社群平台後台

Passing example::

    accounts:
      - 社群平台後台
      - 共用雲端硬碟
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB043"
NAME = "onboarding-item-once"
SEVERITY = "warning"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    tree = source.tree
    if tree is None or source.kind != "role":
        return
    for field in ("tools", "accounts"):
        items = tree.data.get(field)
        if not isinstance(items, list):
            continue
        first_at: dict[str, int] = {}
        for index, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                continue
            # The same words with other spacing or letter case are the same tool.
            key = " ".join(item.split()).casefold()
            if key in first_at:
                yield Finding(
                    tree.at((field, index)),
                    msg(
                        "onboarding_item_once",
                        field=field,
                        item=item.strip(),
                        first=first_at[key] + 1,
                        number=index + 1,
                    ),
                )
            else:
                first_at[key] = index
