"""`handbook serve` as an editor uses it: edits show, a broken file shows its findings, fixing it brings the page back.

The first test runs the real command on a copy of the example and reads the
pages over HTTP; the second rebuilds the example in one process the way
`mkdocs serve` does and checks what each rebuild leaves behind.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from benchmarks.serve_latency import fetch, free_port
from generator.source.site_config import read_site_config
from tests.conftest import copy_example
from tests.site.conftest import HANDBOOK_CLI, SearchIndex, _quiet_env

ROLE = "roles/brand-promotion.yml"
ROLE_URL = "roles/brand-promotion/"
TITLE_LINE = "title: 品牌推廣專員\n"  # as written in the example's roles/brand-promotion.yml
# A broken edit whose text is also markup: the findings must show it as text.
BROKEN = "id: brand-promotion\ntitle: [<img src=x onerror=alert(1)>\n"


def wait_until(check: Callable[[], Any], *, timeout: float = 120) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"not within {timeout:.0f} s")


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str], Path]]:
    with serving(copy_example(tmp_path / "handbook"), log=tmp_path / "serve.log") as started:
        yield started


@contextlib.contextmanager
def serving(root: Path, *, log: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str], Path]]:
    """`handbook serve` on `root` at a free port, its output in `log`; yields root, base URL, process, log."""
    port = free_port()
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [HANDBOOK_CLI, "serve", ".", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
            env=_quiet_env(),
        )
        try:
            # `mkdocs serve` serves the site under the path of its site_url (the example's is /marketing/).
            path = urlsplit(str(read_site_config(root).get("site_url") or "/")).path or "/"
            yield root, f"http://127.0.0.1:{port}{path}", server, log
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_each_edit_shows_a_broken_file_shows_its_findings_and_the_fix_shows_again(
    served: tuple[Path, str, subprocess.Popen[str], Path],
) -> None:
    root, base, server, log = served
    role = root / ROLE
    original = role.read_text(encoding="utf-8")
    assert TITLE_LINE in original
    wait_until(lambda: (page := fetch(base + ROLE_URL)) and "品牌推廣專員" in page)
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"handbook: 預覽手冊：{base}（檔案變更時自動重新建置；按 Ctrl+C 停止）"
    assert re.fullmatch(r"handbook: 已重新建置：沒有錯誤（\d+\.\d 秒）", lines[1]), lines

    memory = []
    for edit in range(1, 5):
        marker = f"改版{edit}號"
        role.write_text(original.replace(TITLE_LINE, f"title: {marker}品牌推廣專員\n"), encoding="utf-8")
        wait_until(lambda marker=marker: (page := fetch(base + ROLE_URL)) and marker in page)
        memory.append(rss_kib(server.pid))
    assert log.read_text(encoding="utf-8").count("已重新建置：沒有錯誤") >= 1 + 4
    # Rebuilds keep no garbage: after the first few have warmed the caches, memory stays flat.
    assert memory[-1] - memory[1] < 40 * 1024, memory

    role.write_text(BROKEN, encoding="utf-8")
    status = wait_until(lambda: (text := fetch(base + "handbook-serve-status.json")) and json.loads(text)["findings"])
    assert [(finding["at"], finding["code"]) for finding in status] == [(f"{ROLE}:3:1", "HB001")]
    wait_until(lambda: "1 個錯誤" in log.read_text(encoding="utf-8"))
    errors = BeautifulSoup(fetch(base + "handbook-errors/") or "", "html.parser")
    article = errors.select_one("article")
    assert article is not None
    assert article.select_one("h1") is not None and "手冊有錯誤" in article.select_one("h1").get_text()
    items = article.select("li")
    assert len(items) == 1
    assert items[0].get_text().startswith(f"{ROLE}:3:1: ")
    # PyYAML's words for the end of the file look like a tag: they show as text.
    assert "<stream end>" in items[0].get_text()
    link = items[0].select_one("a")
    assert link is not None and link["href"] == "../rules/#hb001" and link.get_text() == "HB001 readable-yaml"
    assert article.select("img, script") == []
    # The role page keeps the last version that built; its script shows the findings over it.
    page = fetch(base + ROLE_URL) or ""
    assert "改版4號" in page and "assets/handbook/serve-errors.js" in page

    role.write_text(original, encoding="utf-8")
    wait_until(lambda: (page := fetch(base + ROLE_URL)) and "改版4號" not in page and "品牌推廣專員" in page)
    wait_until(lambda: (text := fetch(base + "handbook-serve-status.json")) and json.loads(text)["findings"] == [])
    assert server.poll() is None


def test_rebuilds_in_one_process_restore_the_process_and_rebuild_only_what_changed(tmp_path: Path) -> None:
    """The plugin object lives the whole session, as under `mkdocs serve --dirty`; each build a fresh config."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = copy_example(tmp_path / "handbook")
    site = tmp_path / "site"
    environment_before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    cwd = Path.cwd()
    os.chdir(root)
    try:
        config = load_config("mkdocs.yml", site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)

        def rebuild() -> None:
            fresh = load_config("mkdocs.yml", site_dir=str(site))
            build(fresh, serve_url="http://127.0.0.1:8000/", dirty=True)
            assert "SOURCE_DATE_EPOCH" not in os.environ  # set for the build only

        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        assert "SOURCE_DATE_EPOCH" not in os.environ
        preview = config.plugins["handbook"].preview
        role_page, rules_page = site / ROLE_URL / "index.html", site / "rules/index.html"
        rules_written = rules_page.stat().st_mtime_ns
        # Stages that name the role (read off processes/campaign-lifecycle.yml) and one that does not.
        naming = site / "processes/campaign-lifecycle/warm-up/index.html"
        not_naming = site / "processes/campaign-lifecycle/peak/index.html"
        not_naming_written = not_naming.stat().st_mtime_ns
        owned_checklist = site / "processes/marketing-management/monitor.checklist.csv"
        original = (root / ROLE).read_text(encoding="utf-8")
        sizes = []
        for edit in range(1, 5):
            time.sleep(0.02)  # distinct modification times
            (root / ROLE).write_text(original.replace(TITLE_LINE, f"title: 第{edit}版\n"), encoding="utf-8")
            rebuild()
            assert f"第{edit}版" in role_page.read_text(encoding="utf-8")
            assert f"第{edit}版" in naming.read_text(encoding="utf-8")
            # The role owns steps of this stage: its checklist download names the new title.
            assert f"第{edit}版" in owned_checklist.read_text(encoding="utf-8")
            # A page not rebuilt still has its title in the sidebar of the pages that were.
            sidebar = BeautifulSoup(role_page.read_text(encoding="utf-8"), "html.parser").select(".md-nav__link")
            assert "供應鏈團隊" in [link.get_text(" ", strip=True) for link in sidebar]
            if edit >= 2:
                # Counted from the second rebuild on: what the first one caches is not a leak, and
                # what the later ones keep would be. Python's count of the blocks it holds, after a
                # full collection, moves by less than a hundred from one rebuild to the next; keeping
                # the pages MkDocs built adds about 2,600 a rebuild. (tracemalloc's byte count swung
                # by 6 MB from one rebuild to the next, and made each rebuild three times slower.)
                # After the index written in the background, and collected as the preview does when
                # idle (unfreeze, collect, freeze), so what earlier rebuilds froze is counted too.
                preview.search_index.wait(timeout=120)
                gc.unfreeze()
                gc.collect()
                sizes.append(sys.getallocatedblocks())
                gc.freeze()
        # Nothing on the rules page or the stage without the role depends on its title: never written again.
        assert rules_page.stat().st_mtime_ns == rules_written
        assert not_naming.stat().st_mtime_ns == not_naming_written
        assert max(sizes) - sizes[0] < 1_000, sizes
        # A hand-written page edited: it is rebuilt, no generated page is.
        role_written = role_page.stat().st_mtime_ns
        home = root / "handbook" / "index.md"
        home.write_text(home.read_text(encoding="utf-8") + "\n首頁的新段落。\n", encoding="utf-8")
        rebuild()
        assert "首頁的新段落。" in (site / "index.html").read_text(encoding="utf-8")
        assert role_page.stat().st_mtime_ns == role_written
        # The full garbage collection runs a moment after the rebuild, not in it, and freezes what survives.
        deadline = time.monotonic() + 10
        while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert gc.get_freeze_count() > 0
        config.plugins.on_shutdown()
        assert gc.get_freeze_count() == 0
    finally:
        os.chdir(cwd)
        if environment_before is not None:
            os.environ["SOURCE_DATE_EPOCH"] = environment_before


