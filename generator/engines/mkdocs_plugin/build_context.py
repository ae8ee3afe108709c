"""What the plugin keeps, and for how long.

`mkdocs serve` rebuilds many times in one process. MkDocs keeps a plugin object
that defines `on_startup` for the whole session and gives every rebuild a fresh
config, so the plugin's state has two owners with clear ends:

- `Preview`, made in `on_startup` and dropped in `on_shutdown`: what one preview
  keeps from a rebuild to the next (the last handbook that built, what each
  generated file held), so a rebuild writes
  only the pages whose generated content changed, and a broken edit keeps the
  last good pages while the browser shows the findings.
- `Build`, made in `on_config` and closed in `on_post_build` (or `on_build_error`):
  one build's report and rendered pages. What the build changes in the process
  (SOURCE_DATE_EPOCH) it restores when it closes.

Nothing here is module-level: a new `mkdocs build` in the same process starts clean.
"""

from __future__ import annotations

import gc
import hashlib
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field

import jinja2

from generator.render.checklists import ChecklistFile, ChecklistFiles
from generator.render.pages import Page, RenderedUnit
from generator.rules.checking import ParsedFiles, Report
from generator.source.model import Handbook
from generator.source.problems import Problem
from generator.source.reviews import ReviewSettings
from generator.words.messages import Language


@dataclass(frozen=True)
class Rendered:
    """What the plugin made from a handbook without errors: its pages and downloads."""

    handbook: Handbook
    # What the pages depend on besides the handbook: language, site_url, use_directory_urls, the
    # review settings (today), the git dates and the edit links.
    settings: tuple[object, ...]
    # The pages, in units that note which roles they read (see generator.render.incremental).
    units: tuple[RenderedUnit, ...]
    # The checklist downloads of each stage, by (process id, stage id).
    downloads_by_stage: dict[tuple[str, str], ChecklistFiles]

    @property
    def pages(self) -> tuple[Page, ...]:
        return tuple(page for unit in self.units for page in unit.pages)

    @property
    def downloads(self) -> tuple[ChecklistFile, ...]:
        return tuple(file for pair in self.downloads_by_stage.values() for file in (pair.markdown, pair.csv))


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory for one preview.

    MkDocs makes a new Jinja environment for every build, so each rebuild compiled
    Material's templates again: about 0.6 s of a rebuild of the example. A bucket's
    key holds the template's name and a checksum of its source, so an edited
    template is compiled anew.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class BackgroundJob:
    """Runs the latest job handed to it in one thread, after the one under way; older waiting jobs are dropped.

    A preview writes the search index of the whole site this way after each rebuild
    (seconds at 1,000 roles), so the edited page shows first. Only the newest site
    matters: a job asked for while another runs replaces any job still waiting.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._waiting: Callable[[], None] | None = None
        self._thread: threading.Thread | None = None

    def run_later(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._waiting = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name=self.name, daemon=True)
                self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._waiting = self._waiting, None
                if job is None:
                    self._thread = None  # under the lock: run_later starts a new thread from here on
                    return
            job()

    def wait(self, timeout: float | None = None) -> None:
        """Until no job runs or waits (or `timeout` seconds have passed)."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def close(self) -> None:
        """Drop the waiting job and wait for the one under way (its site folder may be deleted next)."""
        with self._lock:
            self._waiting = None
        self.wait(timeout=600)


# Seconds after a rebuild before its garbage is collected: the browser has reloaded the page by then.
IDLE_COLLECTION_DELAY = 1.0


def _full_collection() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()


@dataclass
class Preview:
    """One `serve` session: from on_startup to on_shutdown."""

    # `--dirty`: MkDocs rebuilds only the files that say they changed.
    incremental: bool
    templates: TemplateCache = field(default_factory=TemplateCache)
    last_good: Rendered | None = None
    # The site folder was checked for links (it is MkDocs' own from then on).
    site_checked: bool = False
    # A fingerprint of every generated file's content in the last build, by path in the site.
    written: dict[str, str] = field(default_factory=dict)
    # The title (as the theme gets it) each page had when it was last built, by source path.
    titles: dict[str, str] = field(default_factory=dict)
    # Each file's parse and one-file problems, for the next check (see checking.ParsedFiles).
    parsed: ParsedFiles = field(default_factory=ParsedFiles)
    # Pages of findings written before the first good build (see preview.standin_pages), by source path.
    standins: set[str] = field(default_factory=set)
    # The site's search index, rewritten after each rebuild while the browser already shows it.
    search_index: BackgroundJob = field(default_factory=lambda: BackgroundJob("handbook-search"))
    # The full garbage collection waiting for the preview to be idle (see collect_when_idle).
    idle_collection: threading.Timer | None = None

    def collect_when_idle(self) -> None:
        """Run Python's full garbage collection a moment after a rebuild, while nobody waits.

        A preview of a 1,000-role handbook holds millions of objects. Left to itself,
        Python walks all of them every few rebuilds, in the middle of one: 1.3 s of a
        4.5 s rebuild (measured with gc.callbacks). Here the walk runs after the page is
        shown, then the survivors are frozen, so a collection during the next rebuild
        looks only at that rebuild's new objects. Each idle collection unfreezes them
        first, so garbage from earlier builds is still freed.
        """
        self.stop_idle_collection()
        timer = threading.Timer(IDLE_COLLECTION_DELAY, _full_collection)
        timer.daemon = True
        timer.start()
        self.idle_collection = timer

    def stop_idle_collection(self) -> None:
        if self.idle_collection is not None:
            self.idle_collection.cancel()
            self.idle_collection = None

    def changed(self, path: str, content: str | bytes) -> bool:
        """Whether a generated file's content differs from the last build's (and remember it)."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        fingerprint = hashlib.blake2b(data, digest_size=16).hexdigest()
        if self.written.get(path) == fingerprint:
            return False
        self.written[path] = fingerprint
        return True


@dataclass
class Build:
    """One build: from on_config to on_post_build or on_build_error."""

    # The handbook's language (generator.words.languages.handbook_language): messages, pages and search.
    language: Language
    # What the build changed in the process, undone by close().
    restore: ExitStack = field(default_factory=ExitStack)
    started: float = field(default_factory=time.monotonic)
    report: Report | None = None
    # Today and the review options the report and the pages were made with.
    review: ReviewSettings | None = None
    # Errors a preview shows in the browser instead of stopping (empty in a plain build).
    shown_errors: tuple[Problem, ...] = ()
    rendered: Rendered | None = None
    # In a preview: the generated pages kept as the last build rendered them (see generator.render.incremental).
    kept_pages: frozenset[str] = frozenset()
    # The site's URL of the rules page, when it has one (findings link to their rule there).
    rules_url: str | None = None
    # A preview with errors and no good build before it: stand-in pages show the findings.
    never_built: bool = False

    @property
    def handbook(self) -> Handbook | None:
        """The handbook the pages of this build come from (the last good one in a preview with errors)."""
        return self.rendered.handbook if self.rendered is not None else None

    def seconds(self) -> str:
        return f"{time.monotonic() - self.started:.1f}"

    def close(self) -> None:
        self.restore.close()
