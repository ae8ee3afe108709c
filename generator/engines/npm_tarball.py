"""Files from a pinned npm package, served from the site itself (Mermaid, the editor's Decap CMS).

`make` runs the module of each package, which downloads the npm registry's tarball of
the pinned version, checks it against the pinned sha512 integrity (and that the
registry's metadata says the same), and unpacks the files the site needs into the
virtualenv's share/ folder. No Node, no npm: the registry's tarball is a plain .tgz.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import sys
import tarfile
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_REGISTRY = "https://registry.npmjs.org"
# Written last, so an interrupted download never looks installed.
_COMPLETE = ".complete"


@dataclass(frozen=True, slots=True)
class NpmFiles:
    """Some files of one pinned version of an npm package."""

    name: str
    version: str
    integrity: str  # the registry's `dist.integrity`: sha512-<base64>
    # Members of the tarball to keep (full match, e.g. `package/dist/mermaid\.min\.js`), each kept
    # under its name without the leading folders.
    members: str

    @property
    def folder(self) -> Path:
        """Where `make` puts this version: inside the Python environment running the tool."""
        return Path(sys.prefix) / "share" / "role-handbook" / f"{self.name}-{self.version}"

    def installed(self) -> bool:
        return (self.folder / _COMPLETE).is_file()


def matches_integrity(data: bytes, integrity: str) -> bool:
    algorithm, _, expected = integrity.partition("-")
    return algorithm == "sha512" and base64.b64encode(hashlib.sha512(data).digest()).decode() == expected


def _download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        data: bytes = response.read()
    return data


def install(package: NpmFiles, announce: Callable[[], None] = lambda: None) -> Path:
    """Download, check and unpack the pinned files; a no-op when they are already there.

    `announce` is called once, just before anything is downloaded. Returns the folder.
    """
    folder = package.folder
    if package.installed():
        return folder
    announce()
    metadata = json.loads(_download(f"{_REGISTRY}/{package.name}/{package.version}"))
    if metadata["dist"]["integrity"] != package.integrity:
        raise RuntimeError(f"the registry's integrity for {package.name} {package.version} differs from the pinned one")
    tarball = _download(metadata["dist"]["tarball"])
    if not matches_integrity(tarball, package.integrity):
        raise RuntimeError(f"the downloaded {package.name} {package.version} tarball does not match its integrity")
    wanted = re.compile(package.members)
    staging = folder.with_name(folder.name + ".partial")
    staging.mkdir(parents=True, exist_ok=True)
    kept = 0
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile() or not wanted.fullmatch(member.name):
                continue
            extracted = archive.extractfile(member)
            if extracted is None:
                continue
            # The name only, never a path from the archive: nothing lands outside the folder.
            (staging / Path(member.name).name).write_bytes(extracted.read())
            kept += 1
    if not kept:
        raise RuntimeError(f"no file of {package.name} {package.version} matched {package.members}")
    (staging / _COMPLETE).write_text(f"{package.name} {package.version} {package.integrity}\n", encoding="utf-8")
    if folder.exists():
        for stale in folder.iterdir():
            stale.unlink()
        folder.rmdir()
    staging.replace(folder)
    return folder
