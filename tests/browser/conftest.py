"""A real Chromium (Debian's, driven by Playwright) reading built handbook sites served on 127.0.0.1.

Where the browser cannot be had the tests are skipped with the reason, except
with CI=true in the environment: there a missing browser fails them, so CI can
never pass without having run them. `make test` installs Debian's chromium.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest

from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
# As root in a container Chromium needs --no-sandbox; the rest keep it from calling Google's
# servers on start (this machine's network is closed, and a test must not depend on it).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every host but this machine fails to resolve, so a request leaving 127.0.0.1 fails at once
    # inside Chromium. (Intercepting every request in Python, as before, took 0.85 s a page
    # instead of 0.36 s and switched off the browser's cache, which a reader has.)
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
# Screenshots and PDFs for a reviewer to look at; git-ignored.
ARTIFACTS = REPO / "test-artifacts" / "browser"


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(f"browser tests skipped: {reason} (run `make test` as root to install Debian's chromium)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium; each launch starts from a new, empty profile (Playwright's temporary user-data-dir)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} is missing")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    # Connections kept open between requests, as a real host keeps them: with HTTP/1.0 every one
    # of a page's dozen files was a new connection (a tenth more of Chromium's time for each page).
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        # The theme's and the plugin's scripts and stylesheets may be kept for ten minutes, as a
        # static host such as GitHub Pages lets a browser keep them: a tab that opens page after
        # page then asks for the page alone. Pages and the search index are asked for each time
        # (a test may build the site again while it is served).
        path = urlsplit(self.path).path
        if path.startswith("/assets/") and "/search/" not in path:
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that moves on to the next page drops the connection of a file still being
        # sent (BrokenPipeError): normal for a reader, not worth a traceback in the test output.
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 at a free port, from a thread of the test process; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def example_site_url(example_site: Path) -> Iterator[str]:
    """The example handbook (built once per run, tests/conftest.py) served on localhost."""
    with serve(example_site) as url:
        yield url


@pytest.fixture(scope="session")
def zensical_site_url(zensical_example_site: Path) -> Iterator[str]:
    """The example as Zensical builds it (once per run, tests/conftest.py) served on localhost."""
    with serve(zensical_example_site) as url:
        yield url


@dataclass
class Reader:
    """One browser tab that reads as a new profile would (see _wipe), recording what the page does.

    Every request is recorded; those that would leave 127.0.0.1 are recorded apart too.
    They fail inside Chromium (CHROMIUM_ARGS resolves no other host), so a test never
    waits on the network and can assert that there were none.
    """

    page: Any
    base_url: str
    requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    init_scripts: list[Any] = field(default_factory=list)
    # A page that asks "leave this page?" (beforeunload) is left when True, kept (and the dialog
    # recorded) when False: the editor asks while it counts a save as under way.
    accept_leaving: bool = False

    def open(self, path: str) -> Any:
        self.page.goto(self.base_url + path, wait_until="load")
        return self.page

    def add_init_script(self, script: str) -> None:
        """Run `script` before each page's own scripts, for this reader only (the tab may serve another test next)."""
        self.init_scripts.append(self.page.add_init_script(script))


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True  # never a network request
    return parts.hostname in ("127.0.0.1", "localhost")


@dataclass
class _Tab:
    context: Any
    page: Any
    devtools: Any  # the page's DevTools session, to wipe what a test left
    viewport: Any  # as the context was opened with


# Tabs a finished test handed back, wiped, by browser and context options. A new context's first
# page starts a renderer: about a second of CPU, against a fifth of one for a page in a tab already
# open. Handing a wiped tab to the next test with the same options spares most of the browser
# tests' start-up; _wipe leaves it as a new profile has it.
_IDLE_TABS: list[tuple[tuple[int, str], _Tab]] = []  # the most recently handed back last
_MOST_IDLE_TABS = 12  # a renderer each: the oldest are closed beyond this


