"""The cache of compiled templates only ever saves time: a damaged, foreign or unwritable cache means compiling."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import jinja2
import pytest

from generator.render.compiled_templates import CompiledTemplates, compiled_templates

TEMPLATES = {"page.md.j2": "# {{ title }}\n{% for item in items %}- {{ item }}\n{% endfor %}"}


def _render(cache: jinja2.BytecodeCache | None, templates: dict[str, str] = TEMPLATES) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), bytecode_cache=cache, autoescape=False)
    return env.get_template("page.md.j2").render(title="T", items=["a", "b"])


def test_a_second_environment_reads_the_compiled_template_from_the_cache(tmp_path: Path) -> None:
    cache = CompiledTemplates(str(tmp_path))
    assert _render(cache) == "# T\n- a\n- b\n"
    written = list(tmp_path.iterdir())
    assert len(written) == 1 and written[0].stat().st_size > 0
    assert _render(CompiledTemplates(str(tmp_path))) == "# T\n- a\n- b\n"


def test_an_edited_template_is_compiled_anew(tmp_path: Path) -> None:
    assert _render(CompiledTemplates(str(tmp_path))) == "# T\n- a\n- b\n"
    edited = {"page.md.j2": "## {{ title }}\n"}
    assert _render(CompiledTemplates(str(tmp_path)), edited) == "## T"  # Jinja drops a template's last newline


@pytest.mark.parametrize("damage", [b"", b"garbage", b"j2" + b"\x00" * 64])
def test_a_damaged_cache_file_is_compiled_anew(tmp_path: Path, damage: bytes) -> None:
    _render(CompiledTemplates(str(tmp_path)))
    for written in tmp_path.iterdir():
        written.write_bytes(damage)
    assert _render(CompiledTemplates(str(tmp_path))) == "# T\n- a\n- b\n"


def test_a_cache_folder_that_cannot_be_written_is_only_slower(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.write_text("a file where the folder should be", encoding="utf-8")
    assert _render(CompiledTemplates(str(folder))) == "# T\n- a\n- b\n"


def test_a_default_folder_planted_as_a_link_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    elsewhere = tmp_path / "someone-elses"
    elsewhere.mkdir()
    planted = tmp_path / f"_jinja2-cache-{os.getuid()}"
    planted.symlink_to(elsewhere)
    assert compiled_templates() is None
    planted.unlink()
    assert isinstance(compiled_templates(), CompiledTemplates)
    assert planted.is_dir() and (planted.stat().st_mode & 0o777) == 0o700
