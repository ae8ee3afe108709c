"""The editor's local backend: Decap CMS's `decap-server` protocol, in Python, for `handbook edit`.

Decap CMS, told `local_backend` in its config.yml, sends every read and write as
`POST /api/v1` with `{"action": …, "params": …}` (decap-server's localFs middleware,
packages/decap-server/src/middlewares/localFs/index.ts). This answers the same actions
on this checkout, with these limits decap-server does not have:

- only the handbook's own files: `roles/*.yml`, `processes/*.yml`, `departments/*.yml`,
  `people/*.yml` and `glossary.yml` (no `..`, no absolute path, no other folder, nothing through a
  symbolic link, no media uploads, no deletes, no renames);
- only from this server's own page: a request must carry a JSON body (so a browser
  asks first from any other site) and name 127.0.0.1 or localhost as its host (a
  DNS name rebound to 127.0.0.1 is refused), and the server listens on 127.0.0.1 only;
- every written file is what a person would write (generator.source.yaml_editing) and
  is checked with the handbook's rules: a write that would add an error is undone and
  refused with the findings, which the editor shows; warnings are printed.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.engines.editor.site_files import SITE_FOLDER, EditorFile
from generator.render.output_escaping import log_line
from generator.source.files import (
    GLOSSARY_FILE,
    FileTooBig,
    LinkRefused,
    NotRegularFile,
    first_link,
    read_regular_file,
    write_replacing,
)
from generator.source.loading import MAX_FILE_BYTES, Kind, source_from_bytes
from generator.source.problems import Problem
from generator.source.schema_lines import glossary_schema_line, schema_line
from generator.source.yaml_editing import NotEditable, edited_text
from generator.words.messages import Language, Message, msg, render

API_PATH = "/api/v1"
FOLDERS: Mapping[str, Kind] = {
    "roles": "role",
    "processes": "process",
    "departments": "department",
    "people": "person",
}
_FILE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.ya?ml")
_MAX_REQUEST_BYTES = 4 * MAX_FILE_BYTES
_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".yml": "text/yaml; charset=utf-8",
    ".wasm": "application/wasm",
    ".txt": "text/plain; charset=utf-8",
}


class Refused(Exception):
    """A request the local backend will not carry out; `message` says why, in the handbook's language."""

    def __init__(self, message: Message | str, status: HTTPStatus = HTTPStatus.UNPROCESSABLE_ENTITY) -> None:
        super().__init__(message if isinstance(message, str) else message.key)
        # A Message, or text already in the handbook's language (findings).
        self.message = message
        self.status = status


@dataclass(frozen=True, slots=True)
class Findings:
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def handbook_path(relative: object) -> tuple[str, Kind]:
    """A path the editor may read or write, normalised, and the kind of file; Refused for anything else."""
    if not isinstance(relative, str) or "\\" in relative or "\0" in relative:
        raise Refused(msg("edit.path_refused", path=str(relative)))
    parts = relative.split("/")
    if relative == GLOSSARY_FILE:
        return relative, "glossary"
    if len(parts) == 2 and parts[0] in FOLDERS and _FILE_NAME.fullmatch(parts[1]):
        return relative, FOLDERS[parts[0]]
    raise Refused(msg("edit.path_refused", path=relative))


