"""What the plugin keeps, and for how long.

`mkdocs serve` rebuilds many times in one process. MkDocs keeps a plugin object
that defines `on_startup` for the whole session and gives every rebuild a fresh
config, so the plugin's state has two owners with clear ends:

- `Preview`, made in `on_startup` and dropped in `on_shutdown`: what one preview
  keeps from a rebuild to the next (the last handbook that built, what each
  generated file held, the search entries of every page), so a rebuild writes
  only the pages whose generated content changed, and a broken edit keeps the
  last good pages while the browser shows the findings.
- `Build`, made in `on_config` and closed in `on_post_build` (or `on_build_error`):
  one build's report, rendered pages and search topics. What the build changes in
  the process (SOURCE_DATE_EPOCH, jieba's global dictionary) it restores when it
  closes.

Nothing here is module-level: a new `mkdocs build` in the same process starts clean.
"""

from __future__ import annotations

import gc
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

import jinja2

from generator.render.checklists import ChecklistFile, ChecklistFiles
from generator.render.pages import Page, RenderedUnit
from generator.rules.checking import ParsedFiles, Report
from generator.source.model import Handbook
from generator.source.problems import Problem
from generator.words.messages import Language


@dataclass(frozen=True)
class Rendered:
    """What the plugin made from a handbook without errors: its pages, downloads and search topics."""

    handbook: Handbook
    # What the pages depend on besides the handbook: language, site_url, use_directory_urls.
    settings: tuple[str | None, str | None, bool]
    # The pages, in units that note which roles they read (see generator.render.incremental).
    units: tuple[RenderedUnit, ...]
    # The checklist downloads of each stage, by (process id, stage id).
    downloads_by_stage: dict[tuple[str, str], ChecklistFiles]
    # What generated pages are about, by page path, then by anchor (see search_terms).
    topics: dict[str, dict[str, tuple[str, ...]]]
    # The process each stage page belongs to, by page path (search results name it).
    contexts: dict[str, str]

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

    A preview writes Pagefind's index of the whole site this way after each rebuild
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
    # The finished search entries (extra words added) of the last build, by page URL.
    index_by_page: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # The Chinese characters of every page built in this preview (Pagefind's query spellings).
    characters: set[str] = field(default_factory=set)
    # Pagefind's index of the site, rewritten after each rebuild while the browser already shows it.
    search_index: BackgroundJob = field(default_factory=lambda: BackgroundJob("handbook-pagefind"))
    # Each file's parse and one-file problems, for the next check (see checking.ParsedFiles).
    parsed: ParsedFiles = field(default_factory=ParsedFiles)
    # The search engine the last build chose (None before the first).
    search_engine: str | None = None
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
    # Errors a preview shows in the browser instead of stopping (empty in a plain build).
    shown_errors: tuple[Problem, ...] = ()
    rendered: Rendered | None = None
    # In a preview: the generated pages kept as the last build rendered them (see generator.render.incremental).
    kept_pages: frozenset[str] = frozenset()
    # The site's URL of the rules page, when it has one (findings link to their rule there).
    rules_url: str | None = None
    # Search topics by index location (`roles/x/`, `processes/p/s/#step`).
    topics_by_location: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The process of each stage page, by index location.
    contexts_by_location: dict[str, str] = field(default_factory=dict)
    # In an incremental preview: the URLs of the pages this build rendered, and their new search entries.
    rebuilt_urls: set[str] = field(default_factory=set)
    page_urls: list[str] = field(default_factory=list)
    new_entries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    entries_seen: int = 0
    # Which search answers the reader (`material` or `pagefind`), chosen in on_files once the pages are known.
    search_engine: str = "material"
    # The Chinese characters of the pages rendered under Pagefind (its query spellings).
    characters: set[str] = field(default_factory=set)

    @property
    def handbook(self) -> Handbook | None:
        """The handbook the pages of this build come from (the last good one in a preview with errors)."""
        return self.rendered.handbook if self.rendered is not None else None

    def seconds(self) -> str:
        return f"{time.monotonic() - self.started:.1f}"

    def close(self) -> None:
        self.restore.close()


@contextmanager
def jieba_dictionary_restored() -> Iterator[None]:
    """Give jieba's global dictionary back as it was when the block started.

    Material's search loads the handbook's user dictionary into jieba's one global
    tokenizer on every build, and every load adds its words' frequencies to the
    total again: over a long `serve` the dictionary's state drifts and grows.
    """
    try:
        import jieba
    except ImportError:  # a site without Chinese search: nothing to restore
        yield
        return
    tokenizer = jieba.dt
    tokenizer.check_initialized()  # loads the main dictionary once, as the first cut would
    words, total, tags = dict(tokenizer.FREQ), tokenizer.total, dict(tokenizer.user_word_tag_tab)
    try:
        yield
    finally:
        tokenizer.FREQ, tokenizer.total, tokenizer.user_word_tag_tab = words, total, tags
