"""`handbook edit`: the editor at /admin/ on this checkout (Decap CMS with a local backend in Python), and the preview.

The editor's page, its config.yml (with `local_backend` pointing here) and the Decap CMS
bundle are served on 127.0.0.1 only, with decap-server's API (generator.engines.editor.local_backend),
so no Node is needed. Each save is checked with the handbook's rules; the preview
(`handbook serve`) rebuilds the pages it touches.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from generator.commands.common import check, fail, language_of, rules_page, say, settings_of
from generator.engines.editor.bundle import EditorMissing
from generator.engines.editor.local_backend import API_PATH, Findings, LocalBackend, serve_editor
from generator.engines.editor.site_files import EditorFile, backend_of, editor_files, editor_settings
from generator.engines.serve import preview_url
from generator.render.reporting import format_text
from generator.rules.checking import LastReport
from generator.source.problems import Problem
from generator.source.site_config import CONFIG_FILE
from generator.words.messages import msg, render


def run(directory: Path, *, port: int, dev_addr: str, preview: bool, lang: str | None) -> None:
    """`handbook edit`, with the arguments generator.cli parsed (its help says what each does)."""
    config_file = directory / CONFIG_FILE
    language = language_of(directory, lang)
    if not config_file.is_file():
        fail(render(msg("run.no_site_config", path=str(config_file)), language))
    _, handbook_root, _, _ = settings_of(directory, language)
    directory = directory.resolve()
    page = rules_page(directory)

    # One report for the session: the check before a save reuses the one after the last save
    # when no file changed in between (LastReport), so a save checks the handbook about once.
    last = LastReport()

    def findings() -> Findings:
        report, _ = check(directory, language, last=last)
        return Findings(report.errors, report.warnings)

    def report(problems: Sequence[Problem]) -> str:
        return format_text(list(problems), language, rules_page=page)

    backend = LocalBackend(handbook_root, language=language, check=findings, say=say, report=report)
    handbook = check(directory, language, last=last)[0].handbook
    preview_address = preview_url(directory, dev_addr) if preview else None
    files: list[EditorFile] = []
    try:
        server = serve_editor(backend, lambda: files, port=port)
        own = f"http://127.0.0.1:{server.server_address[1]}"
        settings = editor_settings(
            handbook_root,
            language=language,
            backend=backend_of({}, repo_url=None, edit_uri=None),
            site_url=preview_address,
            local_backend=own + API_PATH,
        )
        files[:] = editor_files(handbook, settings)
    except EditorMissing as error:
        fail(render(error.message, language))
        return
    except OSError as error:
        fail(render(msg("edit.port_busy", port=port, error=str(error.strerror)), language))
        return
    address = msg("edit.address", url=f"{own}/admin/", preview=preview_address or "—")
    say(f"handbook: {render(address, language)}")
    try:
        if preview:
            from generator.engines.serve import serve_handbook

            os.chdir(directory)
            serve_handbook(CONFIG_FILE, dev_addr=dev_addr, language=language, say=say)
        else:
            threading.Event().wait()  # until Ctrl+C
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
