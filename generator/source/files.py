"""The handbook's files on disk: found, read and written without following links.

A pull request can commit a symbolic link, and a checkout recreates it. Followed,
a link in `roles/` or in the docs folder publishes a file from outside the
repository; followed when writing, a link in `.cache/` overwrites a file the next
CI step runs. So every input is looked at with `lstat` before it is opened, only
regular files are read (opened with O_NOFOLLOW and checked again with `fstat`), and
every generated file is written to a temporary file in its own folder and renamed
into place, after checking that neither it nor a folder on its way is a link.

Which names are read is decided here too, once, for `validate`, `build`, `diff` and
`handbook new`: in `roles/`, `processes/`, `departments/` and `people/`, files named exactly `<id>.yml` or
`<id>.yaml`; at the root, `glossary.yml`. Hidden names (starting with a dot:
`.gitkeep`, an editor's `.x.yml.swp`) are skipped silently; every other file there
is reported, never silently skipped.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# The folders and the one root file a handbook is read from, and the kind of file each holds.
# `departments/` is optional: a handbook without it is one department, as before departments existed.
# `people/` is optional too: a handbook without it names roles only.
KIND_BY_FOLDER: dict[str, Literal["role", "process", "department", "person"]] = {
    "roles": "role",
    "processes": "process",
    "departments": "department",
    "people": "person",
}
GLOSSARY_FILE = "glossary.yml"
SOURCE_SUFFIXES = (".yml", ".yaml")
# Windows' Notepad saves "x.yml" as "x.yml.txt" unless told otherwise.
_MEANT_SUFFIXES = (*SOURCE_SUFFIXES, *(f"{suffix}.txt" for suffix in SOURCE_SUFFIXES))

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)

# What a path that is not a regular file is, in the words of the message catalog (`inputs.what.*`).
Oddity = Literal["link", "pipe", "socket", "device", "folder", "file"]


class LinkRefused(OSError):
    """A file would be written through a symbolic link; `path` is the link itself, never its target."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is a symbolic link")
        self.path = path


@dataclass(frozen=True, slots=True)
class Refused:
    """A path the handbook will not read: a link, or not the kind of entry that belongs there."""

    path: str  # relative to the handbook root, with forward slashes
    found: Oddity
    expected: Literal["file", "folder"] = "file"


@dataclass(frozen=True, slots=True)
class Unread:
    """A regular file in a handbook folder that the tool does not read.

    `meant` is where it would be read (`roles/x.yml`) when the name says the editor
    meant a handbook file; None for anything else (a backup, a note).
    """

    path: str
    meant: str | None
    in_subfolder: bool = False
    # In a folder the tool does not read but whose name says which one was meant (`People/`, `person/`).
    in_misnamed_folder: bool = False


@dataclass(frozen=True, slots=True)
class InputScan:
    """Every file the handbook is read from, and every entry that is refused or not read."""

    sources: tuple[Path, ...]
    refused: tuple[Refused, ...]
    unread: tuple[Unread, ...]


