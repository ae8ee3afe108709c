from __future__ import annotations

from tests.conftest import codes


def test_step_without_accountable_role_is_an_error_at_its_raci(check):
    report = check(
        {
            "processes/weekly.yml": """\
                id: weekly
                title: 每週例行
                stages:
                  - id: plan
                    title: 計劃
                    steps:
                      - id: write-plan
                        title: 撰寫計劃
                        raci:
                          R: [member]
                          C: [lead]
                """
        }
    )
    assert codes(report) == ["HB101"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("processes/weekly.yml", 9, 9, "error")
    assert "write-plan" in problem.message and "A:" in problem.message


def test_empty_accountable_is_also_no_owner(check):
    report = check(
        {
            "processes/weekly.yml": """\
                id: weekly
                title: 每週例行
                stages:
                  - id: plan
                    title: 計劃
                    steps:
                      - id: write-plan
                        title: 撰寫計劃
                        raci:
                          R: [member]
                          A: []
                """
        }
    )
    assert codes(report) == ["HB101"]


def test_step_with_one_owner_passes(check):
    assert check().problems == ()
