"""`make` is quiet: the Mermaid step prints nothing when the file is already installed."""

from __future__ import annotations

import subprocess
import sys

from generator.engines.mkdocs_plugin.mermaid import installed_mermaid
from tests.conftest import REPO


def test_the_mermaid_step_is_silent_when_mermaid_is_installed() -> None:
    installed_mermaid()  # `make unit` runs `make mermaid` first; this fails with how to get it otherwise
    done = subprocess.run(
        [sys.executable, "-m", "generator.engines.mkdocs_plugin.mermaid"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("", "")


def test_the_editor_step_is_silent_when_decap_cms_is_installed() -> None:
    from generator.engines.editor.bundle import installed_editor_files

    installed_editor_files()  # `make unit` runs `make editor` first; this fails with how to get it otherwise
    done = subprocess.run(
        [sys.executable, "-m", "generator.engines.editor.bundle"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("", "")
