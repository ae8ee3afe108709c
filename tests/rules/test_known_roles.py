from __future__ import annotations

from tests.conftest import codes

WEEKLY = "processes/weekly.yml"


def test_unknown_roles_in_every_place_suggest_the_closest_id(check):
    report = check(
        {
            WEEKLY: """\
                id: weekly
                title: 每週例行
                owner: laed
                stages:
                  - id: plan
                    title: 計劃
                    steps:
                      - id: write-plan
                        title: 撰寫計劃
                        raci:
                          R: [membr]
                          A: leed
                          C: [lead, membr]
                          I: [member, ceo]
                """
        }
    )
    assert codes(report) == ["HB030"] * 5
    # Positions: `owner: ` is 7 characters; the RACI lines start with 10 spaces, then `R: [`, `A: `,
    # `C: [lead, ` and `I: [member, `.
    assert [(p.path, p.line, p.column) for p in report.problems] == [
        (WEEKLY, 3, 8),
        (WEEKLY, 11, 15),
        (WEEKLY, 12, 14),
        (WEEKLY, 13, 21),
        (WEEKLY, 14, 23),
    ]
    owner, responsible, accountable, consulted, informed = (p.message for p in report.problems)
    assert "`owner` names the role `laed`, which has no file in roles/ — did you mean `lead`?" in owner
    assert "`R` of step `write-plan` names the role `membr`" in responsible and "did you mean `member`?" in responsible
    assert "`A` of step `write-plan` names the role `leed`" in accountable and "did you mean `lead`?" in accountable
    assert "`C` of step `write-plan` names the role `membr`" in consulted and "did you mean `member`?" in consulted
    assert "`I` of step `write-plan` names the role `ceo`" in informed and "did you mean" not in informed
    assert all(p.severity == "error" for p in report.problems)


def test_unknown_reports_to(check):
    report = check({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: leader\n"})
    assert codes(report) == ["HB030"]
    (problem,) = report.problems
    # `reports_to: ` is 12 characters.
    assert (problem.path, problem.line, problem.column) == ("roles/member.yml", 3, 13)
    assert "`reports_to` names the role `leader`" in problem.message and "did you mean `lead`?" in problem.message


def test_chinese_title_instead_of_the_id_suggests_the_id(check):
    report = check(
        {
            WEEKLY: """\
                id: weekly
                title: 每週例行
                owner: 組長
                stages:
                  - id: plan
                    title: 計劃
                    steps:
                      - id: write-plan
                        title: 撰寫計劃
                        raci:
                          R: [組員]
                          A: Lead
                """
        }
    )
    assert codes(report) == ["HB030"] * 3
    assert [(p.line, p.column) for p in report.problems] == [(3, 8), (11, 15), (12, 14)]
    owner, responsible, accountable = (p.message for p in report.problems)
    assert "names the role `組長`" in owner and "did you mean `lead` (組長)?" in owner
    assert "did you mean `member` (組員)?" in responsible
    # The id in another case is matched as well.
    assert "did you mean `lead` (組長)?" in accountable


def test_known_roles_pass(check):
    assert check().problems == ()


def test_a_broken_role_file_hides_no_role_and_adds_no_follow_on_finding(check):
    # `member` lists `helper` as its former id; while its file is broken, `helper` in a RACI is not called unknown.
    broken = "id: member\ntitle: 組員\naliases: [helper]\nreports_to：lead\n"
    process = WEEKLY_WITH_RESPONSIBLE.format(responsible="helper")
    report = check({"roles/member.yml": broken, WEEKLY: process})
    assert [(p.code, p.path, p.line) for p in report.problems] == [("HB001", "roles/member.yml", 4)]


WEEKLY_WITH_RESPONSIBLE = """\
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
          R: [{responsible}]
          A: lead
        checklist:
          - 列出本週目標
"""
