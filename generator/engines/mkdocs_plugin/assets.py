"""Scripts and stylesheets the plugin ships with every handbook site.

They live in the package (assets/), so any handbook that uses the plugin gets
them, not only the example: checklist.js remembers ticked checklist items,
handbook-search.js is the search box (generator.search writes its index),
checklist.css adds the print layout, wayfinding.css lays out the org chart and the
stage pager, raci.css the RACI matrix and a role's steps table (and permalink.js
copies a role's permanent link), tables.js and reading.css fit tables to the screen
(cards on a phone, a mark on a box that scrolls) and style CJK emphasis, and with `mermaid: local` the site serves
Mermaid itself (see generator/engines/mkdocs_plugin/mermaid.py): linked only from the pages that draw a
diagram (3.5 MB of script a reader's phone would otherwise fetch and parse on every page), unless a
hand-written page draws one too (see hand_written_diagrams).
"""

from __future__ import annotations

import os
import re
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
    # Linked from every page, in page order: Mermaid first when it is one of them, so the global
    # exists before anything looks for it.
    scripts: tuple[Asset, ...]
    # Mermaid under `mermaid: local` when only the generated pages with a diagram link it
    # (the renderer writes its <script> above each diagram); None when `scripts` holds it or under `cdn`.
    diagram_script: Asset | None = None

    @property
    def all(self) -> tuple[Asset, ...]:
        return self.stylesheets + self.scripts + ((self.diagram_script,) if self.diagram_script else ())


def _shipped(name: str) -> Asset:
    return Asset(f"{SITE_FOLDER}/{name}", ASSETS / name)


def site_assets(*, mermaid: str, search: bool = True, mermaid_everywhere: bool = False) -> SiteAssets:
    """What a handbook site needs; `mermaid` is the plugin option (`cdn` or `local`),
    `search` whether the handbook's search box is on every page (see assets/handbook-search.js),
    `mermaid_everywhere` whether a local Mermaid is linked from every page (a hand-written page
    draws a diagram: see hand_written_diagrams) rather than from the generated pages with one.

    Raises MermaidMissing when `local` is asked for and `make` has not installed Mermaid.
    """
    scripts = [_shipped("checklist.js"), _shipped("permalink.js"), _shipped("tables.js")]
    stylesheets = [_shipped("checklist.css"), _shipped("wayfinding.css"), _shipped("raci.css"), _shipped("reading.css")]
    if search:
        scripts.append(_shipped(SEARCH_SCRIPT))
        stylesheets.append(_shipped("handbook-search.css"))
    diagram_script = None
    if mermaid == "local":
        local = Asset(f"{SITE_FOLDER}/mermaid.min.js", installed_mermaid())
        if mermaid_everywhere:
            scripts.insert(0, local)
        else:
            diagram_script = local
    return SiteAssets(stylesheets=tuple(stylesheets), scripts=tuple(scripts), diagram_script=diagram_script)


# A Mermaid diagram in Markdown: a fence (``` mermaid, ~~~mermaid, ```{.mermaid}) or an element of class mermaid.
_DIAGRAM = re.compile(r"^[ \t]*(?:`{3,}|~{3,})[ \t]*\{?[ \t]*\.?mermaid\b|class=[\"'][^\"']*\bmermaid\b", re.MULTILINE)


def hand_written_diagrams(docs_dir: Path) -> bool:
    """Whether a hand-written Markdown page in the docs folder draws a Mermaid diagram.

    Such a page gets no <script> from the renderer, so Mermaid is then linked from every page
    instead. Symbolic links are not followed (the loader's rule: nothing outside the folder is read),
    and a file that cannot be read draws nothing here (MkDocs reports it).
    """
    for folder, folders, names in os.walk(docs_dir):
        folders[:] = [name for name in folders if not os.path.islink(os.path.join(folder, name))]
        for name in names:
            path = Path(folder, name)
            if not name.endswith(".md") or path.is_symlink():
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if _DIAGRAM.search(text):
                return True
    return False


# The search box's script; the index it reads is written next to it (generator.search.SEARCH_FOLDER).
SEARCH_SCRIPT = "handbook-search.js"
