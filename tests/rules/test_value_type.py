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


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("1" + "0" * 5000, "`1000"),  # more digits than Python will turn into an integer
        ("0x" + "f" * 10000, "`0xfff"),  # Python reads it, but will not print it
        ("-0b" + "1" * 20000, "`-0b111"),
        ("0" + "7" * 5000, "`0777"),  # YAML 1.1 octal
        ("1" + "59:" * 2000 + "59", "`159:59:"),  # YAML 1.1 base 60
        ("1_000" + "_000" * 2000, "`1_000_000"),
        (".inf", "`.inf`"),
        ("-.Inf", "`-.Inf`"),
        (".NaN", "`.NaN`"),
    ],
    ids=["decimal", "hex", "binary", "octal", "sexagesimal", "underscores", "inf", "minus-inf", "nan"],
)
def test_any_number_yaml_can_read_is_a_finding_quoted_short(check, value, shown):
    report = check({HELPER: f"id: helper\ntitle: 助理\nsummary: {value}\n"})
    assert codes(report) == ["HB012"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (3, 10)
    assert "as a number: put it in quotes" in problem.message and shown in problem.message
    # A value is quoted back at most 60 characters long, twice: the message stays readable.
    assert len(problem.message) < 250


def test_binary_data_is_named_as_such(check):
    report = check({HELPER: "id: helper\ntitle: 助理\nmetrics: [!!binary 5aSn5a625aW9]\n"})
    assert [(p.code, p.line, p.column) for p in report.problems] == [("HB005", 3, 11), ("HB012", 3, 11)]
    assert "the `!!binary` tag makes it binary data" in report.problems[1].message


@pytest.mark.parametrize("value", ["1e999", "0x1p3", "9999-12-31T99:99", "2024-13-45", "1:2:3:4:5.x"])
def test_values_yaml_reads_as_text_pass_unchanged(check, value):
    # Not numbers or dates under YAML 1.1 (or impossible ones): text, exactly as written.
    report = check({HELPER: f"id: helper\ntitle: {value}\n"})
    assert report.problems == ()
    (role,) = [role for role in report.handbook.roles if role.id == "helper"]
    assert role.title == value
