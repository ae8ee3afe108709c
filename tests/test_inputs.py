"""Every input is a regular file inside the repository; nothing is written through a link; checking runs no code.

Real links, named pipes and sockets in temporary handbooks, through the real command
line (`validate`, `build`, `export`, `schema`, `new`, `diff`) and a real `mkdocs build`.
A secret outside the handbook stands for any file a link could reach: it must never
show up in a message, an export or the site.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.rules.checking import check_handbook
from generator.source.files import LinkRefused, NotRegularFile, read_regular_file, scan_inputs, write_replacing
from generator.source.loading import read_source
from generator.source.site_config import parse_site_config
from tests.conftest import REPO, WriteHandbook
from tests.conftest import handbook_in_process as handbook
from tests.site.conftest import build_handbook, make_site_project, run_handbook, run_mkdocs

SECRET = "TOP-SECRET-8f3a"
ROLE = "id: outsider\ntitle: 外人\n"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="links, pipes and sockets as a POSIX system makes them"),
]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the handbook, valid as a role, holding a secret."""
    path = tmp_path / "outside" / "secret.yml"
    path.parent.mkdir()
    path.write_text(f"id: outsider\ntitle: {SECRET}\n", encoding="utf-8")
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return result.stdout.splitlines()


def _site_project(write_handbook: WriteHandbook) -> Path:
    return make_site_project(write_handbook())


# --- links and special files are refused by name, never followed ---------------------------------


def test_a_linked_role_file_is_refused_and_its_target_never_shows(write_handbook, secret):
    root = write_handbook()
    (root / "roles" / "outsider.yml").symlink_to(secret)
    result = handbook("validate", root, "--lang", "en")
    assert result.returncode == 1
    assert _lines(result)[0].startswith("roles/outsider.yml:1:1: error HB006 this is a symbolic link")
    assert SECRET not in result.stdout + result.stderr
    assert str(secret) not in result.stdout + result.stderr
    export = handbook("export", root)
    assert export.returncode == 1
    assert SECRET not in export.stdout + export.stderr


@pytest.mark.parametrize(
    ("link", "reported"),
    [
        ("roles", "roles:1:1: error HB006"),
        ("processes/sub/weekly.yml", "processes/sub:1:1: error HB006"),
        ("glossary.yml", "glossary.yml:1:1: error HB006"),
        ("roles/team/deep.yml", "roles/team:1:1: error HB006"),
    ],
)
def test_links_are_refused_wherever_the_handbook_reads(write_handbook, tmp_path, link, reported):
    root = write_handbook()
    outside = tmp_path / "outside-folder"
    outside.mkdir()
    (outside / "deep.yml").write_text(f"id: deep\ntitle: {SECRET}\n", encoding="utf-8")
    (outside / "weekly.yml").write_text(f"id: weekly\ntitle: {SECRET}\n", encoding="utf-8")
    if link == "roles":
        (root / "roles").rename(outside / "roles")
        (root / "roles").symlink_to(outside / "roles")
    elif link == "glossary.yml":
        (root / "glossary.yml").symlink_to(outside / "deep.yml")
    else:
        (root / Path(link).parent).parent.mkdir(parents=True, exist_ok=True)
        (root / Path(link).parent).symlink_to(outside)
    result = handbook("validate", root, "--lang", "en")
    assert result.returncode == 1
    assert any(line.startswith(reported) for line in _lines(result)), result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_a_named_pipe_is_refused_at_once_instead_of_hanging(write_handbook):
    root = write_handbook()
    os.mkfifo(root / "roles" / "waiting.yml")
    os.mkfifo(root / "processes" / "notes")
    started = time.monotonic()
    result = handbook("validate", root, "--lang", "en")
    assert time.monotonic() - started < 30
    assert _lines(result)[:2] == [
        "processes/notes:1:1: error HB006 this is a named pipe, not an ordinary file; "
        "the handbook reads only ordinary files: delete it (rules/#hb006)",
        "roles/waiting.yml:1:1: error HB006 this is a named pipe, not an ordinary file; "
        "the handbook reads only ordinary files: delete it (rules/#hb006)",
    ]


