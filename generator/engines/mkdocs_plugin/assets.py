"""Scripts and stylesheets the plugin ships with every handbook site.

They live in the package (assets/), so any handbook that uses the plugin gets
them, not only the example: checklist.js remembers ticked checklist items,
handbook-search.js is the search box (generator.search writes its index),
checklist.css adds the print layout, wayfinding.css lays out the org chart and the
stage pager, raci.css the RACI matrix and a role's steps table (and permalink.js
copies a role's permanent link), tables.js and reading.css fit tables to the screen
(cards on a phone, a mark on a box that scrolls) and style CJK emphasis, and with `mermaid: local` the site serves
Mermaid itself (see generator/engines/mkdocs_plugin/mermaid.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.engines.mkdocs_plugin.mermaid import installed_mermaid

ASSETS = Path(__file__).parent / "assets"
# Where the files go in the built site; a folder of our own so no theme file is shadowed.
SITE_FOLDER = "assets/handbook"


@dataclass(frozen=True, slots=True)
class Asset:
    """A file copied into the site: its path there (also its URL) and where it comes from."""

    url: str
    source: Path


@dataclass(frozen=True, slots=True)
class SiteAssets:
    stylesheets: tuple[Asset, ...]
    # In page order: Mermaid first, so the global exists before anything looks for it.
    scripts: tuple[Asset, ...]

    @property
    def all(self) -> tuple[Asset, ...]:
        return self.stylesheets + self.scripts


def _shipped(name: str) -> Asset:
    return Asset(f"{SITE_FOLDER}/{name}", ASSETS / name)


def site_assets(*, mermaid: str, search: bool = True) -> SiteAssets:
    """What a handbook site needs; `mermaid` is the plugin option (`cdn` or `local`),
    `search` whether the handbook's search box is on every page (see assets/handbook-search.js).

    Raises MermaidMissing when `local` is asked for and `make` has not installed Mermaid.
    """
    scripts = [_shipped("checklist.js"), _shipped("permalink.js"), _shipped("tables.js")]
    stylesheets = [_shipped("checklist.css"), _shipped("wayfinding.css"), _shipped("raci.css"), _shipped("reading.css")]
    if search:
        scripts.append(_shipped(SEARCH_SCRIPT))
        stylesheets.append(_shipped("handbook-search.css"))
    if mermaid == "local":
        scripts.insert(0, Asset(f"{SITE_FOLDER}/mermaid.min.js", installed_mermaid()))
    return SiteAssets(stylesheets=tuple(stylesheets), scripts=tuple(scripts))


# The search box's script; the index it reads is written next to it (generator.search.SEARCH_FOLDER).
SEARCH_SCRIPT = "handbook-search.js"
