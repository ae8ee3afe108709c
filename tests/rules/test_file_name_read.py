from __future__ import annotations

from tests.conftest import codes

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
