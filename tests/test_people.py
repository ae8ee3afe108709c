"""People (people/<id>.yml) outside the site: the model, contacts, privacy, export, `handbook new person`, diff."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.commands.diff import people_changes, people_markdown
from generator.rules.checking import check_handbook
from generator.source.people import contact_link, contact_problem, published
from tests.conftest import REPO, copy_example, handbook_in_process, write_minimal


@pytest.fixture(scope="module")
def example():
    return check_handbook(REPO).handbook


def test_the_example_has_people_a_vacant_role_and_its_deputy(example):
    assert [person.name for person in example.holders_of("market-research")] == ["林美玲"]
    assert example.holders_of("event-planning") == ()
    assert [person.name for person in example.deputies_of("event-planning")] == ["陳怡君"]
    # Every department role but the vacant one is held; no external team is.
    internal = {role.id for role in example.roles if not role.external}
    assert {role_id for role_id in internal if example.holders_of(role_id)} == internal - {"event-planning"}


@pytest.mark.parametrize(
    ("kind", "value", "link"),
    [
        ("email", "meiling.lin@example.com", "mailto:meiling.lin@example.com"),
        ("email", "a@example.com?bcc=b@example.com", None),
        ("email", "a@example.com\r\nBcc: b@example.com", None),
        ("email", "a@example.com,b@example.com", None),
        ("email", '"><script>@example.com', None),
        ("chat", "https://chat.example.com/channel/mr", "https://chat.example.com/channel/mr"),
        ("chat", "#market-research", None),  # a channel name is shown, not linked
        ("chat", "javascript:alert(1)", None),
        ("chat", "JAVASCRIPT:alert(1)", None),
        ("chat", "java\tscript:alert(1)", None),
        ("chat", "https://x.example.com/\"onmouseover='alert(1)'", None),
        ("chat", "//evil.example.com", None),
        ("phone", "+886 2 2345-6789", "tel:+886223456789"),
        ("phone", "(02) 2345 6789", "tel:0223456789"),
        ("phone", "tel:123456", None),
        ("phone", "123;ext=javascript:x", None),
    ],
)
def test_only_plain_contacts_become_links(kind, value, link):
    assert contact_link(kind, value) == link
    assert (contact_problem(kind, value) is None) == (link is not None or value == "#market-research")


def test_privacy_hidden_drops_every_person_and_names_drops_every_contact(example):
    assert published(example, "hidden").people == ()
    assert published(example, "hidden").holders_of("market-research") == ()
    names = published(example, "names")
    assert [person.name for person in names.people] == [person.name for person in example.people]
    assert all(person.contact is None and not person.github for person in names.people)
    assert published(example, "names_and_contacts") is example


def test_export_has_every_person_whatever_the_site_publishes(tmp_path):
    copy_example(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("mermaid: local", "mermaid: local\n      people: hidden")
    )
    result = handbook_in_process("export", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    people = {person["id"]: person for person in data["people"]}
    assert people["lin-meiling"] == {
        "id": "lin-meiling",
        "name": "林美玲",
        "roles": ["market-research"],
        "contact": {"email": "meiling.lin@example.com", "chat": "https://chat.example.com/channel/market-research"},
        "since": "2022-03",
        "deputy_for": [],
        "github": "lin-meiling",
        "source": "people/lin-meiling.yml",
    }
    assert people["chen-yijun"]["deputy_for"] == ["event-planning"]
    schema = json.loads((REPO / "generator" / "schema" / "export.schema.json").read_text(encoding="utf-8"))
    import jsonschema

    jsonschema.validate(data, schema)


def test_new_person_writes_a_file_that_validates_and_never_overwrites(tmp_path):
    root = write_minimal(tmp_path)
    result = handbook_in_process("new", "person", "lin-meiling", "--dir", ".", "--lang", "zh-Hant", cwd=root)
    assert result.returncode == 0, result.stderr
    written = (root / "people" / "lin-meiling.yml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schema/person.schema.json\n")
    assert yaml.safe_load(written) == {"id": "lin-meiling", "name": "姓名", "roles": ["member"]}
    # The placeholder name is the one thing left to fill in (HB059 says so); then the file is clean.
    assert [(p.code, p.line) for p in check_handbook(root).problems] == [("HB059", 3)]
    (root / "people" / "lin-meiling.yml").write_text(written.replace("'姓名'", "林美玲"), encoding="utf-8")
    assert check_handbook(root).problems == ()
    again = handbook_in_process("new", "person", "lin-meiling", "--dir", ".", cwd=root)
    assert again.returncode == 2 and "people/lin-meiling.yml" in again.stderr


def test_a_misnamed_person_file_is_reported_with_the_name_it_needs(tmp_path):
    root = write_minimal(tmp_path, {"people/Lin-Meiling.YML": "id: lin-meiling\nname: 林美玲\nroles: [member]\n"})
    report = check_handbook(root)
    assert [problem.path for problem in report.problems] == ["people/Lin-Meiling.YML"]
    assert "people/Lin-Meiling.yml" in report.problems[0].message


def _people(root: Path, files: dict[str, str | None]):
    return check_handbook(write_minimal(root, files)).handbook


def test_diff_lists_who_joined_left_and_changed_roles(tmp_path):
    base = _people(
        tmp_path / "base",
        {
            "people/wang.yml": "id: wang\nname: 王大為\nroles: [lead]\n",
            "people/chen.yml": "id: chen\nname: 陳怡君\nroles: [member]\n",
        },
    )
    head = _people(
        tmp_path / "head",
        {
            "people/chen.yml": "id: chen\nname: 陳怡君\nroles: [lead]\ndeputy_for: [member]\n",
            "people/lin.yml": "id: lin\nname: '林美玲 `x` *y*'\nroles: [member]\n",
        },
    )
    assert [(c.person_id, c.before, c.after) for c in people_changes(base, head)] == [
        ("chen", ("member",), ("lead",)),
        ("lin", None, ("member",)),
        ("wang", ("lead",), None),
    ]
    text = people_markdown(base, head, language="en")
    assert text.splitlines() == [
        "### People",
        "",
        "- `陳怡君` (`chen`) changes roles: `member` → `lead`",
        "- `陳怡君` (`chen`) stands in for other roles: nobody → `member`",
        "- ``林美玲 `x` *y*`` (`lin`) joins, holding `member`",
        "- `王大為` (`wang`) leaves (held `lead`)",
    ]
    assert people_markdown(head, head) == ""


@pytest.mark.slow
def test_handbook_diff_reports_a_role_change_of_a_person_in_a_copy_of_the_example(tmp_path):
    copy_example(tmp_path)

    def git(*args: str) -> None:
        command = ["git", "-C", str(tmp_path), "-c", "user.name=T", "-c", "user.email=t@example.com", *args]
        subprocess.run(command, check=True, capture_output=True)

    git("init", "--quiet", "--initial-branch=main")
    git("add", "-A")
    git("commit", "--quiet", "-m", "base")
    person = tmp_path / "people" / "huang-zhiwei.yml"
    person.write_text(
        person.read_text(encoding="utf-8").replace("  - brand-promotion", "  - event-planning"), encoding="utf-8"
    )
    shutil.rmtree(tmp_path / "people" / "__pycache__", ignore_errors=True)
    result = handbook_in_process("diff", "HEAD", "--dir", ".", "--lang", "zh-Hant", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "### 人員異動" in result.stdout
    assert "- `黃志偉` (`huang-zhiwei`) 更換角色：`brand-promotion` → `event-planning`" in result.stdout


@pytest.mark.parametrize("folder", ["People", "person", "persons"])
def test_a_person_file_in_a_folder_named_almost_people_is_reported_with_where_it_belongs(tmp_path, folder):
    root = write_minimal(tmp_path, {f"{folder}/lin-meiling.yml": "id: lin-meiling\nname: 林美玲\nroles: [member]\n"})
    report = check_handbook(root)
    assert [(problem.code, problem.path) for problem in report.problems] == [("HB007", f"{folder}/lin-meiling.yml")]
    assert f"the folder `{folder}/` is not read" in report.problems[0].message
    assert "move this file to `people/lin-meiling.yml`" in report.problems[0].message
