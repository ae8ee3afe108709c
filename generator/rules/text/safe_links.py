"""Links in text go only to `http`, `https` or `mailto` addresses, or to pages of the site (relative links).

Why: a `javascript:` link runs script in the browser of whoever clicks it, and
a `data:` address can carry a whole hidden page. The site shows such a link as
plain text, but the pull request should not carry it at all.

Failing example::

    details: 詳見[說明](javascript:alert(1))

Passing example::

    details: 詳見[說明](https://example.com/guide)
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.loading import SourceFile
from generator.source.problems import Finding
from generator.source.text_values import prose
from generator.source.texts import is_safe_link, link_targets
from generator.words.messages import msg

ID = "HB050"
NAME = "safe-links"
SEVERITY = "error"
SCOPE = "file"
_SHOWN = 60  # characters of a long target quoted in the message


def check(source: SourceFile) -> Iterator[Finding]:
    for value in prose(source):
        for target in link_targets(value.text):
            if not is_safe_link(target):
                shown = target if len(target) <= _SHOWN else target[:_SHOWN] + "…"
                yield Finding(value.at, msg("safe_links", field=value.field, target=shown))
