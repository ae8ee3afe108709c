"""The JSON Schemas as an editor sees them, and the `schema` and `new` commands."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.rules.checking import check_handbook
from generator.rules.ids import id_format
from tests.conftest import REPO
from tests.conftest import handbook_in_process as handbook


def _schemas(folder: Path) -> dict[str, jsonschema.protocols.Validator]:
    return {
        kind: jsonschema.Draft202012Validator(json.loads((folder / f"{kind}.schema.json").read_text(encoding="utf-8")))
        for kind in ("role", "process")
    }


@pytest.fixture(scope="module")
def written_schemas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("editor") / "schema"
    result = handbook("schema", "--output", folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{folder.as_posix()}/role.schema.json",
        f"{folder.as_posix()}/process.schema.json",
        f"{folder.as_posix()}/department.schema.json",
        f"{folder.as_posix()}/person.schema.json",
    ]
    return folder


def test_schema_command_writes_the_files_the_validator_uses(written_schemas):
    for kind in ("role", "process", "department", "person"):
        written = (written_schemas / f"{kind}.schema.json").read_bytes()
        assert written == (REPO / "generator" / "schema" / f"{kind}.schema.json").read_bytes()


def test_every_example_file_declares_the_schema_and_is_valid_under_it(written_schemas):
    validators = _schemas(written_schemas)
    files = sorted((REPO / "roles").glob("*.yml")) + sorted((REPO / "processes").glob("*.yml"))
    assert len(files) >= 10
    for file in files:
        kind = "role" if file.parent.name == "roles" else "process"
        text = file.read_text(encoding="utf-8")
        # The line VS Code's YAML extension reads, pointing at a schema file that exists.
        first = text.splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../generator/schema/{kind}.schema.json", file
        assert (file.parent / first.split("=", 1)[1]).resolve().is_file()
        errors = list(validators[kind].iter_errors(yaml.safe_load(text)))
        assert errors == [], (file, [e.message for e in errors])


def test_a_typo_in_a_key_is_rejected_as_an_editor_would_show_it(written_schemas):
    validators = _schemas(written_schemas)
    text = (REPO / "processes" / "marketing-management.yml").read_text(encoding="utf-8")
    broken = yaml.safe_load(text.replace("    checklist:", "    checklst:", 1))
    errors = list(validators["process"].iter_errors(broken))
    assert [error.validator for error in errors] == ["additionalProperties"]
    assert "'checklst' was unexpected" in errors[0].message
    role = yaml.safe_load((REPO / "roles" / "market-research.yml").read_text(encoding="utf-8"))
    role["titel"] = role.pop("title")
    assert {e.validator for e in validators["role"].iter_errors(role)} == {"additionalProperties", "required"}


def test_new_role_and_process_are_skeletons_with_the_schema_line_and_only_placeholders_to_fill(write_handbook):
    root = write_handbook()
    assert handbook("new", "role", "intern", "--dir", root).returncode == 0
    assert handbook("new", "process", "onboarding", "--dir", root).returncode == 0
    role = (root / "roles" / "intern.yml").read_text(encoding="utf-8")
    process = (root / "processes" / "onboarding.yml").read_text(encoding="utf-8")
    # MINIMAL's files have no schema line: the skeleton points at `handbook schema`'s default folder.
    assert role.startswith("# yaml-language-server: $schema=../schema/role.schema.json\nid: intern\n")
    assert process.startswith("# yaml-language-server: $schema=../schema/process.schema.json\nid: onboarding\n")
    assert "owner: lead" in process  # the role others report to
    report = check_handbook(root)
    # The skeletons have the right shape: what is left is the text to write (HB059, one per
    # placeholder) and, for the new role, taking part in something (HB105).
    assert {(p.path, p.code) for p in report.errors} == {
        ("roles/intern.yml", "HB059"),
        ("processes/onboarding.yml", "HB059"),
    }
    assert [(p.path, p.code) for p in report.warnings] == [("roles/intern.yml", "HB105")]


def test_new_copies_the_neighbours_schema_line_and_never_overwrites(write_handbook):
    root = write_handbook(
        {
            "roles/member.yml": (
                "# yaml-language-server: $schema=../tools/role.json\nid: member\ntitle: 組員\nreports_to: lead\n"
            )
        }
    )
    assert handbook("new", "role", "intern", "--dir", root).returncode == 0
    assert (
        (root / "roles" / "intern.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../tools/role.json\n")
    )
    before = (root / "roles" / "lead.yml").read_bytes()
    again = handbook("new", "role", "lead", "--dir", root)
    assert again.returncode == 2
    assert "roles/lead.yml already exists" in again.stderr
    assert (root / "roles" / "lead.yml").read_bytes() == before


@pytest.mark.parametrize("bad", ["Intern", "實習生", "con", "a" * 64, "../escape"])
def test_new_refuses_a_bad_id_before_writing_anything(write_handbook, bad):
    root = write_handbook()
    result = handbook("new", "role", bad, "--dir", root)
    assert result.returncode == 2
    assert "cannot create it: the role id" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (root / "roles").iterdir()) == ["lead.yml", "member.yml"]


# The pattern of required text (`title`, `term`, `explanation`): at least one character that is not a space.
NOT_BLANK = "\\S"
# The pattern of a day (`last_reviewed_on`): the review rules say the rest (a real day, not in the future).
DAY = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _id_patterns(schema: object) -> list[str]:
    if isinstance(schema, dict):
        own = [schema["pattern"]] if schema.get("pattern", NOT_BLANK) not in (NOT_BLANK, DAY) else []
        return own + [pattern for value in schema.values() for pattern in _id_patterns(value)]
    if isinstance(schema, list):
        return [pattern for value in schema for pattern in _id_patterns(value)]
    return []


@pytest.mark.parametrize("kind", ["role", "process", "department", "export"])
def test_every_id_pattern_of_the_schemas_matches_the_whole_id_as_the_id_rule_does(kind):
    # JSON Schema's `pattern` is a search, and Python's `$` also matches before a final "\n":
    # editors (JavaScript) and the validator (Python) must both refuse "lead\n".
    schema = json.loads((REPO / "generator" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    patterns = _id_patterns(schema)
    assert patterns
    for pattern in patterns:
        validator = jsonschema.Draft202012Validator({"type": "string", "pattern": pattern})
        for identifier in ["lead", "a-1", "lead\n", "\nlead", "le\nad", "Lead", "lead-", "a--b", "市場", " lead"]:
            assert validator.is_valid(identifier) == (id_format.SLUG.fullmatch(identifier) is not None), identifier