def test_a_preview_writes_the_search_index_after_each_rebuild_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The handbook's search index is written in the background in a preview, after the pages; each rebuild's own."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = copy_example(tmp_path / "handbook")
    site = tmp_path / "site"
    cwd = Path.cwd()
    os.chdir(root)
    try:
        config = load_config("mkdocs.yml", site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        plugin = config.plugins["handbook"]
        with caplog.at_level("INFO", logger="mkdocs.plugins.handbook.serve"):
            build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
            original = (root / ROLE).read_text(encoding="utf-8")
            (root / ROLE).write_text(original.replace(TITLE_LINE, "title: 品牌大使\n"), encoding="utf-8")
            build(load_config("mkdocs.yml", site_dir=str(site)), serve_url="http://127.0.0.1:8000/", dirty=True)
            plugin.preview.search_index.wait(timeout=120)
            config.plugins.on_shutdown()
    finally:
        os.chdir(cwd)
    lines = [record.getMessage() for record in caplog.records if record.name == "mkdocs.plugins.handbook.serve"]
    rebuilt = [line for line in lines if line.startswith("handbook: 已重新建置")]
    searched = [line for line in lines if re.fullmatch(r"handbook: 搜尋已更新（\d+\.\d 秒）；.*", line)]
    assert len(rebuilt) == 2, lines
    # One index per rebuild: the second waits for the first, none is dropped while the preview runs.
    assert len(searched) == 2, lines
    # The index is the last rebuild's: the new title names the role, the old one no longer does.
    index = SearchIndex(site)
    assert ROLE_URL in index.pages_named("品牌大使")
    assert ROLE_URL not in index.pages_named("品牌推廣專員")
