from __future__ import annotations

import pytest

from tests.conftest import WriteHandbook, codes
from tests.conftest import handbook_in_process as handbook

HELPER = "id: helper\ntitle: 助理\nreports_to: lead\n"


def test_an_upper_case_suffix_is_an_error_saying_the_name_to_use(check):
    report = check({"roles/helper.YAML": HELPER})
    assert codes(report) == ["HB007"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/helper.YAML", 1, 1, "error")
    assert problem.message.endswith("rename it to `roles/helper.yaml`")


def test_a_file_in_a_subfolder_is_an_error_saying_where_to_move_it(check):
    report = check({"processes/2024/weekly-review.yml": "id: weekly-review\n"})
    assert [(p.code, p.path) for p in report.problems] == [("HB007", "processes/2024/weekly-review.yml")]
    assert (
        report.problems[0].message
        == "files in subfolders are not read: move this file to `processes/weekly-review.yml`"
    )


def test_a_trailing_space_is_an_error(check):
    report = check({"roles/helper.yml ": HELPER})
    assert [(p.code, p.path) for p in report.problems] == [("HB007", "roles/helper.yml ")]


def test_yml_and_yaml_names_pass(check):
    report = check({"roles/helper.yaml": HELPER})
    assert report.problems == ()
    assert "helper" in report.handbook.role_by_id


@pytest.mark.parametrize("name", ["MKDOCS.yml", "Mkdocs.yml", "mkdocs.txt", "mkdocs.yml.txt", "mkdocs.yaml"])
def test_a_misnamed_settings_file_gets_the_name_to_use_in_its_own_language(
    write_handbook: WriteHandbook, name: str
) -> None:
    root = write_handbook()
    (root / name).write_text("site_name: 手冊\ntheme:\n  name: material\n  language: zh-Hant\n", "utf-8")
    checked = handbook("validate", ".", cwd=root)
    assert checked.returncode == 1
    assert checked.stdout.startswith(f"{name}:1:1: error HB007 "), checked.stdout
    assert "`mkdocs.yml`" in checked.stdout and "改名" in checked.stdout
    served = handbook("serve", ".", cwd=root)
    assert served.returncode == 2 and name in served.stderr and "改名" in served.stderr


def test_a_settings_file_beside_mkdocs_yml_is_left_alone(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text("site_name: 手冊\n", "utf-8")
    (root / "mkdocs.txt").write_text("notes\n", "utf-8")
    assert "HB007" not in handbook("validate", ".", cwd=root).stdout
