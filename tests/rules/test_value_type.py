from __future__ import annotations

import pytest

from tests.conftest import codes

HELPER = "roles/helper.yml"
WEEKLY = "processes/weekly.yml"

WEEKLY_WITH_DUE = """\
    id: weekly
    title: 每週例行
    owner: lead
    stages:
      - id: plan
        title: 計劃
        steps:
          - id: write-plan
            title: 撰寫計劃
            due: {due}
            raci:
              R: [member]
              A: lead
    """


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("no", "YAML reads `no` as false (a yes/no value): put it in quotes, e.g. 'no'"),
        ("2024-01-01", "YAML reads `2024-01-01` as a date: put it in quotes, e.g. '2024-01-01'"),
        ("3.5", "YAML reads `3.5` as a number: put it in quotes, e.g. '3.5'"),
        ("~", "it is empty"),
        ("[組長, 助理]", "it is a list"),
    ],
    ids=["bool", "date", "number", "null", "list"],
)
def test_title_that_yaml_does_not_read_as_text(check, value, fragment):
    report = check({HELPER: f"id: helper\ntitle: {value}\n"})
    assert codes(report) == ["HB012"]
    (problem,) = report.problems
    # `title: ` is 7 characters: the value is column 8 of line 2.
    assert (problem.path, problem.line, problem.column, problem.severity) == (HELPER, 2, 8, "error")
    assert problem.message.startswith("`title` must be text, but ")
    assert fragment in problem.message


def test_due_with_a_leading_zero_is_a_number_and_should_be_quoted(check):
    report = check({WEEKLY: WEEKLY_WITH_DUE.format(due="012")})
    assert codes(report) == ["HB012"]
    (problem,) = report.problems
    # `        due: ` is 13 characters: the value is column 14 of line 10.
    assert (problem.path, problem.line, problem.column) == (WEEKLY, 10, 14)
    assert "`due` must be text, but YAML reads `012` as a number: put it in quotes, e.g. '012'" in problem.message


def test_text_where_a_list_is_expected(check):
    report = check({HELPER: "id: helper\ntitle: 助理\nresponsibilities: 問卷調研\n"})
    assert codes(report) == ["HB012"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (HELPER, 3, 19)
    assert "`responsibilities` must be a list (lines starting with `- `), but it is the text `問卷調研`" in (
        problem.message
    )
    # Quoting would not help here, so the message does not suggest it.
    assert "quotes" not in problem.message


def test_number_as_a_list_item_is_named_as_an_item(check):
    report = check({HELPER: "id: helper\ntitle: 助理\nmetrics:\n  - 100\n"})
    assert codes(report) == ["HB012"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (HELPER, 4, 5)
    assert "an item of `metrics` must be text" in problem.message and "e.g. '100'" in problem.message


def test_quoted_values_pass(check):
    report = check(
        {
            HELPER: """\
                id: helper
                title: "no"
                summary: '2024-01-01'
                metrics:
                  - "100"
                """,
            WEEKLY: WEEKLY_WITH_DUE.format(due="'012'"),
        }
    )
    assert report.problems == ()
