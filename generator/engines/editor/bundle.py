"""Decap CMS, the editor at /admin/, served from the site itself (no CDN).

The bundle is not committed (6 MB of minified code in about a hundred chunks the
main script loads on demand): `make` runs this module, which installs the pinned
npm tarball's `dist/decap-cms.js`, its chunks, the WebAssembly files they load and
the licences into the virtualenv (generator.engines.npm_tarball), as for Mermaid.
Decap CMS 3 carries every interface language it has, zh_Hant and zh_Hans among them.
"""

from __future__ import annotations

import sys
import tarfile
from pathlib import Path

from generator.engines.npm_tarball import NpmFiles, install
from generator.source.site_config import ConfigUnreadable, read_site_config, theme_language
from generator.words.languages import handbook_language
from generator.words.messages import Language, Message, msg, render

DECAP_VERSION = "3.16.3"
DECAP = NpmFiles(
    name="decap-cms",
    version=DECAP_VERSION,
    integrity="sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
    # The main script, its numbered chunks and the WebAssembly they fetch (not the source maps,
    # nor `cms.js`, the same bundle under its old name).
    members=r"package/dist/(?:\d+\.)?decap-cms\.js|package/dist/[0-9a-f]+\.wasm|package/dist/decap-cms\.js\.LICENSE\.txt",
)
MAIN_SCRIPT = "decap-cms.js"


class EditorMissing(Exception):
    """The Decap CMS bundle is not installed where the editor looks for it."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


def editor_folder() -> Path:
    return DECAP.folder


def installed_editor_files() -> list[Path]:
    """The checked files of the bundle, main script first; EditorMissing when `make` has not installed them."""
    folder = editor_folder()
    if not DECAP.installed():
        command = f"{Path(sys.executable).name} -m generator.engines.editor.bundle"
        raise EditorMissing(msg("editor.missing", version=DECAP_VERSION, path=str(folder), command=command))
    files = sorted(path for path in folder.iterdir() if not path.name.startswith("."))
    return sorted(files, key=lambda path: path.name != MAIN_SCRIPT)


def _language_here() -> Language:
    # The handbook in the current folder (where `make` runs) decides the language, as for `handbook`.
    try:
        return handbook_language(theme_language=theme_language(read_site_config(Path.cwd())))
    except ConfigUnreadable:
        return handbook_language()


def main() -> int:
    """`make`'s step: one line when it downloads, nothing when the bundle is already there."""
    language = _language_here()

    def announce() -> None:
        print(render(msg("editor.downloading", version=DECAP_VERSION), language), flush=True)

    try:
        install(DECAP, announce)
    except (OSError, RuntimeError, KeyError, ValueError, tarfile.TarError) as error:
        print(render(msg("editor.failed", version=DECAP_VERSION, error=str(error)), language), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
