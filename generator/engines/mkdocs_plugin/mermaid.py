"""Mermaid served from the site itself (the plugin's `mermaid: local` option).

Material for MkDocs draws diagrams with Mermaid and, unless a global `mermaid`
already exists, loads it from unpkg.com the first time a page with a diagram
opens (src/templates/assets/javascripts/components/content/mermaid/index.ts:
`typeof mermaid === "undefined" ... ? watchScript("https://unpkg.com/...") : of(undefined)`).
So the plugin ships mermaid.min.js with the site and adds it to
`extra_javascript`: a plain (not deferred) script that defines the global before
Material mounts its components on DOMContentLoaded, and no request leaves the site.

The file is not committed (3 MB of minified code): `make` runs this module,
which installs mermaid.min.js and its licence from the pinned npm tarball into
the virtualenv's share/ folder (generator.engines.npm_tarball).
"""

from __future__ import annotations

import sys
import tarfile
from pathlib import Path

from generator.engines.npm_tarball import NpmFiles, install
from generator.source.site_config import ConfigUnreadable, read_site_config, theme_language
from generator.words.languages import handbook_language
from generator.words.messages import msg, render

# Material 9.x asks unpkg for mermaid@11; the newest 11.x on the npm registry when this was pinned.
MERMAID_VERSION = "11.17.2"
MERMAID = NpmFiles(
    name="mermaid",
    version=MERMAID_VERSION,
    integrity="sha512-V6K3C8EBdEsPFZXSKMJe6ppQOENxuHARr9GvHX4hh47lAbhMRD9qf4oEK7LoaRQxULMa80/qt5gHO73aCleBBg==",
    members=r"package/dist/mermaid\.min\.js|package/LICENSE",
)


class MermaidMissing(Exception):
    """mermaid.min.js is not installed where `mermaid: local` looks for it."""


def mermaid_folder() -> Path:
    """Where `make` puts this Mermaid version: inside the Python environment running the tool."""
    return MERMAID.folder


def installed_mermaid() -> Path:
    """The checked mermaid.min.js, or MermaidMissing saying how to get it."""
    script = mermaid_folder() / "mermaid.min.js"
    if not MERMAID.installed():
        raise MermaidMissing(
            f"`mermaid: local` needs Mermaid {MERMAID_VERSION} at {script}; run `make` "
            f"(or `{Path(sys.executable).name} -m generator.engines.mkdocs_plugin.mermaid`) to download it, "
            "or set `mermaid: cdn` in mkdocs.yml"
        )
    return script


def main() -> int:
    """`make`'s step: one line when it downloads, nothing when Mermaid is already there, in the handbook's language."""
    # The handbook in the current folder (where `make` runs) decides the language, as for `handbook`.
    try:
        language = handbook_language(theme_language=theme_language(read_site_config(Path.cwd())))
    except ConfigUnreadable:
        language = handbook_language()

    def announce() -> None:
        print(render(msg("mermaid.downloading", version=MERMAID_VERSION), language), flush=True)

    try:
        install(MERMAID, announce)
    except (OSError, RuntimeError, KeyError, ValueError, tarfile.TarError) as error:
        print(render(msg("mermaid.failed", version=MERMAID_VERSION, error=str(error)), language), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
