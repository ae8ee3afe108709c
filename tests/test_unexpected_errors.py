"""No traceback reaches a user: an error nobody foresaw is one line in the handbook's language and exit code 3.

The failing command is added to the real `handbook` group in a child process (the tool's own
commands catch what they foresee, so none fails this way on purpose); everything else — the
group, its handler, the catalogs, the language from mkdocs.yml — is the shipped code.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import WriteHandbook

# A tiny program that adds one failing command to the real group and runs it as `handbook`.
RUNNER = textwrap.dedent(
    """\
    import sys
    from generator.cli import main

    @main.command("explode")
    def explode() -> None:
        raise RuntimeError("boom " + "x" * 5000)

    sys.argv = ["handbook", *sys.argv[1:]]
    main()
    """
)


def _run(tmp_path: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "runner.py"
    script.write_text(RUNNER, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script), *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )


def test_an_unexpected_error_is_one_line_in_the_handbooks_language_and_exit_3(
    tmp_path: Path, write_handbook: WriteHandbook
) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text("site_name: 手冊\ntheme:\n  name: material\n  language: zh-Hant\n", "utf-8")
    result = _run(tmp_path, "explode", cwd=root)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr + result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith("handbook: ") and "`handbook explode`" in line and "--debug" in line
    assert "RuntimeError: boom" in line and "意料之外" in line
    assert len(line) < 600  # the error's own text is cut, not printed whole


def test_debug_shows_the_traceback(tmp_path: Path, write_handbook: WriteHandbook) -> None:
    result = _run(tmp_path, "--debug", "explode", cwd=write_handbook())
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "RuntimeError: boom" in result.stderr
