"""mkdocs.yml gives the address the site is published at (`site_url`).

Why: HR copies the permanent link on a role page into job posts and offer
letters. Without the site's address that link is only the part after it
(`roles/market-research/`), which works inside the site but leads nowhere from
an e-mail or a job board. With `site_url` every role page shows the full
address. `mkdocs serve` fills the address in itself while you preview, so the
rule only matters for the site you publish.

Failing example: a mkdocs.yml with `site_name: 市場營銷部手冊` and no `site_url`.

Passing example::

    site_name: 市場營銷部手冊
    site_url: https://handbook.example.com/marketing/
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Location
from generator.source.problems import Finding
from generator.source.site_config import SiteSettings
from generator.source.site_file import read_site_file
from generator.words.messages import msg

ID = "HB109"
NAME = "site-url-set"
SEVERITY = "warning"
SCOPE = "site"


def check(site: SiteSettings) -> Iterator[Finding]:
    read = read_site_file(site)
    if read is not None and read.unreadable is not None:
        return  # what the file says is not known: the readable-file rule (HB090) reports it
    if not site.site_url:
        yield Finding(Location(site.path, 1, 1), msg("site.no_site_url"))
