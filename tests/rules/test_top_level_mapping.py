from __future__ import annotations

from tests.conftest import codes

HELPER = "roles/helper.yml"


def test_top_level_list_is_an_error_where_the_list_starts(check):
    report = check(
        {
            HELPER: """\
                # 助理
                - id: helper
                  title: 助理
                """
        }
    )
    assert codes(report) == ["HB003"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (HELPER, 2, 1, "error")
    assert "holds a list" in problem.message and "a role file must start with keys" in problem.message


def test_top_level_scalar_is_an_error(check):
    report = check(
        {
            HELPER: """\
                # 助理
                助理負責幫組長跑腿
                """
        }
    )
    assert codes(report) == ["HB003"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (HELPER, 2, 1)
    assert "holds a single value" in problem.message


def test_top_level_list_in_a_process_file_names_its_kind(check):
    report = check({"processes/onboarding.yml": "- id: onboarding\n"})
    assert codes(report) == ["HB003"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("processes/onboarding.yml", 1, 1)
    assert "a process file must start with keys" in problem.message


def test_top_level_mapping_passes(check):
    assert check().problems == ()
