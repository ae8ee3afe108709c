"""The light and dark palettes the plugin gives Material (generator/engines/mkdocs_plugin/palette.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from generator.engines.mkdocs_plugin.palette import add_palette_switch
from generator.words.labels import labels_for


def config_with(tmp_path: Path, theme: str) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\ntheme:\n{theme}", encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


def test_without_a_palette_the_site_gets_light_and_dark_with_the_switch_in_its_language(tmp_path: Path) -> None:
    config = config_with(tmp_path, "  name: material\n")
    add_palette_switch(config, labels_for("zh-Hant"))
    light, dark = config.theme["palette"]
    assert (light["scheme"], dark["scheme"]) == ("default", "slate")
    assert light["toggle"]["name"] == "切換到深色主題" and dark["toggle"]["name"] == "切換到淺色主題"
    assert "prefers-color-scheme: dark" in dark["media"]


def test_a_single_palette_keeps_its_colours_in_both(tmp_path: Path) -> None:
    config = config_with(tmp_path, "  name: material\n  palette:\n    primary: teal\n    accent: amber\n")
    add_palette_switch(config, labels_for("en"))
    palettes = config.theme["palette"]
    assert [(p["primary"], p["accent"]) for p in palettes] == [("teal", "amber"), ("teal", "amber")]
    assert palettes[0]["toggle"]["name"] == "Switch to the dark theme"


def test_a_list_of_palettes_in_mkdocs_yml_is_left_as_written(tmp_path: Path) -> None:
    written = "  name: material\n  palette:\n    - scheme: slate\n      primary: red\n"
    config = config_with(tmp_path, written)
    add_palette_switch(config, labels_for("zh-Hant"))
    assert config.theme["palette"] == [{"scheme": "slate", "primary": "red"}]
