"""`handbook serve`: MkDocs' live preview, incremental, with one line per rebuild in the handbook's language.

MkDocs' `--dirty` rebuild writes only the files that changed; the plugin renders
again only the generated pages an edit can change and says which of them did
(see generator/render/incremental.py and generator/engines/mkdocs_plugin/build_context.py),
so an edit to one role rebuilds that role's pages and the few that list it, not
the whole site. The search index (generator/search) is written in the background
after the rebuild: the page shows first, and search answers from the site before
the edit until serve prints that search was updated. MkDocs' own progress lines are
not shown: the plugin prints the result of every rebuild, and MkDocs' warnings
and errors still come through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.source.site_config import ConfigUnreadable, read_site_config
from generator.words.messages import Language, msg, render

# MkDocs warns on every `--dirty` rebuild that the navigation may be stale: it is not,
# the plugin gives the pages it does not rebuild their titles (see the plugin's on_nav).
_DIRTY_WARNING = "A 'dirty' build is being performed"


class _WithoutDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


def _plain_handler(level: int) -> logging.Handler:
    handler = logging.StreamHandler()
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(_WithoutDirtyWarning())
    return handler


def preview_url(root: Path, dev_addr: str) -> str:
    """The address MkDocs serves on: dev_addr and the path of `site_url`, as `mkdocs serve` computes it."""
    try:
        site_url = read_site_config(root).get("site_url")
    except ConfigUnreadable:
        site_url = None
    path = urlsplit(site_url).path if isinstance(site_url, str) and site_url else "/"
    return f"http://{dev_addr}{path if path.endswith('/') else path + '/'}"


# How often the preview looks for changed files. MkDocs polls (portable: network drives, containers)
# every 0.5 s, which adds 0.25 s to an edit on average; one look at 1,200 files takes about
# 4 ms, so every 0.2 s costs 2 % of a core while nothing changes.
POLLING_INTERVAL = 0.2


@contextmanager
def _polling_every(seconds: float) -> Iterator[None]:
    """MkDocs' serve with its file watcher polling every `seconds`: `serve()` has no option for it."""
    import mkdocs.commands.serve as mkdocs_serve_module
    from mkdocs.livereload import LiveReloadServer

    class QuickerServer(LiveReloadServer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("polling_interval", seconds)
            super().__init__(*args, **kwargs)

    mkdocs_serve_module.LiveReloadServer = QuickerServer  # type: ignore[attr-defined]
    try:
        yield
    finally:
        mkdocs_serve_module.LiveReloadServer = LiveReloadServer  # type: ignore[attr-defined]


def serve_handbook(config_file: str, *, dev_addr: str, language: Language, say: Callable[[str], None]) -> None:
    """Serve the site of `config_file` (in the current folder) until Ctrl+C."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    serve_lines = logging.getLogger("mkdocs.plugins.handbook.serve")
    serve_lines.addHandler(_plain_handler(logging.INFO))
    serve_lines.setLevel(logging.INFO)
    serve_lines.propagate = False
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(_plain_handler(logging.WARNING))
    mkdocs_log.propagate = False
    say(f"handbook: {render(msg('serve.address', url=preview_url(Path.cwd(), dev_addr)), language)}")
    with _polling_every(POLLING_INTERVAL):
        mkdocs_serve(config_file=config_file, dev_addr=dev_addr, build_type="dirty")