def test_a_socket_and_a_folder_named_like_a_file_are_refused(write_handbook, tmp_path):
    root = write_handbook()
    (root / "roles" / "folder.yml").mkdir()
    # AF_UNIX paths are short (108 bytes): bind from inside the folder.
    here = Path.cwd()
    os.chdir(root / "roles")
    try:
        server = socket.socket(socket.AF_UNIX)
        server.bind("listening.yml")
    finally:
        os.chdir(here)
    try:
        report = check_handbook(root)
    finally:
        server.close()
    found = {(p.code, p.path): p.message for p in report.problems}
    assert found[("HB006", "roles/listening.yml")].startswith("this is a socket, not an ordinary file")
    assert found[("HB006", "roles/folder.yml")].startswith("this is a folder, but the handbook reads a file")


def test_the_reader_refuses_a_pipe_or_link_put_in_place_after_the_scan(tmp_path):
    # read_source is handed a path the scan saw as a file; it must check again, not block.
    os.mkfifo(tmp_path / "pipe.yml")
    started = time.monotonic()
    with pytest.raises(NotRegularFile):
        read_regular_file(tmp_path / "pipe.yml", limit=1000)
    assert time.monotonic() - started < 1
    (tmp_path / "roles").mkdir()
    (tmp_path / "secret.yml").write_text(SECRET, encoding="utf-8")
    (tmp_path / "roles" / "x.yml").symlink_to(tmp_path / "secret.yml")
    source = read_source(tmp_path, tmp_path / "roles" / "x.yml")
    assert source.failure is not None and source.failure.reason == "unreadable"
    assert source.root is None


def test_links_in_the_docs_folder_and_the_cache_are_refused_by_validate_and_build(write_handbook, secret):
    root = _site_project(write_handbook)
    (root / "docs" / "guide").mkdir()
    (root / "docs" / "guide" / "leak.md").symlink_to(secret)
    (root / "docs" / ".hidden").symlink_to(secret.parent)
    os.mkfifo(root / "docs" / "guide" / "pipe.md")  # MkDocs would block reading it
    (root / ".cache" / "handbook").mkdir(parents=True)
    (root / ".cache" / "handbook" / "handbook-abbreviations.md").symlink_to(secret)
    validate = handbook("validate", root, "--lang", "en")
    assert [line.split(" HB006 ")[0] for line in _lines(validate) if " HB006 " in line] == [
        ".cache/handbook/handbook-abbreviations.md:1:1: error",
        "docs/.hidden:1:1: error",
        "docs/guide/leak.md:1:1: error",
        "docs/guide/pipe.md:1:1: error",
    ]
    build = build_handbook(".", cwd=root)
    assert build.returncode == 1
    assert not (root / "site").exists()
    mkdocs = run_mkdocs("build", cwd=root)
    assert mkdocs.returncode != 0
    assert "docs/guide/leak.md" in mkdocs.stderr + mkdocs.stdout
    assert SECRET not in mkdocs.stderr + mkdocs.stdout
    assert not (root / "site" / "guide" / "leak").exists()


def _turn_rules_off(root: Path, *codes: str) -> None:
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    rules = "".join(f"        {code}: 'off'\n" for code in codes)
    (root / "mkdocs.yml").write_text(text.replace("  - handbook\n", f"  - handbook:\n      rules:\n{rules}"))


def test_a_real_mkdocs_build_refuses_links_even_with_the_rule_switched_off(write_handbook, secret):
    root = _site_project(write_handbook)
    _turn_rules_off(root, "HB006")
    (root / "docs" / "leak.md").symlink_to(secret)
    assert handbook("validate", root).returncode == 0  # the rule is off …
    result = run_mkdocs("build", cwd=root)
    assert result.returncode != 0  # … but the build still never follows the link
    assert "docs/leak.md" in result.stderr
    assert not (root / "site" / "leak").exists()