# Playwright's own defaults: options that only restate them ask for the same kind of tab.
_PLAYWRIGHT_DEFAULTS = {
    "accept_downloads": True,
    "device_scale_factor": 1,
    "has_touch": False,
    "is_mobile": False,
    "java_script_enabled": True,
    "viewport": {"width": 1280, "height": 720},
}


def _new_tab(browser: Any, context_options: dict[str, Any]) -> _Tab:
    context = browser.new_context(**context_options)
    page = context.new_page()
    return _Tab(context, page, context.new_cdp_session(page), page.viewport_size)


def _wipe(tab: _Tab, origins: set[str]) -> bool:
    """Leave the tab as a new profile's: nothing stored, nothing cached, the context's screen; False if it cannot be."""
    if tab.page.is_closed() or tab.context.pages != [tab.page]:
        return False  # a test that opened or closed tabs gets a new context next time
    tab.page.goto("about:blank", timeout=5_000)
    # Requests a test answered itself (page.route) go to the network again.
    tab.page.unroute_all(behavior="ignoreErrors")
    tab.context.unroute_all(behavior="ignoreErrors")
    for origin in origins:
        # Local and session storage, cookies, IndexedDB and the Cache API's caches (test_fresh_tabs).
        tab.devtools.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    tab.devtools.send("Network.clearBrowserCache")
    # A test's print emulation: this Chromium drops it on the way to about:blank already, but
    # Playwright documents it as lasting for the page.
    tab.page.emulate_media(media="null")
    if tab.page.viewport_size != tab.viewport:
        tab.page.set_viewport_size(tab.viewport)
    return True


@contextlib.contextmanager
def open_reader(browser: Any, base_url: str, **context_options: Any) -> Iterator[Reader]:
    key = (id(browser), repr(sorted({**_PLAYWRIGHT_DEFAULTS, **context_options}.items())))
    idle = [index for index, (options, _) in enumerate(_IDLE_TABS) if options == key]
    tab = _IDLE_TABS.pop(idle[-1])[1] if idle else _new_tab(browser, context_options)
    # Pages are local files: anything slower than this is a failure, not a slow network.
    tab.context.set_default_timeout(10_000)
    page = tab.page
    reader = Reader(page, base_url)

    def on_request(request: Any) -> None:
        reader.requests.append(request.url)
        if not _is_local(request.url):
            reader.outside_requests.append(request.url)

    def on_dialog(dialog: Any) -> None:
        if dialog.type == "beforeunload" and reader.accept_leaving:
            dialog.accept()
            return
        reader.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if message.type == "error":
            # A failed load names no address in its text; the message's location holds it.
            where = message.location.get("url") if message.text.startswith("Failed to load resource") else None
            reader.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def on_page_error(error: Any) -> None:
        reader.console_errors.append(str(error))

    listeners = [(tab.context, "request", on_request), (page, "console", on_console)]
    listeners += [(page, "pageerror", on_page_error), (page, "dialog", on_dialog)]
    for target, event, listener in listeners:
        target.on(event, listener)
    reusable = False
    try:
        yield reader
        origins = {f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, reader.requests)}
        try:
            reusable = _wipe(tab, {origin for origin in origins if origin.startswith("http")})
        except Exception:  # the tab is closed instead: the test itself has passed
            reusable = False
    finally:
        # A test that failed, or a tab that could not be wiped, is not handed on.
        if reusable:
            for target, event, listener in listeners:
                target.remove_listener(event, listener)
            for script in reader.init_scripts:
                script.close()
            _IDLE_TABS.append((key, tab))
            while len(_IDLE_TABS) > _MOST_IDLE_TABS:
                _IDLE_TABS.pop(0)[1].context.close()
        else:
            tab.context.close()


@pytest.fixture
def reader(browser: Any, example_site_url: str) -> Iterator[Reader]:
    """A tab with nothing stored (empty localStorage, no cookies, an empty cache) on the served example site."""
    with open_reader(browser, example_site_url, accept_downloads=True) as opened:
        yield opened


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name
