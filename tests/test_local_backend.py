"""`handbook edit`'s local backend (generator/engines/editor/local_backend.py): decap-server's API, limited.

Only the handbook's own files, only from 127.0.0.1 with a JSON body, each save written
over the file as it was and undone when it would add an error.
"""

from __future__ import annotations

import http.client
import json
import os
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.engines.editor.local_backend import (
    API_PATH,
    Findings,
    LocalBackend,
    Refused,
    handbook_path,
    serve_editor,
)
from generator.engines.editor.site_files import EditorFile
from generator.render.reporting import format_text
from generator.rules.checking import check_handbook
from tests.conftest import WriteHandbook


def _backend(root: Path, said: list[str]) -> LocalBackend:
    def findings() -> Findings:
        report = check_handbook(root, language="zh-Hant")
        return Findings(report.errors, report.warnings)

    return LocalBackend(
        root,
        language="zh-Hant",
        check=findings,
        say=said.append,
        report=lambda problems: format_text(list(problems), "zh-Hant", rules_page="rules/"),
    )


@pytest.mark.parametrize(
    "path",
    [
        "../secret.yml",
        "/etc/passwd",
        "roles/../mkdocs.yml",
        "roles/sub/x.yml",
        "roles\\x.yml",
        "mkdocs.yml",
        "handbook/index.md",
        ".github/workflows/handbook.yml",
        "roles/x.yml\0",
        "roles/.x.yml",
        "roles/X.yml",
        "people/../mkdocs.yml",
        "people/../../etc/passwd.yml",
        "people/sub/x.yml",
        "people/.x.yml",
        "person/x.yml",
        "generator/cli.py",
        "",
    ],
)
def test_only_the_handbooks_own_files(path: str) -> None:
    with pytest.raises(Refused):
        handbook_path(path)


def test_allowed_paths() -> None:
    assert handbook_path("roles/lead.yml") == ("roles/lead.yml", "role")
    assert handbook_path("processes/weekly.yaml") == ("processes/weekly.yaml", "process")
    assert handbook_path("departments/sales.yml") == ("departments/sales.yml", "department")
    assert handbook_path("glossary.yml") == ("glossary.yml", "glossary")
    assert handbook_path("people/xiaoan-zhou.yml") == ("people/xiaoan-zhou.yml", "person")


def test_reads_list_and_never_follow_a_link(write_handbook: WriteHandbook, tmp_path: Path) -> None:
    root = write_handbook()
    outside = tmp_path / "outside.yml"
    outside.write_text("id: secret\ntitle: 秘密\n", encoding="utf-8")
    os.symlink(outside, root / "roles" / "linked.yml")
    backend = _backend(root, [])
    listed = backend.handle("entriesByFolder", {"folder": "roles", "extension": "yml", "depth": 1})
    assert [entry["file"]["path"] for entry in listed] == ["roles/lead.yml", "roles/member.yml"]
    assert "組長" in listed[0]["data"] and len(listed[0]["file"]["id"]) == 64
    with pytest.raises(Refused):
        backend.handle("getEntry", {"path": "roles/linked.yml"})
    with pytest.raises(Refused):
        backend.handle("persistEntry", {"dataFiles": [{"path": "roles/linked.yml", "raw": "id: linked\ntitle: x\n"}]})
    assert outside.read_text(encoding="utf-8") == "id: secret\ntitle: 秘密\n"
    with pytest.raises(Refused):
        backend.handle("entriesByFolder", {"folder": "..", "extension": "yml"})
    for action in ("deleteFile", "deleteFiles", "persistMedia", "getMediaFile", "somethingNew"):
        with pytest.raises(Refused):
            backend.handle(action, {"path": "roles/lead.yml", "paths": ["roles/lead.yml"]})


def test_a_folder_that_is_a_link_is_refused(write_handbook: WriteHandbook, tmp_path: Path) -> None:
    root = write_handbook()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, root / "departments")
    backend = _backend(root, [])
    assert backend.handle("entriesByFolder", {"folder": "departments", "extension": "yml"}) == []
    with pytest.raises(Refused):
        backend.handle("persistEntry", {"dataFiles": [{"path": "departments/x.yml", "raw": "id: x\ntitle: X\n"}]})
    assert list(elsewhere.iterdir()) == []


