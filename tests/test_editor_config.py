"""The editor's config.yml comes from the JSON Schemas, the model and the catalogs (render/editor_config.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.engines.editor.site_files import backend_of
from generator.render.editor_config import (
    ROLE_REFERENCES,
    Backend,
    EditorSettings,
    editor_config,
    editor_config_text,
    editor_page,
    schema_paths,
)
from generator.rules.checking import check_handbook
from generator.source.schema import schema_for
from generator.words.catalogs import catalog
from generator.words.languages import LANGUAGES
from tests.conftest import REPO, WriteHandbook


def _fields(
    fields: list[dict[str, Any]], path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    for field in fields:
        here = (*path, field["name"])
        yield here, field
        yield from _fields(field.get("fields", []), here)


def _config(root: Path, language: str = "zh-Hant", **settings: Any) -> dict[str, Any]:
    handbook = check_handbook(root).handbook
    text = editor_config_text(handbook, EditorSettings(language=language, backend=Backend(repo="o/r"), **settings))  # type: ignore[arg-type]
    return yaml.safe_load(text)  # type: ignore[no-any-return]


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(collection for collection in config["collections"] if collection["name"] == name)


def test_every_role_reference_is_a_relation_to_the_roles_by_title() -> None:
    config = _config(REPO)
    found = {}
    for kind, collection in (("role", "roles"), ("process", "processes"), ("person", "people")):
        for path, field in _fields(_collection(config, collection)["fields"]):
            if (kind, *path) in ROLE_REFERENCES:
                found[(kind, *path)] = field
    assert set(found) == {path for path in ROLE_REFERENCES if path[0] != "department"}
    for path, field in found.items():
        assert field["widget"] == "relation", path
        assert field["collection"] == "roles" and field["value_field"] == "id"
        assert field["display_fields"] == ["title"]
    raci = {path[-1]: field for path, field in found.items() if "raci" in path}
    assert raci["A"]["multiple"] is False and raci["R"]["multiple"] is True


def test_required_fields_patterns_and_lengths_come_from_the_schemas() -> None:
    config = _config(REPO)
    fields = dict(_fields(_collection(config, "processes")["fields"]))
    schema = schema_for("process")
    assert fields[("id",)]["required"] is True and fields[("summary",)]["required"] is False
    assert fields[("stages", "steps", "raci")]["required"] is True
    assert fields[("stages", "steps", "checklist")]["required"] is False
    assert fields[("stages", "steps")]["widget"] == "list" and fields[("stages", "steps")]["fields"]
    assert fields[("stages", "steps", "checklist")]["field"]["widget"] == "string"
    pattern, message = fields[("id",)]["pattern"]
    assert schema["properties"]["id"]["pattern"] in pattern and "{1,63}" in pattern
    assert "小寫英文字母" in message and "63" in message
    assert fields[("title",)]["pattern"][1] == catalog("zh-Hant").labels["editor.check.not_blank"]


def test_words_are_the_handbooks_language_and_the_schema_line_is_kept() -> None:
    line = "# yaml-language-server: $schema=../generator/schema/role.schema.json"
    config = _config(REPO, schema_lines={"role": line})
    assert config["locale"] == "zh_Hant"
    roles = _collection(config, "roles")
    assert roles["label"] == "角色" and roles["fields"][1]["label"] == "職稱"
    assert roles["fields"][0]["comment"] == " yaml-language-server: $schema=../generator/schema/role.schema.json"
    assert config["publish_mode"] == "editorial_workflow" and "local_backend" not in config
    english = _config(REPO, language="en")
    assert english["locale"] == "en" and _collection(english, "roles")["fields"][1]["label"] == "Title"


def test_departments_only_in_a_handbook_with_departments(write_handbook: WriteHandbook) -> None:
    plain = _config(write_handbook())
    assert "departments" not in [collection["name"] for collection in plain["collections"]]
    assert "department" not in [field["name"] for field in _collection(plain, "roles")["fields"]]
    company = _config(REPO / "tests/examples/company")
    departments = _collection(company, "departments")
    head = next(field for field in departments["fields"] if field["name"] == "head")
    assert head["widget"] == "relation" and head["collection"] == "roles"
    department = next(field for field in _collection(company, "roles")["fields"] if field["name"] == "department")
    assert department["collection"] == "departments"


def test_every_field_has_a_label_and_a_hint_in_every_language() -> None:
    for language in LANGUAGES:
        labels = catalog(language).labels
        for path in schema_paths():
            key = "editor." + ".".join(path)
            assert labels.get(key), (language, key)
            if path[-1] != "one":
                assert labels.get(key + ".hint"), (language, key)


def test_the_config_holds_nothing_from_the_handbooks_files(write_handbook: WriteHandbook) -> None:
    hostile = "<script>alert(1)</script>{{ x }}"
    root = write_handbook({"roles/lead.yml": f"id: lead\ntitle: '{hostile}'\n"})
    handbook = check_handbook(root).handbook
    text = editor_config_text(handbook, EditorSettings(language="zh-Hant", backend=Backend(repo="o/r")))
    assert "<script>" not in text and "alert" not in text


def test_the_page_loads_the_bundle_with_escaped_words() -> None:
    page = editor_page("zh-Hant", script="decap-cms.js")
    assert '<script src="decap-cms.js"></script>' in page and "<title>編輯手冊</title>" in page
    assert 'rel="cms-config-url"' in page and 'name="viewport"' in page


def test_the_schema_is_read_even_after_fastjsonschema_rewrote_its_refs() -> None:
    check_handbook(REPO)  # compiles the schemas, which rewrites the cached `$ref`s to full addresses
    config = editor_config(check_handbook(REPO).handbook, EditorSettings(language="en", backend=Backend()))
    stages = next(field for field in _collection(config, "processes")["fields"] if field["name"] == "stages")
    assert [field["name"] for field in stages["fields"]] == ["id", "title", "summary", "steps"]


def test_a_misspelt_editor_option_is_named_in_the_finding() -> None:
    from generator.engines.mkdocs_plugin.config import option_problems

    assert option_problems({"editor": {"enabled": True, "backend": "github"}}) == ()
    ((option, kind, reason),) = option_problems({"editor": {"enabeld": True}})
    assert (option, kind) == ("editor", "value") and "enabeld" in reason
    ((option, kind, reason),) = option_problems({"editor": {"backend": "bitbucket"}})
    assert (option, kind) == ("editor", "value") and "bitbucket" in reason


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "options", "expected"),
    [
        ("https://github.com/acme/handbook", "edit/trunk/docs/", {}, ("github", "acme/handbook", "trunk", "")),
        ("https://gitlab.com/acme/team/handbook.git", None, {}, ("gitlab", "acme/team/handbook", "main", "")),
        (
            "https://gitlab.acme.test/hr/handbook",
            "-/edit/main/handbook/",
            {},
            ("gitlab", "hr/handbook", "main", "https://gitlab.acme.test/api/v4"),
        ),
        (None, None, {"backend": "gitlab", "repo": "a/b", "branch": "dev"}, ("gitlab", "a/b", "dev", "")),
    ],
)
def test_where_the_published_editor_saves(repo_url, edit_uri, options, expected) -> None:  # type: ignore[no-untyped-def]
    backend = backend_of(options, repo_url=repo_url, edit_uri=edit_uri)
    assert (backend.name, backend.repo, backend.branch, backend.api_root) == expected


def test_people_have_a_collection_whose_roles_are_picked_by_title() -> None:
    config = _config(REPO)
    people = _collection(config, "people")
    assert people["folder"] == "people" and people["slug"] == "{{id}}" and people["summary"] == "{{name}}"
    assert people["label"] == "人員" and people["create"] is True and people["delete"] is False
    fields = dict(_fields(people["fields"]))
    assert set(fields) >= {("id",), ("name",), ("roles",), ("contact", "email"), ("deputy_for",), ("github",)}
    assert fields[("id",)]["required"] is True and fields[("name",)]["required"] is True
    for name in ("roles", "deputy_for"):
        field = fields[(name,)]
        assert field["widget"] == "relation" and field["collection"] == "roles", name
        assert field["value_field"] == "id" and field["display_fields"] == ["title"] and field["multiple"] is True
    assert fields[("contact",)]["widget"] == "object" and fields[("contact", "phone")]["label"] == "電話"
    english = dict(_fields(_collection(_config(REPO, language="en"), "people")["fields"]))
    assert english[("deputy_for",)]["label"] == "Stands in for"
    # A handbook without people/ gets the collection too: the first person is added through it.
    assert "people" in [collection["name"] for collection in _config(REPO / "tests/examples/company")["collections"]]


def test_the_config_holds_no_persons_name_or_contact(write_handbook: WriteHandbook) -> None:
    root = write_handbook(
        {
            "people/secret-agent.yml": """\
                id: secret-agent
                name: 隱形人物甲
                roles: [lead]
                contact:
                  email: hidden.person@example.com
                  phone: "+886 2 0000-1111"
                deputy_for: member
                github: hidden-handle
            """
        }
    )
    handbook = check_handbook(root).handbook
    assert [person.name for person in handbook.people] == ["隱形人物甲"]
    text = editor_config_text(handbook, EditorSettings(language="zh-Hant", backend=Backend(repo="o/r")))
    for secret in ("隱形人物甲", "secret-agent", "hidden.person", "0000-1111", "hidden-handle"):
        assert secret not in text, secret
    # The options of every pick come from the entries at run time, never embedded in the config.
    for _, field in _fields(_collection(yaml.safe_load(text), "people")["fields"]):
        assert "options" not in field
