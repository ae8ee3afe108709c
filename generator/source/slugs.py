"""Stable anchors for names written in any script (document names, glossary terms).

Ids of roles, processes, stages and steps are validated slugs already; free-text
names are not, so they get an anchor made from their own letters (Chinese
included), never from their position on a page: a link to `#市場趨勢分析報告`
keeps working when another document is added above it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

_NOT_ANCHOR = re.compile(r"[^\w\-]+")


def text_anchor(text: str) -> str:
    """An HTML id made from text: lower case, spaces to hyphens, only letters, digits, `_` and `-`."""
    slug = _NOT_ANCHOR.sub("", re.sub(r"\s+", "-", text.strip().lower())).strip("-_")
    # A name of only punctuation still needs an id; a hash of it is stable too.
    return slug or "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def unique_anchors(names: Iterable[str], *, prefix: str = "") -> dict[str, str]:
    """An anchor for each distinct name; names that slug alike get `-2`, `-3` in first-seen order."""
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        if name in anchors:
            continue
        base = prefix + text_anchor(name)
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate)
        anchors[name] = candidate
    return anchors