def _entry_id(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class LocalBackend:
    """decap-server's actions on one handbook folder."""

    def __init__(
        self,
        root: Path,
        *,
        language: Language,
        check: Callable[[], Findings],
        say: Callable[[str], None],
        report: Callable[[Sequence[Problem]], str],
    ) -> None:
        self.root = root.resolve()
        self.language = language
        self.check = check
        self.say = say
        self.report = report
        self._lock = threading.Lock()

    # Reading

    def _read(self, relative: str) -> bytes | None:
        path, _ = handbook_path(relative)
        target = self.root / path
        if first_link(target, within=self.root) is not None:
            raise Refused(msg("edit.path_refused", path=relative))
        try:
            return read_regular_file(target, limit=MAX_FILE_BYTES)
        except FileNotFoundError:
            return None
        except (FileTooBig, NotRegularFile, OSError) as error:
            raise Refused(msg("edit.path_refused", path=relative)) from error

    def _entry(self, relative: str, label: object = None) -> dict[str, Any]:
        content = self._read(relative)
        file: dict[str, Any] = {"path": relative, "id": None if content is None else _entry_id(content)}
        if isinstance(label, str):
            file["label"] = label
        return {"data": None if content is None else content.decode("utf-8", errors="replace"), "file": file}

    def _folder_entries(self, folder: object, extension: object) -> list[dict[str, Any]]:
        if not isinstance(folder, str) or folder.strip("/") not in FOLDERS:
            raise Refused(msg("edit.path_refused", path=str(folder)))
        name = folder.strip("/")
        directory = self.root / name
        if first_link(directory, within=self.root) is not None or not directory.is_dir():
            return []
        suffix = f".{extension}" if isinstance(extension, str) and extension else ".yml"
        entries = []
        for file in sorted(directory.iterdir()):
            if file.name.endswith(suffix) and _FILE_NAME.fullmatch(file.name) and not file.is_symlink():
                entries.append(self._entry(f"{name}/{file.name}"))
        return entries

    # Writing

    def _schema_line(self, kind: Kind) -> str:
        if kind == "glossary":
            return glossary_schema_line(self.root)
        folder = next(name for name, folder_kind in FOLDERS.items() if folder_kind == kind)
        return schema_line(self.root / folder, kind)

    def _new_text(self, relative: str, raw: object) -> tuple[Path, bytes | None, str]:
        path, kind = handbook_path(relative)
        if not isinstance(raw, str):
            raise Refused(msg("edit.not_yaml", path=path, error="—"))
        # Read with the handbook's own loader: the same limits (size, depth, aliases) as any file,
        # and nothing constructed but plain data.
        source = source_from_bytes(path, kind, raw.encode("utf-8"))
        if source.failure is not None:
            raise Refused(msg("edit.not_yaml", path=path, error=source.failure.message))
        if source.features or source.tree is None:
            raise Refused(msg("edit.not_yaml", path=path, error="—"))
        original = self._read(path)
        try:
            text = edited_text(
                None if original is None else original.decode("utf-8"),
                source.tree.data,
                kind=kind,
                schema_line=self._schema_line(kind),
            )
        except (UnicodeDecodeError, NotEditable) as error:
            # The file on disk is broken: fixed by hand (the findings say where), never overwritten unseen.
            raise Refused(msg("edit.not_yaml", path=path, error=str(error))) from error
        return self.root / path, original, text

    def _write(self, target: Path, content: str | bytes | None) -> None:
        try:
            if content is None:
                target.unlink(missing_ok=True)
            else:
                write_replacing(target, content, within=self.root)
        except LinkRefused as error:
            raise Refused(msg("edit.path_refused", path=target.relative_to(self.root).as_posix())) from error

    def persist(self, params: Mapping[str, Any]) -> dict[str, Any]:
        entry = params.get("entry")
        files = params.get("dataFiles") or ([entry] if isinstance(entry, Mapping) else [])
        if params.get("assets"):
            raise Refused(msg("edit.path_refused", path=str(params["assets"][0].get("path"))))
        if not files or not all(isinstance(file, Mapping) for file in files):
            raise Refused(msg("edit.path_refused", path="—"))
        for file in files:
            if file.get("newPath"):
                raise Refused(msg("edit.path_refused", path=str(file["newPath"])))
        with self._lock:
            planned = [self._new_text(str(file.get("path")), file.get("raw")) for file in files]
            before = self.check()
            for target, _, text in planned:
                self._write(target, text)
            after = self.check()
            known = {_key(problem) for problem in before.errors}
            added = [problem for problem in after.errors if _key(problem) not in known]
            if added:
                for target, original, _ in planned:
                    self._write(target, original)
                paths = ", ".join(target.relative_to(self.root).as_posix() for target, _, _ in planned)
                heading = render(msg("edit.refused", path=paths, count=len(added)), self.language)
                findings = self.report(added)
                self._say_lines(f"handbook: {heading}", findings)
                raise Refused(f"{heading}\n{findings}")
        for target, _, _ in planned:
            relative = target.relative_to(self.root).as_posix()
            warnings = [problem for problem in after.warnings if problem.path == relative]
            if warnings:
                line = render(msg("edit.saved_with_warnings", path=relative, count=len(warnings)), self.language)
                self._say_lines(f"handbook: {line}", self.report(warnings))
            else:
                self.say(f"handbook: {render(msg('edit.saved', path=relative), self.language)}")
        return {"message": "entry persisted"}

    def _say_lines(self, heading: str, findings: str) -> None:
        # One call per line: `say` escapes a line break inside a line.
        for line in (heading, *findings.splitlines()):
            self.say(line)

    def handle(self, action: object, params: Mapping[str, Any]) -> Any:
        """The answer to one action, as decap-server gives it; Refused for what is not allowed."""
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            return self._folder_entries(params.get("folder"), params.get("extension"))
        if action == "entriesByFiles":
            files = [file for file in params.get("files") or [] if isinstance(file, Mapping)]
            return [self._entry(str(file.get("path")), file.get("label")) for file in files]
        if action == "getEntry":
            return self._entry(str(params.get("path")))
        if action == "persistEntry":
            return self.persist(params)
        if action == "getMedia":
            return []
        if action == "getDeployPreview":
            return None
        # Media, deletes and anything new: not through this editor.
        raise Refused(msg("edit.path_refused", path=str(params.get("path") or params.get("paths") or action)))


def _key(problem: Problem) -> tuple[str, str, str]:
    return (problem.path, problem.code, str(problem))


def _allowed_host(host: str | None, port: int) -> bool:
    return host in (f"127.0.0.1:{port}", f"localhost:{port}")


class EditorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], backend: LocalBackend, files: Callable[[], list[EditorFile]]) -> None:
        super().__init__(address, _Handler)
        self.backend = backend
        self.files = files


