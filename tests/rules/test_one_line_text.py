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
            details: |
              第一行
              第二行
            raci:
              R: [member]
              A: lead
            checklist:
              - {item}
    """


def test_line_break_in_a_checklist_item_is_an_error_at_the_item(check):
    report = check({WEEKLY: PROCESS.format(item='"確認預算\\n確認時程"')})
    assert codes(report) == ["HB054"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (WEEKLY, 17, 13, "error")
    assert "item 1 of `checklist` must be one line, but it has 2 lines" in problem.message


def test_details_may_run_over_lines_and_a_folded_item_is_one_line(check):
    report = check({WEEKLY: PROCESS.format(item=">\n                確認預算\n                與時程")})
    assert report.problems == ()
