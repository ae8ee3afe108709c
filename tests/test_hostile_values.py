"""Any value YAML can produce is a finding or text in every command; `handbook new` refuses bad ids.

Huge integers (Python will neither read nor print more than 4,300 digits), escapes that
name no character (a lone surrogate cannot be written as UTF-8), odd floats, impossible
dates and binary data once stopped `validate`, `build` or `export` with a traceback.
`handbook new` must refuse every id the id rules refuse, a trailing line break included.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import WriteHandbook
from tests.conftest import handbook_in_process as handbook
from tests.site.conftest import make_site_project, run_mkdocs

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow

MEMBER = "roles/member.yml"
# Numbers YAML reads from these, each a value of its own line in roles/member.yml (line 5 on).
HOSTILE_NUMBERS = [
    "1" + "0" * 5000,  # more digits than Python turns into an integer
    "0x" + "f" * 10000,  # Python reads it, but will not print it
    "0" + "7" * 5000,  # YAML 1.1 octal
    "1_000" + "_000" * 2000,
    "1" + "59:" * 2000 + "59",  # YAML 1.1 base 60
    "-.Inf",
    ".nan",
    "!!binary 5aSn5a625aW9",
]
# Tags that force a scalar through a constructor that cannot read it (each once raised
# KeyError, AttributeError or IndexError), or onto a collection type.
FORCED_TAGS = ["!!timestamp soon", "!!bool maybe", '!!int ""', '!!float ""', "!!set x", "!!omap x", "!!binary '@'"]
# Escapes that name no character: each stops its own file from loading, so each has a file.
BAD_ESCAPES = ['"\\ud800"', '"\\ud83d\\ude00"', '"\\U00110000"']


def _hostile_handbook(write_handbook: WriteHandbook) -> tuple[Path, list[tuple[str, str, int]]]:
    metrics = "".join(f"  - {value}\n" for value in HOSTILE_NUMBERS)
    files: dict[str, str | None] = {MEMBER: f"id: member\ntitle: 組員\nreports_to: lead\nmetrics:\n{metrics}"}
    expected = [("HB012", MEMBER, line) for line in range(5, 5 + len(HOSTILE_NUMBERS))]
    tagged = "".join(f"  - {value}\n" for value in FORCED_TAGS)
    files["roles/tagged.yml"] = f"id: tagged\ntitle: 標籤\nresponsibilities:\n{tagged}"
    expected += [("HB005", "roles/tagged.yml", line) for line in range(4, 4 + len(FORCED_TAGS))]
    for number, escape in enumerate(BAD_ESCAPES):
        path = f"roles/escape-{number}.yml"
        files[path] = f"id: escape-{number}\ntitle: 跳脫\nsummary: {escape}\n"
        expected.append(("HB001", path, 3))
    return write_handbook(files), expected


def test_validate_build_and_export_report_each_value_without_a_traceback(write_handbook: WriteHandbook):
    root, expected = _hostile_handbook(write_handbook)
    validated = handbook("validate", root, "--format", "json")
    assert validated.returncode == 1, validated.stderr
    assert "Traceback" not in validated.stderr
    reported = [(p["code"], p["path"], p["line"]) for p in json.loads(validated.stdout)]
    assert sorted(set(expected) - set(reported)) == []
    for command in ("build", "export"):
        result = handbook(command, root)
        assert result.returncode == 1, (command, result.stderr)
        output = result.stdout + result.stderr
        assert "Traceback" not in output
        assert all(f"{path}:{line}:" in output for _, path, line in expected), command


def test_the_mkdocs_plugin_reports_a_lone_surrogate_and_a_huge_number_without_a_traceback(
    write_handbook: WriteHandbook,
):
    root = make_site_project(
        write_handbook(
            {
                MEMBER: 'id: member\ntitle: 組員\nreports_to: lead\nsummary: "\\udc00"\n',
                "roles/lead.yml": "id: lead\ntitle: 組長\nmetrics: [0x" + "f" * 10000 + "]\n",
            }
        )
    )
    built = run_mkdocs("build", cwd=root)
    assert built.returncode != 0
    assert "Traceback" not in built.stdout + built.stderr
    assert "roles/member.yml:4:" in built.stderr and "roles/lead.yml:3:" in built.stderr


def test_values_yaml_reads_as_text_are_exported_exactly_as_written(write_handbook: WriteHandbook):
    odd = ["1e999", "0x1p3", "9999-12-31T99:99", "2024-13-45", "\\\\ud800", "\\U0001F600"]
    items = "".join(f'  - "{value}"\n' for value in odd)
    root = write_handbook({MEMBER: f"id: member\ntitle: 組員\nreports_to: lead\nmetrics:\n{items}"})
    exported = handbook("export", root)
    assert exported.returncode == 0, exported.stderr
    (member,) = [role for role in json.loads(exported.stdout)["roles"] if role["id"] == "member"]
    assert member["metrics"] == ["1e999", "0x1p3", "9999-12-31T99:99", "2024-13-45", "\\ud800", "😀"]


# --- handbook new refuses every id the id rules refuse -----------------------------------

WITH_ALIASES = {
    MEMBER: "id: member\ntitle: 組員\nreports_to: lead\naliases: [helper]\n",
    "processes/weekly.yml": None,
    "processes/planning.yml": (
        "id: planning\ntitle: 計劃\nowner: lead\naliases: [old-planning]\nstages:\n  - id: plan\n    title: 計劃\n"
        "    steps:\n      - id: write\n        title: 寫\n        raci:\n          R: [member]\n          A: lead\n"
    ),
}


@pytest.mark.parametrize(
    ("kind", "identifier", "says"),
    [
        ("role", "lead\n", "may only use lowercase letters"),
        ("process", "weekly\n", "may only use lowercase letters"),
        ("role", "new\nrole", "may only use lowercase letters"),
        ("role", "\nlead", "may only use lowercase letters"),
        ("role", "lead\r", "may only use lowercase letters"),
        ("process", "Planning", "may only use lowercase letters"),
        ("role", "a" * 64, "is 64 characters long"),
        ("role", "nul", "is a reserved word"),
        ("process", "com1", "is a reserved word"),
        ("role", "helper", "is already the id, or a former id under `aliases`, of the role in roles/member.yml"),
        ("process", "old-planning", "of the process in processes/planning.yml"),
    ],
    ids=[
        "trailing-newline",
        "process-trailing-newline",
        "inner-newline",
        "leading-newline",
        "carriage-return",
        "upper-case",
        "too-long",
        "device-name",
        "process-device-name",
        "role-alias",
        "process-alias",
    ],
)
def test_new_refuses_what_the_id_rules_refuse(write_handbook: WriteHandbook, kind, identifier, says):
    root = write_handbook(WITH_ALIASES)
    before = _files(root)
    result = handbook("new", kind, identifier, "--dir", root)
    assert result.returncode == 2, result.stderr
    assert "cannot create it" in result.stderr and says in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(root) == before


@pytest.mark.parametrize(("kind", "identifier"), [("role", "old-planning"), ("process", "helper"), ("role", "intern")])
def test_new_accepts_an_id_only_the_other_kind_once_had(write_handbook: WriteHandbook, kind, identifier):
    # Roles and processes have pages in different folders: a former process id is free for a role.
    root = write_handbook(WITH_ALIASES)
    result = handbook("new", kind, identifier, "--dir", root)
    assert result.returncode == 0, result.stderr
    # What is left to do is writing the placeholders' text (HB059), not choosing another id.
    codes = {line.split()[2] for line in handbook("validate", root).stdout.splitlines() if " error " in line}
    assert codes == {"HB059"}


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
