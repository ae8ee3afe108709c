"""Mermaid served from the site itself (the plugin's `mermaid: local` option).

Material for MkDocs draws diagrams with Mermaid and, unless a global `mermaid`
already exists, loads it from unpkg.com the first time a page with a diagram
opens (src/templates/assets/javascripts/components/content/mermaid/index.ts:
`typeof mermaid === "undefined" ... ? watchScript("https://unpkg.com/...") : of(undefined)`).
So the plugin ships mermaid.min.js with the site and adds it to
`extra_javascript`: a plain (not deferred) script that defines the global before
Material mounts its components on DOMContentLoaded, and no request leaves the site.

The file is not committed (3 MB of minified code): `make` runs this module,
which downloads the npm registry's tarball of a pinned version, checks it
against the pinned sha512 integrity (and the registry's metadata says the same),
and unpacks mermaid.min.js and its licence into the virtualenv's share/ folder.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from collections.abc import Callable
from pathlib import Path

from generator.source.site_config import ConfigUnreadable, read_site_config, theme_language
from generator.words.languages import handbook_language
from generator.words.messages import msg, render

# Material 9.x asks unpkg for mermaid@11; the newest 11.x on the npm registry when this was pinned.
MERMAID_VERSION = "11.17.2"
MERMAID_INTEGRITY = "sha512-V6K3C8EBdEsPFZXSKMJe6ppQOENxuHARr9GvHX4hh47lAbhMRD9qf4oEK7LoaRQxULMa80/qt5gHO73aCleBBg=="
_REGISTRY = "https://registry.npmjs.org/mermaid"
_MEMBERS = {"package/dist/mermaid.min.js": "mermaid.min.js", "package/LICENSE": "LICENSE"}


class MermaidMissing(Exception):
    """mermaid.min.js is not installed where `mermaid: local` looks for it."""


def mermaid_folder() -> Path:
    """Where `make` puts this Mermaid version: inside the Python environment running the tool."""
    return Path(sys.prefix) / "share" / "role-handbook" / f"mermaid-{MERMAID_VERSION}"


def installed_mermaid() -> Path:
    """The checked mermaid.min.js, or MermaidMissing saying how to get it."""
    script = mermaid_folder() / "mermaid.min.js"
    if not script.is_file():
        raise MermaidMissing(
            f"`mermaid: local` needs Mermaid {MERMAID_VERSION} at {script}; run `make` "
            f"(or `{Path(sys.executable).name} -m generator.engines.mkdocs_plugin.mermaid`) to download it, "
            "or set `mermaid: cdn` in mkdocs.yml"
        )
    return script


def _matches_integrity(data: bytes, integrity: str) -> bool:
    algorithm, _, expected = integrity.partition("-")
    return algorithm == "sha512" and base64.b64encode(hashlib.sha512(data).digest()).decode() == expected


def _download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        data: bytes = response.read()
    return data


def install_mermaid(announce: Callable[[], None] = lambda: None) -> Path:
    """Download, check and unpack the pinned Mermaid; a no-op when it is already there.

    `announce` is called once, just before anything is downloaded.
    """
    folder = mermaid_folder()
    if all((folder / name).is_file() for name in _MEMBERS.values()):
        return folder / "mermaid.min.js"
    announce()
    metadata = json.loads(_download(f"{_REGISTRY}/{MERMAID_VERSION}"))
    if metadata["dist"]["integrity"] != MERMAID_INTEGRITY:
        raise RuntimeError(f"the registry's integrity for mermaid {MERMAID_VERSION} differs from the pinned one")
    tarball = _download(metadata["dist"]["tarball"])
    if not _matches_integrity(tarball, MERMAID_INTEGRITY):
        raise RuntimeError(f"the downloaded mermaid {MERMAID_VERSION} tarball does not match its sha512 integrity")
    staging = folder.with_name(folder.name + ".partial")
    staging.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member, name in _MEMBERS.items():
            extracted = archive.extractfile(member)
            if extracted is None:
                raise RuntimeError(f"{member} is missing from the mermaid {MERMAID_VERSION} tarball")
            (staging / name).write_bytes(extracted.read())
    # Rename last, so an interrupted download never looks installed.
    staging.replace(folder)
    return folder / "mermaid.min.js"


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
        install_mermaid(announce)
    except (OSError, RuntimeError, KeyError, ValueError, tarfile.TarError) as error:
        print(render(msg("mermaid.failed", version=MERMAID_VERSION, error=str(error)), language), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
