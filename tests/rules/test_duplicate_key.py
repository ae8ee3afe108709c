from __future__ import annotations

from tests.conftest import codes

HELPER = "roles/helper.yml"


def test_duplicate_top_level_key_names_both_lines(check):
    report = check(
        {
            HELPER: """\
                id: helper
                title: 助理
                summary: 幫忙組長
                title: 組長助理
                """
        }
    )
    assert codes(report) == ["HB004"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (HELPER, 4, 1, "error")
    assert "the key `title` appears twice, on line 2 and line 4" in problem.message


def test_duplicate_key_deep_in_a_process_is_found(check):
    report = check(
        {
            "processes/weekly.yml": """\
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
                          R: [member]
                          A: lead
                          A: member
                """
        }
    )
    assert codes(report) == ["HB004"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("processes/weekly.yml", 13, 11)
    assert "the key `A` appears twice, on line 12 and line 13" in problem.message


def test_quoted_and_plain_spelling_of_a_key_are_the_same_key(check):
    report = check({HELPER: 'id: helper\ntitle: 助理\n"id": helper\n'})
    assert codes(report) == ["HB004"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (3, 1)
    assert "on line 1 and line 3" in problem.message


def test_same_key_in_different_mappings_passes(check):
    # `id` and `title` appear in the process, the stage and the step: different places, no duplicate.
    assert check().problems == ()
