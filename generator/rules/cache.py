"""What `handbook validate` found last time, kept so that an unchanged file is not read again.

Two JSON files in the cache folder (`.cache/validate/` next to mkdocs.yml):

- `files.json`: for each file, keyed by its path and a hash of its bytes, the findings of
  the rules that look at one file at a time and the part of the model it holds
  (`generator.source.building.FilePart`), so the rules across files still see the whole handbook;
- `run.json`: the whole result of the last run, keyed by every file's key, so a run where
  nothing changed reads neither the files' models nor `files.json`.

Both are valid only for the same tool (its version and a hash of its own code and
schemas) and the same rule settings and language; anything else starts afresh.

The cache is data, never code: JSON (pickle would run whatever a crafted file says), read
without following a link and with a size limit, written through `write_replacing`. A
file that is corrupt, of another shape, or not signed with this machine's key (an HMAC
key kept in the user's own cache folder, outside the repository) is ignored: a cache file
committed in a pull request could otherwise hide a broken file from CI.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import json
import operator
import os
import secrets
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from generator import __version__
from generator.source.building import FilePart
from generator.source.files import LinkRefused, read_regular_file, write_replacing
from generator.source.model import Location
from generator.source.problems import Problem

# Bump when the layout of the cache files changes.
FORMAT = 1
FOLDER = "validate"
FILES_FILE, RUN_FILE = "files.json", "run.json"
# A cache of a 1,000-role handbook is about 10 MB; a bigger file is not read.
MAX_CACHE_BYTES = 128 * 1024 * 1024
_KEY_BYTES = 32

Json = Any


class CacheUnusable(Exception):
    """A cache file cannot be trusted or understood; it is ignored."""


@cache
def tool_fingerprint() -> str:
    """The tool's version and a hash of its own code, schemas and catalogs: results of another tool are not reused."""
    package = Path(__file__).resolve().parent.parent  # generator/, this module being in generator/rules/
    digest = hashlib.sha256()
    # The package's own version string, not importlib.metadata's (a tenth of the start-up of `validate`).
    digest.update(__version__.encode())
    for file in sorted(package.rglob("*")):
        if file.suffix in (".py", ".json", ".po") and file.is_file():
            digest.update(file.relative_to(package).as_posix().encode() + b"\0")
            digest.update(file.read_bytes())
    return digest.hexdigest()


def file_key(path: str, raw: bytes) -> str:
    """The key of one file's results: its path (findings name it) and a hash of its bytes."""
    return hashlib.sha256(path.encode("utf-8") + b"\0" + raw).hexdigest()


def run_key(file_keys: Iterable[str], *, not_read: Iterable[str], scan_outcome: str) -> str:
    """The key of a whole run: every file's key in order, and what the folder scan refused or skipped."""
    digest = hashlib.sha256()
    for key in file_keys:
        digest.update(key.encode() + b"\n")
    digest.update(json.dumps([sorted(not_read), scan_outcome], ensure_ascii=False).encode())
    return digest.hexdigest()


