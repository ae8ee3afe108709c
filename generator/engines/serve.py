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
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from generator.render.output_escaping import log_line
from generator.source.site_config import ConfigUnreadable, read_site_config
from generator.words.messages import Language, msg, render

# MkDocs warns on every `--dirty` rebuild that the navigation may be stale: it is not,
# the plugin gives the pages it does not rebuild their titles (see the plugin's on_nav).
_DIRTY_WARNING = "A 'dirty' build is being performed"
# Marks the plugin puts on the record that ends a rebuild: its report (the line and the findings).
REBUILD_REPORT = "handbook_rebuild_report"
SHOWS_ERRORS = "handbook_shows_errors"
# MkDocs' warning for a link in a hand-written page to a page the site does not have.
_MISSING_LINK = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '[^']*')? "
    r"is not found among documentation files\."
)


class _WithoutDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


class RebuildLines(logging.Handler):
    """Each rebuild's lines in the order an editor needs them: the handbook's report, then MkDocs' warnings.

    MkDocs warns while it builds the pages, before the plugin reports on the rebuild;
    its warnings are held and printed after the report, a missing link in the
    handbook's words (`handbook/editing.md: links to rules.md, …`). While the preview
    shows errors, warnings about links to pages the broken handbook does not have are
    dropped: they follow from the findings above, not from anything the editor wrote.
    Errors are printed at once.
    """

    def __init__(self, *, language: Language, docs_dir: str, stream: TextIO | None = None) -> None:
        super().__init__(logging.INFO)
        self.language = language
        self.docs_dir = docs_dir
        self.stream = stream
        self.held: list[logging.LogRecord] = []
        self.addFilter(_WithoutDirtyWarning())

    def emit(self, record: logging.LogRecord) -> None:
        try:
            ours = record.name.startswith(serve_logger.name)
            if not ours and record.levelno < logging.WARNING:
                return  # MkDocs' progress lines are not shown
            # The server's own warnings (a request for a missing file) belong to no rebuild.
            if ours or record.levelno >= logging.ERROR or record.name.startswith("mkdocs.livereload"):
                self._print(record.getMessage())
                if getattr(record, REBUILD_REPORT, False):
                    self._flush(shows_errors=bool(getattr(record, SHOWS_ERRORS, False)))
            else:
                self.held.append(record)
        except Exception:
            self.handleError(record)

    def _flush(self, *, shows_errors: bool) -> None:
        held, self.held = self.held, []
        for record in held:
            text = record.getMessage()
            missing = _MISSING_LINK.fullmatch(text)
            if missing and shows_errors:
                continue
            if missing:
                page = f"{self.docs_dir}/{missing['page']}" if self.docs_dir not in ("", ".") else missing["page"]
                text = render(msg("serve.link_missing", page=page, link=missing["link"]), self.language)
            self._print(log_line(text))

    def _print(self, text: str) -> None:
        stream = self.stream if self.stream is not None else sys.stderr
        stream.write(text + "\n")
        stream.flush()


serve_logger = logging.getLogger("mkdocs.plugins.handbook.serve")


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

    try:
        docs_dir = str(read_site_config(Path.cwd()).get("docs_dir") or "docs")
    except ConfigUnreadable:
        docs_dir = "docs"
    lines = RebuildLines(language=language, docs_dir=docs_dir)
    serve_logger.addHandler(lines)
    serve_logger.setLevel(logging.INFO)
    serve_logger.propagate = False
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(lines)
    mkdocs_log.propagate = False
    say(f"handbook: {render(msg('serve.address', url=preview_url(Path.cwd(), dev_addr)), language)}")
    with _polling_every(POLLING_INTERVAL):
        mkdocs_serve(config_file=config_file, dev_addr=dev_addr, build_type="dirty")
