from __future__ import annotations

import textwrap

from generator.commands.common import settings_of
from tests.conftest import MINIMAL, codes
from tests.rules.conftest import QUIET

DEPUTY = {"people/chen-yijun.yml": "id: chen-yijun\nname: 陳怡君\nroles: [member]\ndeputy_for: [lead]\n"}
ASKED = {**QUIET, "vacant-role": "warning"}


def test_a_vacant_role_is_not_reported_unless_the_handbook_asks(check):
    assert check({"people/chen-yijun.yml": "id: chen-yijun\nname: 陳怡君\nroles: [member]\n"}).problems == ()


def test_asked_for_a_vacant_role_is_a_warning_at_its_id_naming_the_deputy(check):
    report = check(DEPUTY, settings=ASKED, language="zh-Hant")
    assert codes(report) == ["HB085"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/lead.yml", 1, 5, "warning")
    assert "角色 `lead` 目前從缺" in problem.message and "陳怡君" in problem.message


def test_a_vacant_role_without_a_deputy_says_so(check):
    report = check({"people/chen-yijun.yml": "id: chen-yijun\nname: 陳怡君\nroles: [lead]\n"}, settings=ASKED)
    (problem,) = report.problems
    assert problem.path == "roles/member.yml" and "nobody stands in for it" in problem.message


def test_the_plugin_option_vacant_roles_warn_switches_it_on(tmp_path):
    for name, text in MINIMAL.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - handbook:\n      vacant_roles: warn\n", encoding="utf-8"
    )
    settings = settings_of(tmp_path)[0]
    assert settings["vacant-role"] == "warning"
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - handbook:\n      vacant_roles: warn\n      rules:\n        vacant-role: error\n",
        encoding="utf-8",
    )
    assert settings_of(tmp_path)[0]["vacant-role"] == "error"


def test_every_role_held_passes_when_asked(check):
    files = {
        "people/chen-yijun.yml": "id: chen-yijun\nname: 陳怡君\nroles: [member]\n",
        "people/wang-dawei.yml": "id: wang-dawei\nname: 王大為\nroles: [lead]\n",
    }
    assert check(files, settings=ASKED).problems == ()


def test_a_bare_off_is_read_as_off_and_not_refused(tmp_path):
    from generator.engines.mkdocs_plugin.config import option_problems

    # YAML 1.1 reads `vacant_roles: off` as false.
    assert option_problems({"vacant_roles": False}) == ()
    assert option_problems({"vacant_roles": "sometimes"})[0][0] == "vacant_roles"
    for name, text in MINIMAL.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - handbook:\n      vacant_roles: off\n")
    assert "vacant-role" not in settings_of(tmp_path)[0]
