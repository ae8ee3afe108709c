"""`handbook --help` in the handbook's language; every command and option has its catalog text."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click

from generator.cli import main
from generator.cli_help import help_key
from generator.words.messages import EN
from tests.site.conftest import HANDBOOK_CLI


def _commands() -> list[tuple[str, click.Command]]:
    return [("main", main), *main.commands.items()]


def test_every_command_and_option_has_help_in_the_catalogs_matching_the_english_decorators() -> None:
    missing = []
    for name, command in _commands():
        if EN.get(help_key(name)) != command.help:
            missing.append(f"{help_key(name)}: the English catalog must hold the command's docstring {command.help!r}")
        for param in command.params:
            if isinstance(param, click.Option) and param.name and param.help:
                key = help_key(name, param.name)
                if EN.get(key) != param.help:
                    missing.append(f"{key}: add it to the three messages_*.py catalogs, English {param.help!r}")
    assert not missing, "\n".join(missing)


def _help(*args: str, cwd: Path) -> str:
    result = subprocess.run([HANDBOOK_CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_help_follows_the_handbook_language_of_the_current_folder(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: material\n  language: zh_TW\n", "utf-8")
    text = _help("validate", "--help", cwd=tmp_path)
    assert text.startswith("用法：handbook validate [OPTIONS] [DIRECTORY]\n")
    assert "選項：\n" in text
    assert "--strict                     警告也算失敗（結束代碼 1）。" in text
    assert "問題的輸出格式（預設：text）。" in text and "[default: text]" not in text
    assert "--help                       顯示這段說明後結束。" in text
    group = _help("--help", cwd=tmp_path)
    assert "指令：\n" in group
    assert "  serve       預覽網站：YAML 或 Markdown 一改，只重建受影響的頁面；錯誤會顯示在瀏覽器裡。" in group


def test_lang_chooses_the_help_language_and_english_stays_english(tmp_path: Path) -> None:
    assert "验证" in _help("build", "--help", "--lang", "zh-Hans", cwd=tmp_path)
    english = _help("build", "--help", cwd=tmp_path)
    assert english.startswith("Usage: handbook build [OPTIONS] [DIRECTORY]\n")
    assert "Options:\n" in english and "Show this message and exit." in english