def _signing_key() -> bytes | None:
    """This user's key for signing cache files, made on first use; None when it cannot be kept."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "role-handbook"
    file = home / "cache-key"
    try:
        key = read_regular_file(file, limit=1024)
        if len(key) == _KEY_BYTES:
            return key
    except OSError:
        pass
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        key = secrets.token_bytes(_KEY_BYTES)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(key)
        return key
    except OSError:
        return None


# ---- the model's parts as JSON ------------------------------------------------------------
# A model object is a list of its fields' values in field order; a Location is [path, line, column].
# Writing needs no code per class: json.dumps asks `_fields_in_order` for each model object and
# writes tuples (a Location is one) as lists, so a first run's 400,000 objects cost one call each
# at most. Reading checks every value against the class's type hints, worked out once per class.

_Decode = Callable[[Json], Any]
# How to list the fields of each model class a file's part may hold (filled by `_decoder_for`).
_FIELDS_OF: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _fields_in_order(value: Any) -> Json:
    """json.dumps' hook for the model's objects: the values of their fields, in field order."""
    fields_of = _FIELDS_OF.get(type(value))
    if fields_of is None:
        raise TypeError(f"no JSON form for {type(value).__name__}")
    return fields_of(value)


def _decoder_for(hint: Any) -> _Decode:
    """How to read a value of the type `hint` back; the decoder refuses anything of another shape."""
    origin = typing.get_origin(hint)
    if hint in _PLAIN:
        return lambda value: _checked(value, hint)
    if hint is Location:
        return _location
    if origin is tuple:
        (item,) = {*typing.get_args(hint)} - {Ellipsis}
        if item is str:
            return _texts
        item_decode = _decoder_for(item)
        return lambda value: tuple(map(item_decode, _checked(value, list)))
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        inner_decode = _decoder_for(inner)
        return lambda value: None if value is None else inner_decode(value)
    if dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)  # type: ignore[arg-type]
    raise TypeError(f"no JSON form for {hint!r}")


def _checked(value: Json, kind: type) -> Any:
    # bool is an int to isinstance; a cache holding `true` for a line number is not ours.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise CacheUnusable(f"expected {kind.__name__}")
    return value


# Read back 400,000 times after one file is edited at 1,000 roles: exact type tests, no call per value.
# (An exact test also tells a JSON `true` from an integer.)


def _texts(value: Json) -> tuple[str, ...]:
    if type(value) is not list or any(type(item) is not str for item in value):
        raise CacheUnusable("expected a list of texts")
    return tuple(value)


def _location(value: Json) -> Location:
    if type(value) is list and len(value) == 3:
        path, line, column = value
        if type(path) is str and type(line) is int and type(column) is int:
            return Location(path, line, column)
    raise CacheUnusable("expected [path, line, column]")


_PLAIN = (str, int, bool)


@cache
def _dataclass_decoder(cls: type) -> _Decode:
    hints = typing.get_type_hints(cls)
    names = [field.name for field in dataclasses.fields(cls)]
    plain = [(index, hints[name]) for index, name in enumerate(names) if hints[name] in _PLAIN]
    nested = [(index, _decoder_for(hints[name])) for index, name in enumerate(names) if hints[name] not in _PLAIN]
    values_of = operator.attrgetter(*names)
    _FIELDS_OF[cls] = values_of if len(names) > 1 else (lambda value: (values_of(value),))

    def decode(value: Json) -> Any:
        if type(value) is not list or len(value) != len(names):
            raise CacheUnusable(f"{cls.__name__} has {len(names)} fields")
        for index, kind in plain:
            if type(value[index]) is not kind:
                raise CacheUnusable(f"{cls.__name__}.{names[index]} is not {kind.__name__}")
        values = value.copy()  # the entry itself is written to the cache again
        for index, field in nested:
            values[index] = field(values[index])
        return cls(*values)

    return decode


def decode_part(value: Json) -> FilePart:
    """A file's part of the model back from JSON; raises `CacheUnusable` (or TypeError) when it is not one."""
    part: FilePart = _dataclass_decoder(FilePart)(value)
    return part


def _json(value: Any) -> str:
    """Compact JSON text; model objects as the lists of their fields' values."""
    return json.dumps(
        value,
        ensure_ascii=False,
        separators=(",", ":"),
        default=_fields_in_order,
        check_circular=False,  # the model is a tree, and a part never holds itself
    )


# ---- the cache ---------------------------------------------------------------------------------

FindingRow = tuple[str, str, int, int, str]  # code, path, line, column, message


@dataclass(frozen=True)
class CachedFile:
    """One file's results: its one-file findings and its model part."""

    findings: tuple[FindingRow, ...]
    part_json: Json

    def part(self) -> FilePart:
        return decode_part(self.part_json)


def entry_text(findings: Iterable[FindingRow], part: FilePart) -> str:
    """One file's results as the cache keeps them, in JSON; TypeError when a model value has no JSON form."""
    _dataclass_decoder(FilePart)  # every model class a part may hold, known to `_fields_in_order`
    return _json({"findings": [list(finding) for finding in findings], "part": part})


def read_entry(entry: Json) -> CachedFile:
    """A file's results from the JSON the cache keeps; raises `CacheUnusable` when it is of another shape."""
    try:
        findings = tuple(
            (
                _checked(code, str),
                _checked(path, str),
                _checked(line, int),
                _checked(column, int),
                _checked(text, str),
            )
            for code, path, line, column, text in _checked(_checked(entry, dict)["findings"], list)
        )
        return CachedFile(findings, entry["part"])
    except (KeyError, TypeError, ValueError) as error:
        raise CacheUnusable("not a file's results") from error


@dataclass(frozen=True)
class CachedRun:
    """The whole result of a run: every problem, and how many roles and processes were read."""

    problems: tuple[Problem, ...]
    roles: int
    processes: int


