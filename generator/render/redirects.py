"""Old addresses that must keep working after a role or process is renamed.

A role's or process's `aliases` are its former ids. Every page the old id had
(a role page; a process page and each of its stage pages) becomes a small HTML
page that sends the reader on to the new page.

The redirect page is the one the `mkdocs-redirects` plugin writes, rebuilt here
rather than used through that plugin: its redirects come from a static map in
mkdocs.yml, ours from the data, and a dependency for twenty lines of HTML is
not worth it. Like it, the page carries a meta refresh (works without
JavaScript), a canonical link (search engines index the new page) and a script
that keeps the `#anchor` (a meta refresh drops it), so an old link to a step
still lands on that step. Its words are in the handbook's language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import escape

from generator.render.urls import process_path, role_path, stage_path
from generator.source.model import Handbook
from generator.words.labels import labels_for
from generator.words.languages import Language

_PAGE = """\
<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{url}">
<meta name="robots" content="noindex">
<script>var anchor = window.location.hash.substr(1); location.replace({url_js} + (anchor ? "#" + anchor : ""));</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>{moved}<a href="{url}">{url}</a></p>
</body>
</html>
"""


@dataclass(frozen=True, slots=True)
class Redirect:
    """A page the old id had (`roles/old.md`) and the page that replaced it (`roles/new.md`)."""

    old_page: str
    new_page: str


def redirects_of(handbook: Handbook, *, live_pages: frozenset[str] = frozenset()) -> tuple[Redirect, ...]:
    """Every redirect the handbook's aliases ask for; never one over a page in `live_pages`."""
    found: dict[str, Redirect] = {}
    for role in handbook.roles:
        for alias in role.aliases:
            old = role_path(alias.role_id)
            found.setdefault(old, Redirect(old, role_path(role.id)))
    for process in handbook.processes:
        for alias in process.aliases:
            # The old process is the same process under its old id: same paths, other id.
            former = replace(process, id=alias.role_id)
            found.setdefault(process_path(former), Redirect(process_path(former), process_path(process)))
            for stage in process.stages:
                old = stage_path(former, stage)
                found.setdefault(old, Redirect(old, stage_path(process, stage)))
    # An alias that equals a live id is an error a rule reports; the live page wins.
    return tuple(redirect for old, redirect in found.items() if old not in live_pages)


def redirect_html(url: str, *, language: Language) -> str:
    """The HTML of a page that sends the reader to `url` (relative or absolute), keeping the #anchor."""
    # json-style quoting for the script, HTML escaping for the attributes.
    url_js = '"' + url.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\u003c") + '"'
    labels = labels_for(language)
    return _PAGE.format(
        url=escape(url),
        url_js=url_js,
        language=language,
        title=escape(labels["redirect_title"]),
        moved=escape(labels["redirect_moved"]),
    )