# --- nothing is written through a link ---------------------------------------------------------


@pytest.mark.parametrize("rules_off", [False, True], ids=["checked", "rule-off"])
def test_a_committed_cache_link_is_never_written_through(write_handbook, rules_off):
    root = _site_project(write_handbook)
    (root / "glossary.yml").write_text(
        "terms:\n  - term: KPI\n    expansion: Key Performance Indicator\n    explanation: 關鍵績效指標\n"
    )
    if rules_off:
        _turn_rules_off(root, "HB006")
    makefile = root / "Makefile"
    makefile.write_text("all:\n\techo the next CI step runs this\n", encoding="utf-8")
    before = _sha(makefile)
    (root / ".cache" / "handbook").mkdir(parents=True)
    for name in ("handbook-abbreviations.md", "x"):
        (root / ".cache" / "handbook" / name).symlink_to(Path("../..") / "Makefile")
    # A new process: with the rule off, MkDocs' own log (which pytest holds in this process) names the link.
    result = run_handbook("build", ".", cwd=root)
    assert result.returncode != 0
    assert _sha(makefile) == before
    assert "handbook-abbreviations.md" in result.stderr
    assert (root / ".cache" / "handbook" / "handbook-abbreviations.md").is_symlink()


def test_the_writer_replaces_files_whole_and_refuses_links_on_the_way(tmp_path):
    target = tmp_path / "Makefile"
    target.write_text("all:\n\ttrue\n", encoding="utf-8")
    before = _sha(target)
    (tmp_path / "repo" / "cache").mkdir(parents=True)
    (tmp_path / "repo" / "cache" / "file.txt").symlink_to(target)
    (tmp_path / "repo" / "linked").symlink_to(tmp_path)
    for path in (tmp_path / "repo" / "cache" / "file.txt", tmp_path / "repo" / "linked" / "new.txt"):
        with pytest.raises(LinkRefused) as refused:
            write_replacing(path, "overwritten", within=tmp_path / "repo")
        assert refused.value.path in (path, tmp_path / "repo" / "linked")
    assert _sha(target) == before
    assert not (tmp_path / "new.txt").exists()
    plain = tmp_path / "repo" / "cache" / "plain.txt"
    write_replacing(plain, "one", within=tmp_path / "repo")
    write_replacing(plain, "two", within=tmp_path / "repo")
    assert plain.read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in plain.parent.iterdir()) == ["file.txt", "plain.txt"]


def test_a_cache_folder_that_is_a_link_is_never_written_into(write_handbook, tmp_path):
    root = _site_project(write_handbook)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".cache").symlink_to(elsewhere)
    result = build_handbook(".", cwd=root)
    assert result.returncode != 0
    assert list(elsewhere.iterdir()) == []


def test_build_writes_a_clean_site_and_refuses_a_linked_site_folder(write_handbook, tmp_path):
    root = _site_project(write_handbook)
    first = build_handbook(".", cwd=root)
    assert first.returncode == 0, first.stderr
    assert (root / "site" / "index.html").is_file()
    assert not any(path.is_symlink() for path in (root / ".cache").rglob("*"))
    elsewhere = tmp_path / "elsewhere-site"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep", encoding="utf-8")
    for name in ("site", "site.old"):
        _remove_tree(root / "site")
        (root / name).symlink_to(elsewhere)
        result = build_handbook(".", "--lang", "en", cwd=root)
        assert result.returncode == 2, result.stderr
        assert f"{name}: it is a symbolic link" in result.stderr.replace(str(root) + "/", "")
        assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]
        (root / name).unlink()


def _remove_tree(path: Path) -> None:
    import shutil

    if path.is_symlink():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