class ValidateCache:
    """The cache folder of one handbook, for one tool, rule configuration and language."""

    def __init__(self, folder: Path, *, within: Path, config: Mapping[str, Any]) -> None:
        self.folder = folder
        self.within = within
        self.signing_key = _signing_key()
        self.stamp = hashlib.sha256(
            json.dumps([FORMAT, tool_fingerprint(), config], sort_keys=True, ensure_ascii=False, default=repr).encode()
        ).hexdigest()
        self._files: dict[str, Json] | None = None
        # Each file's entry for the next run: results to write, JSON text, or the entry as read.
        self._new_files: dict[str, Json] = {}

    # Reading and writing one signed JSON file.

    def _read(self, name: str) -> Json:
        if self.signing_key is None:
            raise CacheUnusable("no signing key")
        raw = read_regular_file(self.folder / name, limit=MAX_CACHE_BYTES)
        signature, _, body = raw.partition(b"\n")
        expected = hmac.new(self.signing_key, body, hashlib.sha256).hexdigest().encode()
        if not hmac.compare_digest(signature, expected):
            raise CacheUnusable("not signed with this machine's key")
        data = json.loads(body)
        if not isinstance(data, dict) or data.get("stamp") != self.stamp:
            raise CacheUnusable("another tool, rule configuration or language")
        return data

    def _write(self, name: str, text: str) -> None:
        if self.signing_key is None:
            return
        body = text.encode()
        signature = hmac.new(self.signing_key, body, hashlib.sha256).hexdigest().encode()
        # A cache that cannot be written only costs time next run.
        with contextlib.suppress(LinkRefused, OSError):
            write_replacing(self.folder / name, signature + b"\n" + body, within=self.within)

    def _readable(self, name: str) -> Json | None:
        try:
            return self._read(name)
        except (OSError, ValueError, CacheUnusable):
            return None  # missing, unreadable, corrupt, foreign: as if there were none

    # The whole run.

    def run(self, key: str) -> CachedRun | None:
        data = self._readable(RUN_FILE)
        if data is None or data.get("key") != key:
            return None
        try:
            problems = tuple(
                Problem(
                    path=_checked(path, str),
                    line=_checked(line, int),
                    column=_checked(column, int),
                    code=_checked(code, str),
                    severity=_checked(severity, str),
                    message=_checked(message, str),
                    rule=_checked(rule, str),
                )
                for path, line, column, code, severity, message, rule in _checked(data["problems"], list)
            )
            return CachedRun(problems, _checked(data["roles"], int), _checked(data["processes"], int))
        except (KeyError, TypeError, ValueError, CacheUnusable):
            return None

    def put_run(self, key: str, *, problems: Iterable[Problem], roles: int, processes: int) -> None:
        rows = [[p.path, p.line, p.column, p.code, p.severity, p.message, p.rule] for p in problems]
        data = {"stamp": self.stamp, "key": key, "problems": rows, "roles": roles, "processes": processes}
        self._write(RUN_FILE, _json(data))

    # Each file.

    def file(self, key: str) -> CachedFile | None:
        if self._files is None:
            data = self._readable(FILES_FILE)
            files = data.get("files") if data is not None else None
            self._files = files if isinstance(files, dict) else {}
        entry = self._files.get(key)
        if entry is None:
            return None
        try:
            cached = read_entry(entry)
        except CacheUnusable:
            return None
        self._new_files[key] = entry
        return cached

    def put_file(self, key: str, findings: Iterable[FindingRow], part: FilePart) -> None:
        """Keep a file's results; they are written as JSON by `save_files`."""
        self._new_files[key] = _Entry(tuple(findings), part)

    def keep(self, key: str, text: str) -> None:
        """Keep a file's results worked out elsewhere, as `entry_text` wrote them (in a forked process)."""
        self._new_files[key] = text

    def save_files(self) -> None:
        """Write the entries of this run's files (only those: the cache never grows past the handbook)."""
        entries = []
        for key, entry in self._new_files.items():
            try:
                text = (
                    entry_text(*entry)
                    if isinstance(entry, _Entry)
                    else entry
                    if isinstance(entry, str)
                    else _json(entry)
                )
            except (TypeError, ValueError):
                continue  # a model field with no JSON form yet (see _decoder_for): this file is read again next run
            entries.append(f"{_json(key)}:{text}")
        # Joined as text: the entries a forked process worked out are JSON text already.
        self._write(FILES_FILE, f'{{"stamp":{_json(self.stamp)},"files":{{{",".join(entries)}}}}}')


class _Entry(NamedTuple):
    """A file's results kept by `put_file`, made JSON only when the cache is written."""

    findings: tuple[FindingRow, ...]
    part: FilePart
