"""A light and a dark palette with Material's switch in the header, in the handbook's language.

Readers expect a dark theme. Material shows a switch when `theme.palette` is a list of
palettes, each with a `toggle`; this module writes that list when mkdocs.yml leaves it to
the handbook: no palette, or a single one (its colours are kept for both). A list of
palettes in mkdocs.yml is the handbook's own choice and stays as written. The first
visit follows the reader's system setting (`media`); the switch remembers the choice.
`handbook build --engine zensical` writes the same list into Zensical's configuration.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

LIGHT, DARK = "default", "slate"


def two_palettes(single: Mapping[str, Any], labels: Mapping[str, str]) -> list[dict[str, Any]]:
    """A light and a dark palette with the colours of `single`, each naming the switch to the other."""
    colours = {key: single[key] for key in ("primary", "accent") if isinstance(single.get(key), str)}
    return [
        {
            "media": "(prefers-color-scheme: light)",
            "scheme": LIGHT,
            **colours,
            "toggle": {"icon": "material/brightness-7", "name": labels["palette_to_dark"]},
        },
        {
            "media": "(prefers-color-scheme: dark)",
            "scheme": DARK,
            **colours,
            "toggle": {"icon": "material/brightness-4", "name": labels["palette_to_light"]},
        },
    ]


def add_palette_switch(config: MkDocsConfig, labels: Mapping[str, str]) -> None:
    """Give Material's theme a light and a dark palette with a switch, unless mkdocs.yml lists palettes itself."""
    theme = config.theme
    if theme is None or theme.name != "material":
        return
    current = theme.get("palette")
    if isinstance(current, list) and current:
        return
    theme["palette"] = two_palettes(current if isinstance(current, Mapping) else {}, labels)