def test_a_save_changes_only_what_changed(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    said: list[str] = []
    raw = textwrap.dedent(
        """\
        id: weekly
        title: 每週例行
        owner: lead
        stages:
          - id: plan
            title: 計劃
            steps:
              - id: write-plan
                title: 撰寫計劃
                raci:
                  R:
                    - member
                  A: lead
                checklist:
                  - 列出本週目標
                  - 寄給組長
        """
    )
    before = (root / "processes/weekly.yml").read_text(encoding="utf-8")
    answer = _backend(root, said).handle(
        "persistEntry", {"dataFiles": [{"path": "processes/weekly.yml", "raw": raw, "slug": "weekly"}], "assets": []}
    )
    assert answer == {"message": "entry persisted"}
    after = (root / "processes/weekly.yml").read_text(encoding="utf-8")
    assert after == before.replace("  - 列出本週目標\n", "  - 列出本週目標\n          - 寄給組長\n")
    assert "R: [member]" in after  # as written, not as Decap writes it
    assert said == ["handbook: 已存檔 processes/weekly.yml"]


def test_a_save_that_adds_an_error_is_undone_and_says_why(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    before = (root / "processes/weekly.yml").read_bytes()
    raw = before.decode().replace("A: lead", "A: nobody")
    said: list[str] = []
    with pytest.raises(Refused) as refused:
        _backend(root, said).handle("persistEntry", {"dataFiles": [{"path": "processes/weekly.yml", "raw": raw}]})
    assert (root / "processes/weekly.yml").read_bytes() == before
    message = str(refused.value.message)
    assert "沒有存檔" in message and "processes/weekly.yml" in message and "nobody" in message
    new_role = {"dataFiles": [{"path": "roles/new.yml", "raw": "id: other\ntitle: 新\n"}]}
    with pytest.raises(Refused):
        _backend(root, said).handle("persistEntry", new_role)
    assert not (root / "roles/new.yml").exists()


@pytest.fixture
def server(write_handbook: WriteHandbook) -> Iterator[tuple[int, Path]]:
    root = write_handbook()
    files = [EditorFile("admin/index.html", content="<!doctype html>"), EditorFile("admin/config.yml", content="a: 1")]
    running = serve_editor(_backend(root, []), lambda: files, port=0)
    try:
        yield running.server_address[1], root
    finally:
        running.shutdown()
        running.server_close()


def _post(port: int, body: Any, headers: dict[str, str]) -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("POST", API_PATH, body=json.dumps(body), headers=headers)
    response = connection.getresponse()
    data = response.read()
    return response.status, json.loads(data) if data else None


def test_the_server_listens_on_127_0_0_1_and_answers_its_own_page_only(server: tuple[int, Path]) -> None:
    port, root = server
    json_type = {"Content-Type": "application/json; charset=utf-8"}
    status, info = _post(port, {"action": "info"}, json_type)
    assert status == 200 and info["type"] == "local_fs"
    # A page of another site can send text/plain without asking first: never answered.
    assert _post(port, {"action": "info"}, {"Content-Type": "text/plain"})[0] == 415
    # Another site's page, or a DNS name rebound to 127.0.0.1.
    assert _post(port, {"action": "info"}, {**json_type, "Origin": "https://evil.example"})[0] == 403
    assert _post(port, {"action": "info"}, {**json_type, "Host": f"evil.example:{port}"})[0] == 404
    write = {"action": "persistEntry", "params": {"dataFiles": [{"path": "../x.yml", "raw": "id: x\n"}]}}
    status, answer = _post(port, write, json_type)
    assert status == 422 and "../x.yml" in answer["error"] and not (root.parent / "x.yml").exists()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/admin/")
    response = connection.getresponse()
    assert response.status == 200 and response.read() == b"<!doctype html>"
    with pytest.raises(OSError):
        http.client.HTTPConnection("::1", port, timeout=2).request("GET", "/admin/")


@pytest.mark.parametrize(
    "raw",
    [
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n",
        "id: lead\ntitle: !!python/object/apply:os.system ['true']\n",
        "id: lead\ntitle: [unclosed\n",
        "- a list, not a mapping\n",
        "id: lead\ntitle: " + "長" * 300_000 + "\n",
    ],
)
def test_what_the_editor_sends_is_read_with_the_handbooks_own_limits(write_handbook: WriteHandbook, raw: str) -> None:
    root = write_handbook()
    before = (root / "roles/lead.yml").read_bytes()
    with pytest.raises(Refused):
        _backend(root, []).handle("persistEntry", {"dataFiles": [{"path": "roles/lead.yml", "raw": raw}]})
    assert (root / "roles/lead.yml").read_bytes() == before


def test_a_broken_request_is_answered_not_a_traceback(server: tuple[int, Path]) -> None:
    port, _ = server
    for length in ("-1", "many"):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.putrequest("POST", API_PATH)
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", length)
        connection.endheaders()
        assert connection.getresponse().status == 413
    status, _ = _post(port, ["not", "an", "object"], {"Content-Type": "application/json"})
    assert status == 400


def test_a_file_broken_by_hand_is_not_overwritten(write_handbook: WriteHandbook) -> None:
    root = write_handbook({"roles/lead.yml": "id: lead\ntitle: [組長\n"})
    before = (root / "roles/lead.yml").read_bytes()
    with pytest.raises(Refused):
        _backend(root, []).handle(
            "persistEntry", {"dataFiles": [{"path": "roles/lead.yml", "raw": "id: lead\ntitle: 組長\n"}]}
        )
    (root / "roles/member.yml").write_bytes(b"id: member\ntitle: \xff\n")
    with pytest.raises(Refused):
        _backend(root, []).handle(
            "persistEntry", {"dataFiles": [{"path": "roles/member.yml", "raw": "id: member\ntitle: 組員\n"}]}
        )
    assert (root / "roles/lead.yml").read_bytes() == before


def test_people_files_are_read_and_written_like_the_others(write_handbook: WriteHandbook, tmp_path: Path) -> None:
    root = write_handbook({"people/xiaoan.yml": "id: xiaoan\nname: 周小安\nroles: [member]\n"})
    said: list[str] = []
    backend = _backend(root, said)
    listed = backend.handle("entriesByFolder", {"folder": "people", "extension": "yml", "depth": 1})
    assert [entry["file"]["path"] for entry in listed] == ["people/xiaoan.yml"] and "周小安" in listed[0]["data"]
    # What Decap sends for a person given contacts and a role to stand in for through the relation widgets.
    raw = textwrap.dedent(
        """\
        id: xiaoan
        name: 周小安
        roles:
          - member
        contact:
          email: xiaoan@example.com
          phone: "0912345678"
        since: "2023-04"
        deputy_for:
          - lead
        """
    )
    backend.handle("persistEntry", {"dataFiles": [{"path": "people/xiaoan.yml", "raw": raw}]})
    written = (root / "people/xiaoan.yml").read_text(encoding="utf-8")
    # Laid over the file as it was: its flow list stays a flow list.
    assert written.startswith("id: xiaoan\n") and "roles: [member]\n" in written
    assert "deputy_for:\n  - lead\n" in written and "'0912345678'" in written
    report = check_handbook(root, language="zh-Hant")
    assert report.errors == ()
    assert [[ref.role_id for ref in person.roles] for person in report.handbook.people] == [["member"]]
    assert said == ["handbook: 已存檔 people/xiaoan.yml"]
    # A role that does not exist is an error: the save is undone.
    with pytest.raises(Refused):
        backend.handle("persistEntry", {"dataFiles": [{"path": "people/xiaoan.yml", "raw": raw + "github: [x\n"}]})
    bad = raw.replace("  - lead\n", "  - nobody\n", 1)
    with pytest.raises(Refused):
        backend.handle("persistEntry", {"dataFiles": [{"path": "people/xiaoan.yml", "raw": bad}]})
    assert (root / "people/xiaoan.yml").read_text(encoding="utf-8") == written
    # Never through a link, never outside people/.
    outside = tmp_path / "outside.yml"
    outside.write_text("id: outside\nname: 外人\n", encoding="utf-8")
    os.symlink(outside, root / "people" / "linked.yml")
    with pytest.raises(Refused):
        backend.handle("getEntry", {"path": "people/linked.yml"})
    with pytest.raises(Refused):
        backend.handle("persistEntry", {"dataFiles": [{"path": "people/linked.yml", "raw": "id: linked\nname: x\n"}]})
    with pytest.raises(Refused):
        backend.handle("persistEntry", {"dataFiles": [{"path": "people/../x.yml", "raw": "id: x\nname: x\n"}]})
    assert outside.read_text(encoding="utf-8") == "id: outside\nname: 外人\n" and not (root / "x.yml").exists()
    # A new person: under the schema line, in the schema's order.
    new = "name: 林大同\nid: datong\nroles:\n  - lead\n"
    backend.handle("persistEntry", {"dataFiles": [{"path": "people/datong.yml", "raw": new}]})
    assert (root / "people/datong.yml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schema/person.schema.json\nid: datong\nname: 林大同\nroles:\n  - lead\n"
    )
    listed = backend.handle("entriesByFolder", {"folder": "people", "extension": "yml"})
    assert [entry["file"]["path"] for entry in listed] == ["people/datong.yml", "people/xiaoan.yml"]
    (root / "people/linked.yml").unlink()
    assert check_handbook(root, language="zh-Hant").errors == ()