def oddity_of(mode: int) -> Oddity | None:
    """What an `lstat` mode is, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def is_source_name(name: str) -> bool:
    """Whether a file in `roles/` or `processes/` with this name is read."""
    return not name.startswith(".") and name.endswith(SOURCE_SUFFIXES) and name.strip() == name


def meant_name(name: str) -> str | None:
    """The name a handbook file called `name` should have, when it looks meant as one (`X.YML ` → `X.yml`)."""
    trimmed = name.strip()
    folded = trimmed.casefold()
    for suffix in _MEANT_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            stem = trimmed[: -len(suffix)].strip()
            return f"{stem}{suffix.removesuffix('.txt')}" if stem else None
    return None


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def _lstat_mode(path: Path) -> int | None:
    try:
        return path.lstat().st_mode
    except OSError:
        return None


def _walk(folder: Path, relative: str = ".") -> Iterator[tuple[Path, str, int, int]]:
    """Every entry below `folder` with its path relative to where `folder` is `relative`, its `lstat` mode and
    depth (1 = directly inside), never entering a link."""
    stack = [(folder, relative, 1)]
    while stack:
        current, below, depth = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue
            # Joined as text: os.path.relpath for each of a big handbook's files was a tenth of `validate`'s start.
            path, name = Path(entry.path), entry.name if below == "." else f"{below}/{entry.name}"
            yield path, name, mode, depth
            if stat.S_ISDIR(mode):
                stack.append((path, name, depth + 1))


def _scan_source_folder(root: Path, name: str) -> Iterator[Path | Refused | Unread]:
    folder = root / name
    mode = _lstat_mode(folder)
    if mode is None:
        return
    if not stat.S_ISDIR(mode):
        yield Refused(name, oddity_of(mode) or "file", expected="folder")
        return
    for path, relative, mode, depth in _walk(folder, name):
        # Hidden entries (.gitkeep, editors' swap and lock files) are never read: skipped silently.
        if any(part.startswith(".") for part in relative.split("/")[1:]):
            continue
        oddity = oddity_of(mode)
        if depth == 1 and is_source_name(path.name):
            if oddity is None:
                yield path
            else:
                yield Refused(relative, oddity)
        elif oddity == "folder":
            continue  # its files are reported one by one below
        elif oddity is not None:
            yield Refused(relative, oddity)
        else:
            meant = meant_name(path.name)
            yield Unread(relative, f"{name}/{meant}" if meant else None, in_subfolder=depth > 1)


def _scan_glossary(root: Path) -> Iterator[Path | Refused | Unread]:
    mode = _lstat_mode(root / GLOSSARY_FILE)
    if mode is not None:
        oddity = oddity_of(mode)
        yield root / GLOSSARY_FILE if oddity is None else Refused(GLOSSARY_FILE, oddity)
    try:
        names = sorted(entry.name for entry in os.scandir(root))
    except OSError:
        return
    for name in names:
        # glossary.yaml, Glossary.yml, "glossary.yml " … look like the glossary but are not read.
        if name != GLOSSARY_FILE and (meant_name(name) or "").casefold() in ("glossary.yml", "glossary.yaml"):
            mode = _lstat_mode(root / name)
            oddity = oddity_of(mode) if mode is not None else None
            yield Unread(name, GLOSSARY_FILE) if oddity is None else Refused(name, oddity)


# Folder names an editor types for the handbook's own folders: another letter case of them, and these.
_MEANT_FOLDERS = {"role": "roles", "process": "processes", "department": "departments", "person": "people"} | {
    "persons": "people",
    "peoples": "people",
}


def _scan_misnamed_folders(root: Path) -> Iterator[Unread]:
    """Handbook files in a folder named like one of the handbook's (`People/`, `person/`): never read, so reported."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        folded = entry.name.strip().casefold()
        meant_folder = next((name for name in KIND_BY_FOLDER if name == folded), None) or _MEANT_FOLDERS.get(folded)
        if meant_folder is None or entry.name == meant_folder or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            names = sorted(child.name for child in os.scandir(entry.path) if child.is_file(follow_symlinks=False))
        except OSError:
            continue
        for name in names:
            meant = meant_name(name)
            if meant is not None and not name.startswith("."):
                yield Unread(f"{entry.name}/{name}", f"{meant_folder}/{meant}", in_misnamed_folder=True)


# The settings file MkDocs and the tool read, and names a slip gives it (case, `.yaml`, Notepad's `.txt`).
SITE_CONFIG_FILE = "mkdocs.yml"
_SITE_CONFIG_SLIPS = frozenset(
    {"mkdocs.yml", "mkdocs.yaml", "mkdocs.yml.txt", "mkdocs.yaml.txt", "mkdocs.txt", "mkdocs"}
)


def _scan_site_config(root: Path) -> Iterator[Unread]:
    """A settings file under another name (`MKDOCS.yml`, `mkdocs.txt` …) when there is no mkdocs.yml."""
    if _lstat_mode(root / SITE_CONFIG_FILE) is not None:
        return
    try:
        names = sorted(entry.name for entry in os.scandir(root) if entry.is_file(follow_symlinks=False))
    except OSError:
        return
    for name in names:
        if name.strip().casefold() in _SITE_CONFIG_SLIPS:
            yield Unread(name, SITE_CONFIG_FILE)


def misnamed_site_config(root: Path) -> str | None:
    """The name of a settings file written under another name than mkdocs.yml (None: none, or mkdocs.yml exists)."""
    return next((entry.path for entry in _scan_site_config(root)), None)


def links_and_special_files(folder: Path, *, root: Path) -> Iterator[Refused]:
    """Links and special files in `folder`, hidden ones too, with paths relative to `root`.

    A link on the way to `folder` (the folder itself, or one above it below `root`) is one too.
    """
    link = first_link(folder, within=root)
    if link is not None:
        yield Refused(_relative(link, root), "link", expected="folder")
        return
    mode = _lstat_mode(folder)
    if mode is None:
        return
    oddity = oddity_of(mode)
    if oddity != "folder":
        if oddity is not None:
            yield Refused(_relative(folder, root), oddity, expected="folder")
        return
    for path, _, mode, _ in _walk(folder):
        oddity = oddity_of(mode)
        if oddity not in (None, "folder"):
            yield Refused(_relative(path, root), oddity)