class _Handler(BaseHTTPRequestHandler):
    server: EditorServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return  # one line per save is said by the backend; requests are not news

    def _send(self, status: int, body: bytes, content_type: str, extra: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, value: Any) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _host_ok(self) -> bool:
        return _allowed_host(self.headers.get("Host"), self.server.server_address[1])

    def do_GET(self) -> None:
        if not self._host_ok():
            self._send(HTTPStatus.MISDIRECTED_REQUEST, b"", "text/plain")
            return
        path = urlsplit(self.path).path
        if path in ("/", f"/{SITE_FOLDER}"):
            self._send(HTTPStatus.FOUND, b"", "text/plain", {"Location": f"/{SITE_FOLDER}/"})
            return
        wanted = path.lstrip("/")
        if wanted.endswith("/"):
            wanted += "index.html"
        for file in self.server.files():
            if file.path == wanted:
                body = file.content.encode("utf-8") if file.content is not None else file.source.read_bytes()  # type: ignore[union-attr]
                suffix = Path(file.path).suffix
                self._send(HTTPStatus.OK, body, _CONTENT_TYPES.get(suffix, "application/octet-stream"))
                return
        self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")

    def do_POST(self) -> None:
        if urlsplit(self.path).path != API_PATH or not self._host_ok():
            self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
            return
        origin = self.headers.get("Origin")
        if origin is not None and not _allowed_host(urlsplit(origin).netloc, self.server.server_address[1]):
            self._json(HTTPStatus.FORBIDDEN, {"error": "origin"})
            return
        # A JSON body: a page of another site cannot send one without asking first (CORS), and is never answered.
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            self._json(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": "application/json"})
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > _MAX_REQUEST_BYTES:
            self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "too large"})
            return
        try:
            request = json.loads(self.rfile.read(length) or b"{}")
            if not isinstance(request, dict):
                raise ValueError
            params = request.get("params") or {}
            if not isinstance(params, dict):
                raise ValueError
        except ValueError:
            self._json(HTTPStatus.BAD_REQUEST, {"error": "not JSON"})
            return
        backend = self.server.backend
        try:
            self._json(HTTPStatus.OK, backend.handle(request.get("action"), params))
        except Refused as refused:
            message = refused.message
            text = message if isinstance(message, str) else render(message, backend.language)
            if not isinstance(message, str):  # findings were said already
                backend.say(log_line(f"handbook: {text}"))
            self._json(refused.status, {"error": text})


def serve_editor(backend: LocalBackend, files: Callable[[], list[EditorFile]], *, port: int) -> EditorServer:
    """Start the editor's server on 127.0.0.1:`port` in a thread; returns it (shutdown() stops it)."""
    server = EditorServer(("127.0.0.1", port), backend, files)
    thread = threading.Thread(target=server.serve_forever, name="handbook-editor", daemon=True)
    thread.start()
    return server
