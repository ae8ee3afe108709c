from __future__ import annotations

from tests.conftest import codes

WEEKLY = "processes/weekly.yml"
PROCESS = """\
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
        checklist:
          - 列出本週目標
{second}"""


def test_a_stage_indented_into_the_steps_above_is_reported_at_its_dash(check):
    report = check({WEEKLY: PROCESS.format(second="      - id: review\n    title: 檢討\n")})
    # The step it became also lacks a title and a raci (HB010); the fix is the same line.
    assert [(p.code, p.line) for p in report.problems if p.code != "HB010"] == [("HB064", 15), ("HB004", 16)]
    (misplaced,) = (p for p in report.problems if p.code == "HB064")
    assert (misplaced.path, misplaced.column) == (WEEKLY, 7)
    assert "move its `-` to column 3" in misplaced.message and "`title` on line 16" in misplaced.message


def test_a_key_written_twice_without_a_list_between_is_only_a_duplicate(check):
    report = check({WEEKLY: PROCESS.format(second="    title: 又一次\n")})
    assert codes(report) == ["HB004"]


def test_a_well_placed_second_stage_passes(check):
    second = "  - id: review\n    title: 檢討\n    steps:\n      - id: meet\n        title: 開會\n"
    second += "        raci:\n          R: [member]\n          A: lead\n"
    assert check({WEEKLY: PROCESS.format(second=second)}).problems == ()
