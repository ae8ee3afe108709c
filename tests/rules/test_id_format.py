from __future__ import annotations

import pytest

from tests.conftest import codes

WEEKLY = "processes/weekly.yml"

# A step id is checked without also having to match a file name, so only HB020 can fire.
WEEKLY_WITH_STEP_ID = """\
    id: weekly
    title: 每週例行
    owner: lead
    stages:
      - id: plan
        title: 計劃
        steps:
          - id: {step_id}
            title: 撰寫計劃
            raci:
              R: [member]
              A: lead
    """
# Line 8 is `      - id: ` (12 characters) then the id.
STEP_ID_AT = (WEEKLY, 8, 13)


@pytest.mark.parametrize(
    ("step_id", "fragment"),
    [
        ("Write-Plan", "write an ASCII id such as `write-plan`"),
        ("write plan", "write an ASCII id such as `write-plan`"),
        ("撰寫計劃", "write an ASCII id and keep the Chinese name in `title`"),
        ("..", "may only use lowercase letters a–z, digits and single hyphens"),
        ("a/b", "write an ASCII id such as `a-b`"),
        ("write--plan", "single hyphens"),
        ("con", "is a reserved word"),
        ("index", "is a reserved word"),
        ("lpt1", "is a reserved word"),
        ("a" * 64, "is 64 characters long; at most 63 are allowed"),
    ],
    ids=["upper-case", "space", "chinese", "dot-dot", "slash", "double-hyphen", "con", "index", "lpt1", "64-chars"],
)
def test_bad_step_id_is_an_error_at_the_id(check, step_id, fragment):
    report = check({WEEKLY: WEEKLY_WITH_STEP_ID.format(step_id=step_id)})
    assert codes(report) == ["HB020"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (*STEP_ID_AT, "error")
    assert f"the step id `{step_id}`" in problem.message
    assert fragment in problem.message


@pytest.mark.parametrize("step_id", ["a" * 63, "write-plan-2024", "step-1", "x"])
def test_good_step_id_passes(check, step_id):
    assert check({WEEKLY: WEEKLY_WITH_STEP_ID.format(step_id=step_id)}).problems == ()


def test_chinese_role_id_is_reported_for_the_role(check):
    # The file is named like the id, so only the format is wrong.
    report = check({"roles/助理.yml": "id: 助理\ntitle: 助理\n"})
    assert codes(report) == ["HB020"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("roles/助理.yml", 1, 5)
    assert "the role id `助理`" in problem.message and "keep the Chinese name in `title`" in problem.message


def test_bad_alias_is_reported_at_the_alias(check):
    report = check({"roles/helper.yml": "id: helper\ntitle: 助理\naliases: [old-helper, Old Helper]\n"})
    assert codes(report) == ["HB020"]
    (problem,) = report.problems
    # `aliases: [old-helper, ` is 22 characters.
    assert (problem.path, problem.line, problem.column) == ("roles/helper.yml", 3, 23)
    assert "the alias id `Old Helper`" in problem.message and "such as `old-helper`" in problem.message


def test_empty_id_is_reported(check):
    report = check({WEEKLY: WEEKLY_WITH_STEP_ID.format(step_id='""')})
    assert [(p.path, p.line, p.column) for p in report.problems] == [STEP_ID_AT]
    assert report.problems[0].code in ("HB010", "HB020")


def test_suggested_id_is_never_reserved(check):
    report = check({WEEKLY: WEEKLY_WITH_STEP_ID.format(step_id="Con")})
    assert codes(report) == ["HB020"]
    assert "`con`" not in report.problems[0].message


@pytest.mark.parametrize("written", ['"write-plan\\n"', '"write-plan\\r\\n"', '"write-plan\\u2028"', '"\\nwrite-plan"'])
def test_an_id_with_a_line_break_at_either_end_is_an_error(check, written):
    # A regex ending in `$` would accept the trailing "\n"; the id must match as a whole.
    report = check({WEEKLY: WEEKLY_WITH_STEP_ID.format(step_id=written)})
    assert codes(report) == ["HB020"]
    assert [(p.path, p.line, p.column) for p in report.problems] == [STEP_ID_AT]
    assert "such as `write-plan`" in report.problems[0].message


def test_role_id_with_a_trailing_line_break_is_an_error(check):
    report = check({"roles/member.yml": 'id: "member\\n"\ntitle: 組員\nreports_to: lead\n'})
    assert ("HB020", "roles/member.yml", 1, 5) in [(p.code, p.path, p.line, p.column) for p in report.problems]


def test_alias_with_a_trailing_line_break_is_an_error(check):
    # Aliases are former ids, kept exactly as written: no stripping hides the break.
    report = check({"roles/member.yml": 'id: member\ntitle: 組員\nreports_to: lead\naliases: ["helper\\n"]\n'})
    assert [(p.code, p.line, p.column) for p in report.problems] == [("HB020", 4, 11)]


def test_process_aliases_are_checked_like_role_aliases(check):
    weekly = WEEKLY_WITH_STEP_ID.format(step_id="write-plan").replace(
        "owner: lead\n",
        'owner: lead\n    aliases:\n      - old-weekly\n      - Weekly Meeting\n      - "con"\n      - "old\\n"\n',
    )
    report = check({WEEKLY: weekly})
    assert codes(report) == ["HB020", "HB020", "HB020"]
    assert [(p.line, p.column) for p in report.problems] == [(6, 5), (7, 5), (8, 5)]
    assert "the alias id `Weekly Meeting`" in report.problems[0].message
    assert "is a reserved word" in report.problems[1].message


def test_good_process_aliases_pass(check):
    weekly = WEEKLY_WITH_STEP_ID.format(step_id="write-plan").replace(
        "owner: lead\n", "owner: lead\n    aliases: [old]\n"
    )
    assert check({WEEKLY: weekly}).problems == ()