# Material's index (the fixture still lists Material's search plugin) and the handbook's own.
@pytest.mark.parametrize("index_file", ["search/search_index.json", "assets/handbook/search/meta.json"])
def test_a_plain_mkdocs_build_refuses_a_link_inside_an_existing_site_folder(write_handbook, index_file):
    root = _site_project(write_handbook)
    makefile = root / "Makefile"
    makefile.write_text("all:\n\ttrue\n", encoding="utf-8")
    before = _sha(makefile)
    link = root / "site" / index_file
    link.parent.mkdir(parents=True)
    link.symlink_to(makefile)
    result = run_mkdocs("build", cwd=root)
    assert result.returncode != 0
    assert f"site/{index_file}：它是符號連結" in result.stderr  # the theme's language
    assert _sha(makefile) == before


def test_export_schema_and_new_refuse_to_write_through_links(write_handbook, tmp_path):
    root = write_handbook()
    target = tmp_path / "Makefile"
    target.write_text("all:\n\ttrue\n", encoding="utf-8")
    before = _sha(target)
    (root / "out.json").symlink_to(target)
    export = handbook("export", root, "--output", "out.json", cwd=root)
    assert export.returncode == 2
    assert "out.json: it is a symbolic link" in export.stderr
    (root / "schema").mkdir()
    (root / "schema" / "role.schema.json").symlink_to(target)
    schema = handbook("schema", cwd=root)
    assert schema.returncode == 2
    assert "role.schema.json: it is a symbolic link" in schema.stderr
    assert _sha(target) == before
    # A link named roles/ would send the new file elsewhere.
    elsewhere = tmp_path / "elsewhere-roles"
    (root / "roles").rename(elsewhere)
    (root / "roles").symlink_to(elsewhere)
    new = handbook("new", "role", "helper", "--dir", root, "--lang", "en")
    assert new.returncode == 2
    assert "roles: it is a symbolic link" in new.stderr
    assert not (elsewhere / "helper.yml").exists()


def test_export_replaces_its_output_file_whole(write_handbook):
    root = write_handbook()
    (root / "out.json").write_text("old", encoding="utf-8")
    result = handbook("export", root, "--output", "out.json", cwd=root)
    assert result.returncode == 0, result.stderr
    assert json.loads((root / "out.json").read_text(encoding="utf-8"))["roles"]
    assert [p.name for p in root.iterdir() if p.name.startswith(".out.json")] == []


