"""` #` inside an unquoted value starts a comment: the words after it are dropped.

Why: in YAML, a `#` after a space begins a comment, even in the middle of a
title or a list item; `title: 第 #1 週報` is read as just "第", and no page
shows the rest. A note written after a value (`- 檢查 UTM  # 重要`) is reported
too: on a value's line the handbook cannot tell a note from lost words, and
moving the note to a line of its own says which it is. A comment on a line of
its own is never reported, and neither is one after an id or a role reference
(they cannot hold spaces, so nothing is lost). The full-width `＃` is ordinary text.

Failing example::

    title: 第 #1 週報

Passing example (the whole value in quotes, or the note on its own line)::

    title: "第 #1 週報"
    # 每週一更新
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.slips import cut_comments
from generator.words.messages import Message, msg

ID = "HB062"
NAME = "no-comment-in-value"
SEVERITY = "warning"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for cut in cut_comments(source):
        number = cut.path[-1]
        where: Message = (
            msg("field.item", name=cut.field, number=number + 1)
            if isinstance(number, int)
            else msg("field.value", name=cut.field)
        )
        whole = f"{cut.value} #{cut.comment}" if cut.value else f"#{cut.comment}"
        example = "'" + whole.replace("'", "''") + "'"
        yield Finding(cut.at, msg("comment_in_value", field=where, value=cut.value, example=example))
