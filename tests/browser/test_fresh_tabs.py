"""A tab handed from one browser test to the next (tests/browser/conftest.py) keeps nothing of the
test before: it reads the site as a new profile would."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import open_reader

# What a page can keep or be left with, read after it has loaded.
_STATE = """async () => ({
  title: document.title,
  local: Object.fromEntries(Object.entries(localStorage)),
  session: Object.fromEntries(Object.entries(sessionStorage)),
  cookies: document.cookie,
  databases: (await indexedDB.databases()).map(d => d.name),
  caches: await caches.keys(),
  leftover: window.leftover ?? null,
  print: matchMedia("print").matches,
  width: innerWidth,
  cached: performance.getEntriesByType("resource").filter(r => r.transferSize === 0 && r.decodedBodySize > 0)
    .map(r => r.name),
})"""

_LEAVE_EVERYTHING = """async () => {
  localStorage.setItem("left", "1");
  sessionStorage.setItem("left", "1");
  document.cookie = "left=1; path=/";
  await new Promise(done => { indexedDB.open("left", 1).onsuccess = done; });
  await (await caches.open("left")).put("/left", new Response("1"));
}"""


def test_a_tab_handed_on_keeps_nothing_of_the_test_before(browser: Any, example_site_url: str) -> None:
    # A new context of its own (an option no other test passes): what a new profile shows.
    with open_reader(browser, example_site_url, locale="zh-TW") as new:
        fresh = new.open("roles/").evaluate(_STATE)
    with open_reader(browser, example_site_url, locale="zh-TW") as first:
        page = first.open("roles/")
        page.evaluate(_LEAVE_EVERYTHING)
        first.add_init_script("window.leftover = 1")
        page.reload()
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 500, "height": 500})
        page.route("**/roles/", lambda route: route.fulfill(content_type="text/html", body="<title>left</title>"))
        left = page.evaluate(_STATE)
        assert left["local"]["left"] == left["session"]["left"] == "1" and left["cookies"] == "left=1"
        assert left["databases"] == left["caches"] == ["left"]
        assert left["leftover"] == 1 and left["print"] and left["width"] == 500
    with open_reader(browser, example_site_url, locale="zh-TW") as second:
        again = second.open("roles/")
        assert again is page  # the same tab, handed on
        assert fresh["cached"] == []  # what the browser kept is told apart (the test server lets it keep scripts)
        assert again.evaluate(_STATE) == fresh
        assert second.console_errors == [] and first.console_errors == []


def test_a_tab_of_a_failed_test_is_not_handed_on(browser: Any, example_site_url: str) -> None:
    with pytest.raises(AssertionError), open_reader(browser, example_site_url, locale="zh-HK") as failed:
        page = failed.open("roles/")
        raise AssertionError("the test failed")
    assert page.is_closed()
    with open_reader(browser, example_site_url, locale="zh-HK") as next_one:
        assert next_one.page is not page