def test_new_does_not_hang_on_a_pipe_among_the_roles(write_handbook):
    root = write_handbook()
    os.mkfifo(root / "roles" / "stuck.yml")
    result = handbook("new", "role", "helper", "--dir", root, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert (root / "roles" / "helper.yml").read_text(encoding="utf-8").count("\nid: helper\n") == 1


# --- files the tool does not read are reported, not skipped ------------------------------------


def test_files_the_tool_would_not_read_are_reported_with_the_name_to_use(write_handbook):
    role = "id: {id}\ntitle: 助理\n"
    root = write_handbook(
        {
            "roles/upper.YML": role.format(id="upper"),
            "roles/mixed.Yml": role.format(id="mixed"),
            "roles/spaced.yml ": role.format(id="spaced"),
            "roles/ leading.yml": role.format(id="leading"),
            "roles/notepad.yml.txt": role.format(id="notepad"),
            "roles/team/nested.yml": role.format(id="nested"),
            "roles/member.yml~": "id: member\n",
            "roles/README.md": "# notes\n",
            "processes/weekly.yml.orig": "id: weekly\n",
            "Glossary.yml": "terms: []\n",
            # Hidden files are skipped without a word.
            "roles/.gitkeep": "",
            "roles/.member.yml.swp": "binary",
        }
    )
    result = handbook("validate", root, "--lang", "en", "--format", "json")
    found = [(p["path"], p["code"], p["severity"], p["message"].rsplit(" ", 1)[-1]) for p in json.loads(result.stdout)]
    assert found == [
        ("Glossary.yml", "HB007", "error", "`glossary.yml`"),
        ("processes/weekly.yml.orig", "HB008", "warning", "`processes/`"),
        ("roles/ leading.yml", "HB007", "error", "`roles/leading.yml`"),
        ("roles/README.md", "HB008", "warning", "`roles/`"),
        ("roles/member.yml~", "HB008", "warning", "`roles/`"),
        ("roles/mixed.Yml", "HB007", "error", "`roles/mixed.yml`"),
        ("roles/notepad.yml.txt", "HB007", "error", "`roles/notepad.yml`"),
        ("roles/spaced.yml ", "HB007", "error", "`roles/spaced.yml`"),
        ("roles/team/nested.yml", "HB007", "error", "`roles/nested.yml`"),
        ("roles/upper.YML", "HB007", "error", "`roles/upper.yml`"),
    ]


def test_a_reference_to_a_role_whose_file_is_not_read_gets_no_follow_on_error(write_handbook):
    # The file's own problem says what to fix; "unknown role" would send the editor elsewhere.
    root = write_handbook({"roles/lead.yml": None, "roles/lead.YML": "id: lead\ntitle: 組長\n"})
    report = check_handbook(root)
    assert [(p.code, p.path) for p in report.errors] == [("HB007", "roles/lead.YML")]


def test_yaml_files_are_read_like_yml_files(write_handbook):
    root = write_handbook({"roles/helper.yaml": "id: helper\ntitle: 助理\nreports_to: lead\n"})
    export = handbook("export", root)
    assert export.returncode == 0, export.stderr
    assert "helper" in [role["id"] for role in json.loads(export.stdout)["roles"]]


def test_the_example_and_its_scan_are_clean():
    scan = scan_inputs(REPO, site_folders=[REPO / "handbook", REPO / ".cache"])
    assert (scan.refused, scan.unread) == ((), ())
    sources = [*REPO.glob("roles/*.yml"), *REPO.glob("processes/*.yml"), *REPO.glob("people/*.yml")]
    assert len(scan.sources) == len(sources) + 1


# --- diff reads git objects: a committed link is left out, like validate leaves it out ------------


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_diff_leaves_a_committed_link_out(write_handbook):
    root = write_handbook()
    _git(root, "init", "-q")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "base")
    # A link's "content" in git is its target text, which can be any YAML at all.
    (root / "roles" / "evil.yml").symlink_to(f"id: evil\ntitle: {SECRET}\n")
    (root / "roles" / "helper.yml").write_text("id: helper\ntitle: 助理\n", encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "head")
    result = handbook("diff", "HEAD~1", "HEAD", "--dir", root, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "`helper`" in result.stdout
    assert "evil" not in result.stdout and SECRET not in result.stdout


# --- checking never runs code from mkdocs.yml --------------------------------------------------


@pytest.fixture
def pwned() -> Iterator[Path]:
    path = Path("/tmp") / f"pwned-{uuid.uuid4().hex}"
    yield path
    path.unlink(missing_ok=True)


def test_validate_reads_mkdocs_yml_without_running_its_tags(write_handbook, pwned):
    root = write_handbook({"roles/member.yml": "id: member\ntitel: 組員\nreports_to: lead\n"})
    (root / "mkdocs.yml").write_text(
        "site_name: T\n"
        f'evil: !!python/object/apply:os.system ["touch {pwned}"]\n'
        "theme:\n  name: material\n  language: zh-Hant\n"
        "env: !ENV [HOME, x]\nrel: !relative $config_dir\n"
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
        "        - format: !!python/name:pymdownx.superfences.fence_code_format\n",
        encoding="utf-8",
    )
    for command in (["validate", root], ["diff", "HEAD", "--dir", root], ["new", "role", "helper", "--dir", root]):
        handbook(*command)
        assert not pwned.exists(), command
    result = handbook("validate", root)
    assert result.returncode == 1
    # It still reads the settings: the messages are in the theme's language.
    assert "未知的鍵 `titel`" in result.stdout


def test_unknown_tags_become_data():
    config = parse_site_config(
        "a: !!python/object/apply:os.system ['id']\nb: !ENV HOME\nc: !!python/name:x.y\nd: !custom {k: v}\n"
    )
    assert config == {"a": ["id"], "b": "HOME", "c": "", "d": {"k": "v"}}
