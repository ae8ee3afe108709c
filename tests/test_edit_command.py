"""`handbook edit` on the command line: a port in use or a folder without mkdocs.yml is one plain line and exit 2."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from tests.conftest import WriteHandbook

HANDBOOK = Path(sys.executable).parent / "handbook"


def test_a_port_in_use_says_so(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text("site_name: 手冊\ntheme:\n  language: zh-Hant\n", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [str(HANDBOOK), "edit", ".", "--port", str(port), "--no-preview"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2, done.stderr
    assert f"127.0.0.1:{port}" in done.stderr and "--port" in done.stderr and "Traceback" not in done.stderr


def test_no_site_config_says_so(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    done = subprocess.run([str(HANDBOOK), "edit", "."], cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "mkdocs.yml" in done.stderr and "Traceback" not in done.stderr
