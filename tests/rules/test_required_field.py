from __future__ import annotations

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly

HELPER = "roles/helper.yml"


def test_role_without_id_is_an_error_at_its_first_key(check):
    report = check(
        {
            HELPER: """\
                # 助理
                title: 助理
                """
        }
    )
    assert codes(report) == ["HB010"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (HELPER, 2, 1, "error")
    assert "this role has no `id`: add `id:`" in problem.message


def test_role_without_title(check):
    report = check({HELPER: "id: helper\nsummary: 幫忙組長\n"})
    assert codes(report) == ["HB010"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (HELPER, 1, 1)
    assert "this role has no `title`" in problem.message


def test_a_title_or_explanation_of_spaces_only_is_empty(check):
    glossary = "terms:\n  - term: GMV\n    explanation: '  '\n  - term: '\u3000'\n    explanation: 成交總額\n"
    report = check({HELPER: "id: helper\ntitle: '   '\n", "glossary.yml": glossary})
    assert [(p.code, p.path, p.line, p.column) for p in report.problems] == [
        ("HB010", "glossary.yml", 3, 18),
        ("HB010", "glossary.yml", 4, 11),
        ("HB010", HELPER, 2, 8),
    ]
    assert "`explanation` is empty: write a value" in report.problems[0].message
    assert "`title` is empty: write a value" in report.problems[2].message


def test_process_without_stages(check):
    report = check(
        {
            WEEKLY: """\
                id: weekly
                title: 每週例行
                owner: lead
                """
        }
    )
    assert codes(report) == ["HB010"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (WEEKLY, 1, 1)
    assert "this process has no `stages`" in problem.message


def test_stage_without_steps_is_an_error_at_the_stage(check):
    report = check(
        {
            WEEKLY: """\
                id: weekly
                title: 每週例行
                owner: lead
                stages:
                  - id: plan
                    title: 計劃
                """
        }
    )
    assert codes(report) == ["HB010"]
    (problem,) = report.problems
    # The stage's mapping starts after `  - `: line 5, column 5.
    assert (problem.path, problem.line, problem.column) == (WEEKLY, 5, 5)
    assert "stage 1 has no `steps`" in problem.message


def test_step_without_title_and_raci_reports_both_at_the_step(check):
    report = check(
        {
            WEEKLY: """\
                id: weekly
                title: 每週例行
                owner: lead
                stages:
                  - id: plan
                    title: 計劃
                    steps:
                      - id: write-plan
                        checklist:
                          - 列出本週目標
                """
        }
    )
    assert codes(report) == ["HB010", "HB010"]
    # The step's mapping starts after `      - `: line 8, column 9.
    assert [(p.path, p.line, p.column) for p in report.problems] == [(WEEKLY, 8, 9), (WEEKLY, 8, 9)]
    messages = [p.message for p in report.problems]
    assert any("step 1 of stage 1 has no `raci`" in m for m in messages)
    assert any("step 1 of stage 1 has no `title`" in m for m in messages)


def test_second_step_is_named_by_its_position(check):
    report = check(
        {
            WEEKLY: weekly(
                "R: [member]\nA: lead",
                extra=("      - id: send-plan\n        raci:\n          R: [member]\n          A: lead\n"),
            )
        }
    )
    assert codes(report) == ["HB010"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (WEEKLY, 13, 9)
    assert "step 2 of stage 1 has no `title`" in problem.message


def test_all_required_fields_present_passes(check):
    assert check().problems == ()
