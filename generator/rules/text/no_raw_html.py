"""Text has no HTML tags such as `<b>` or `<br>`; use Markdown (`**bold**`, `[link](https://…)`).

Why: the site shows HTML as the literal text `<b>…</b>` (it never runs or
applies it), which is almost never what the writer wanted. A warning, not an
error: the page stays safe, it just looks wrong. Tags are found the way a
browser finds them, so `<img/src=…>`, `<svg` followed by a line break,
`</script >`, `<!doctype …>`, `<?xml …?>` and a tag never closed with `>`
count too; `3 < 5` and Markdown autolinks such as `<https://…>` do not.

Failing example::

    summary: 負責<b>品牌</b>推廣

Passing example::

    summary: 負責**品牌**推廣
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import prose
from generator.source.texts import html_markup
from generator.words.messages import msg

ID = "HB055"
NAME = "no-raw-html"
SEVERITY = "warning"
SCOPE = "file"


def check(source: SourceFile) -> Iterator[Finding]:
    for value in prose(source):
        markup = html_markup(value.text)
        if markup is not None:
            yield Finding(value.at, msg("no_raw_html", field=value.field, tag=markup))
