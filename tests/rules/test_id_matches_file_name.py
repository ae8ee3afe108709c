from __future__ import annotations

from tests.conftest import codes


def test_role_id_different_from_file_name_is_an_error_at_the_id(check):
    report = check({"roles/helper.yml": "id: assistant\ntitle: 助理\n"})
    assert codes(report) == ["HB021"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/helper.yml", 1, 5, "error")
    assert "the role id `assistant` differs from the file name `helper`" in problem.message
    assert "change the id to `helper` or rename the file to `assistant.yml`" in problem.message


def test_process_id_different_from_file_name(check):
    report = check(
        {
            "processes/weekly.yml": """\
                # 每週例行
                title: 每週例行
                id: weekly-sync
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
                """
        }
    )
    assert codes(report) == ["HB021"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("processes/weekly.yml", 3, 5)
    assert "the process id `weekly-sync` differs from the file name `weekly`" in problem.message


def test_yaml_extension_is_not_part_of_the_name(check):
    assert check({"roles/helper.yaml": "id: helper\ntitle: 助理\n"}).problems == ()


def test_id_equal_to_file_name_passes(check):
    assert check().problems == ()
