"""A file written by `handbook new` has its placeholder text replaced with real content.

Why: `handbook new role` (or `process`, `department`) writes a file that already
has the right shape, with sentences such as "New role (write its name here)" in
the places to fill in. Left as they are, they would be published: a role page
titled "New role (write its name here)" in the sidebar, a checklist item
"The first thing to do in this step." The placeholders of every language the
tool speaks are recognised, so a file made with `--lang en` is caught in a
Chinese handbook too. The finding names the field still to fill in.

Failing example::

    id: event-assistant
    title: New role (write its name here)

Passing example::

    id: event-assistant
    title: 活動助理
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import every_string, field_words
from generator.words.messages import CATALOGS, LANGUAGES, msg

ID = "HB059"
NAME = "no-placeholder-text"
SEVERITY = "error"
SCOPE = "file"

# The catalog entries `handbook new` writes into a skeleton (generator/commands/new.py).
SKELETON_PREFIX = "skeleton."


@cache
def placeholder_texts() -> frozenset[str]:
    """Every text `handbook new` may leave in a file, in every language of the catalogs."""
    return frozenset(
        text.strip()
        for language in LANGUAGES
        for key, text in CATALOGS[language].items()
        if key.startswith(SKELETON_PREFIX)
    )


def check(source: SourceFile) -> Iterator[Finding]:
    tree = source.tree
    if tree is None:
        return
    placeholders = placeholder_texts()
    for path, text in every_string(tree.data):
        if path and text.strip() in placeholders:
            yield Finding(tree.at(path), msg("no_placeholder_text", field=field_words(path), text=text.strip()))
