"""mkdocs.yml must be a file MkDocs can read: UTF-8 YAML, a mapping of settings, of a sane size.

Why: `handbook build` hands mkdocs.yml to MkDocs, and MkDocs stops on a file it cannot
load with a long technical trace (or, for a file whose aliases expand into billions of
values, fills the machine's memory). The check reads the file first, without running
anything in it, and says where it breaks; a build never starts on a file this rule refuses.

Failing example: a mkdocs.yml saved as UTF-16, an empty one, one whose top line is `- site_name: 手冊`,
or a value YAML cannot make (`!!int x`, a date like `2026-13-45` marked `!!timestamp`).

Passing example::

    site_name: 市場營銷部手冊
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.problems import Finding
from generator.source.site_config import SiteSettings
from generator.source.site_file import quoted, read_site_file, unreadable_values
from generator.words.messages import msg

ID = "HB090"
NAME = "site-config-readable"
SEVERITY = "error"
SCOPE = "site"


def check(site: SiteSettings) -> Iterator[Finding]:
    read = read_site_file(site)
    if read is None:
        return
    if read.unreadable is not None:
        at, message = read.unreadable
        yield Finding(at, message)
        return
    assert read.root is not None
    for node in unreadable_values(read.root):
        yield Finding(read.location(node), msg("site.value_unreadable", value=quoted(str(node.value))))