def scan_inputs(root: Path, *, site_folders: Sequence[Path] = ()) -> InputScan:
    """The role, process and glossary files of the handbook in `root`, sorted so output is stable.

    `site_folders` are other folders the site is made from (MkDocs' docs folder, the
    plugin's cache folder): any link or special file in them is refused too.
    """
    sources: list[Path] = []
    refused: list[Refused] = []
    unread: list[Unread] = []
    found: list[Path | Refused | Unread] = []
    for name in KIND_BY_FOLDER:
        found.extend(_scan_source_folder(root, name))
    found.extend(_scan_glossary(root))
    found.extend(_scan_misnamed_folders(root))
    found.extend(_scan_site_config(root))
    for folder in dict.fromkeys(site_folders):
        found.extend(links_and_special_files(folder, root=root))
    for item in found:
        if isinstance(item, Path):
            sources.append(item)
        elif isinstance(item, Refused):
            refused.append(item)
        else:
            unread.append(item)
    # Each source is <folder>/<name> or glossary.yml, as found: the relative path is the text after the root.
    sources.sort(key=lambda path: path.name if path.parent == root else f"{path.parent.name}/{path.name}")
    return InputScan(tuple(sources), tuple(dict.fromkeys(refused)), tuple(unread))


class NotRegularFile(OSError):
    """A path turned out not to be a regular file when opened (it changed after the scan)."""


class FileTooBig(OSError):
    """A file larger than the reader allows."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def read_regular_file(path: Path, *, limit: int) -> bytes:
    """The bytes of `path` if it is a regular file (not a link) of at most `limit` bytes.

    Opened without following a link and without waiting for a writer (a named pipe
    would block a plain open), then checked with `fstat` on the open descriptor, so
    what is read is what was checked. Raises `NotRegularFile`, `FileTooBig` or OSError.
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        mode = _lstat_mode(path)
        if mode is not None and stat.S_ISLNK(mode):
            raise NotRegularFile(error.errno, "a symbolic link") from error
        raise
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(0, f"not a regular file ({oddity_of(status.st_mode)})")
        if status.st_size > limit:
            raise FileTooBig(status.st_size)
        # The size fstat gave and one byte more: read at once (asking for `limit` bytes had Python set
        # 256 KB aside for each of a thousand small files). A byte more tells a file that grew since
        # fstat: then read on, up to one byte more than the limit.
        data = stream.read(status.st_size + 1)
        if len(data) > status.st_size:
            data += stream.read(limit + 1 - len(data))
    if len(data) > limit:
        raise FileTooBig(len(data))
    return data


def first_link(path: Path, *, within: Path) -> Path | None:
    """The first symbolic link among the folders from `within` down to `path`, and `path` itself.

    Only `path` itself is looked at when it lies outside `within` (a folder the user
    named, such as /tmp, is theirs to choose); inside it, any folder on the way could
    be a link the repository holds.
    """
    target = Path(os.path.abspath(path))
    base = Path(os.path.abspath(within))
    try:
        parts = target.relative_to(base).parts
    except ValueError:
        candidates = [target]
    else:
        candidates = [base.joinpath(*parts[: index + 1]) for index in range(len(parts))]
    for candidate in candidates:
        mode = _lstat_mode(candidate)
        if mode is None:
            return None  # nothing below a missing folder exists yet
        if stat.S_ISLNK(mode):
            return candidate
    return None


def write_replacing(path: Path, content: str | bytes, *, within: Path) -> None:
    """Write `content` to `path` through a temporary file in the same folder and a rename.

    Refuses (`LinkRefused`) when `path`, or a folder between `within` and it, is a
    symbolic link, so nothing is ever written through one. The rename is atomic: a
    reader sees the old file or the new one, never half of it.
    """
    link = first_link(path.parent, within=within) or first_link(path, within=path.parent)
    if link is not None:
        raise LinkRefused(link)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    link = first_link(path.parent, within=within)  # mkdir may have met a link made meanwhile
    if link is not None:
        raise LinkRefused(link)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private; generated files are as readable as any other.
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def swap_folder_into_place(built: Path, place: Path, *, old: Path) -> None:
    """Put the folder `built` at `place`; what was there moves to `old` first and is deleted last.

    A reader sees the old tree or the new one, save for the instant between two renames,
    not for as long as deleting a tree takes: a preview's open page may be loading files
    from the folder being replaced. Renames and removals never follow a link: a link named
    like the old tree is removed itself.
    """
    remove_tree(old)
    if os.path.lexists(place):
        place.rename(old)
    built.rename(place)
    remove_tree(old)


def remove_tree(path: Path) -> None:
    """Delete a folder tree, or the link or file at `path`; never what a link points to."""
    if path.is_symlink() or (os.path.lexists(path) and not path.is_dir()):
        path.unlink()
    elif path.exists():
        import shutil  # here: `validate`, which never deletes a tree, starts sooner without it

        shutil.rmtree(path)


def read_text_if_regular(path: Path) -> str | None:
    """The text of `path` when it is a regular file (not a link), else None; for comparing before a rewrite."""
    try:
        return read_regular_file(path, limit=64 * 1024 * 1024).decode("utf-8", errors="replace")
    except OSError:
        return None
