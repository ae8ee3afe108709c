from __future__ import annotations

import pytest

from generator.rules.checking import check_handbook
from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly


def test_same_step_id_in_two_stages_of_one_process(check):
    report = check(
        {
            WEEKLY: weekly(
                "R: [member]\nA: lead",
                extra=(
                    "  - id: review\n"
                    "    title: 檢討\n"
                    "    steps:\n"
                    "      - id: write-plan\n"
                    "        title: 撰寫檢討\n"
                    "        raci:\n"
                    "          R: [member]\n"
                    "          A: lead\n"
                ),
            )
        }
    )
    assert codes(report) == ["HB022"]
    (problem,) = report.problems
    # The second `write-plan` (line 16), pointing back at the first (line 8), both after `      - id: `.
    assert (problem.path, problem.line, problem.column, problem.severity) == (WEEKLY, 16, 13, "error")
    assert "the step id `write-plan` is already used: the same id at processes/weekly.yml:8:13" in problem.message


def test_duplicate_stage_id(check):
    report = check(
        {
            WEEKLY: weekly(
                "R: [member]\nA: lead",
                extra=(
                    "  - id: plan\n"
                    "    title: 檢討\n"
                    "    steps:\n"
                    "      - id: review\n"
                    "        title: 撰寫檢討\n"
                    "        raci:\n"
                    "          R: [member]\n"
                    "          A: lead\n"
                ),
            )
        }
    )
    assert codes(report) == ["HB022"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (WEEKLY, 13, 9)
    assert "the stage id `plan` is already used: the same id at processes/weekly.yml:5:9" in problem.message


def test_role_ids_differing_only_by_case_collide(write_handbook):
    root = write_handbook({"roles/Member.yml": "id: Member\ntitle: 組員二\nreports_to: lead\n"})
    if len(list((root / "roles").iterdir())) != 3:
        pytest.skip("the file system ignores case, so Member.yml replaced member.yml")
    report = check_handbook(root, settings={"role-takes-part": "off"})
    # `Member` sorts first, so it is the original and the lower-case file is the duplicate;
    # the upper case is also a bad id format.
    assert codes(report) == ["HB020", "HB022"]
    duplicate = report.problems[1]
    assert (duplicate.path, duplicate.line, duplicate.column) == ("roles/member.yml", 1, 5)
    assert "an id equal up to case (`Member`) at roles/Member.yml:1:5" in duplicate.message


def test_stage_ids_differing_only_by_case_collide(check):
    report = check(
        {
            WEEKLY: weekly(
                "R: [member]\nA: lead",
                extra=(
                    "  - id: PLAN\n"
                    "    title: 再計劃\n"
                    "    steps:\n"
                    "      - id: rewrite-plan\n"
                    "        title: 重寫計劃\n"
                    "        raci:\n"
                    "          R: [member]\n"
                    "          A: lead\n"
                ),
            )
        }
    )
    assert codes(report) == ["HB020", "HB022"]
    duplicate = report.problems[1]
    assert (duplicate.path, duplicate.line, duplicate.column) == (WEEKLY, 13, 9)
    assert "the stage id `PLAN` is already used: an id equal up to case (`plan`)" in duplicate.message


def test_same_role_id_in_two_files(check):
    report = check({"roles/member-copy.yml": "id: member\ntitle: 組員\n"})
    assert codes(report) == ["HB021", "HB022"]
    duplicate = report.problems[1]
    assert (duplicate.path, duplicate.line, duplicate.column) == ("roles/member.yml", 1, 5)
    assert "the role id `member` is already used: the same id at roles/member-copy.yml:1:5" in duplicate.message


def test_same_step_id_in_two_processes_passes(check):
    report = check(
        {
            "processes/monthly.yml": """\
                id: monthly
                title: 每月例行
                owner: lead
                stages:
                  - id: plan
                    title: 計劃
                    steps:
                      - id: write-plan
                        title: 撰寫月計劃
                        raci:
                          R: [member]
                          A: lead
                """
        }
    )
    assert report.problems == ()


def test_a_former_id_claimed_by_two_roles_is_an_error_at_the_later_claim(check):
    report = check(
        {
            "roles/lead.yml": "id: lead\ntitle: 組長\naliases:\n  - head\n  - assistant\n",
            "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\naliases: [Assistant]\n",
        }
    )
    hb022 = [p for p in report.problems if p.code == "HB022"]
    assert [(p.path, p.line, p.column) for p in hb022] == [("roles/member.yml", 4, 11)]
    assert "the former id `Assistant` is already listed under `aliases` of the role `lead` at roles/lead.yml:5:5" in (
        hb022[0].message
    )


def test_a_former_id_claimed_by_a_role_and_a_process_is_an_error(check):
    process = weekly("R: [member]\nA: lead").replace("owner: lead\n", "owner: lead\naliases: [planning]\n")
    report = check(
        {"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\naliases: [planning]\n", WEEKLY: process}
    )
    assert codes(report) == ["HB022"]
    (problem,) = report.problems
    # processes/ comes before roles/: the role's claim is the later one.
    assert (problem.path, problem.line, problem.column) == ("roles/member.yml", 4, 11)
    assert "of the process `weekly` at processes/weekly.yml:4:11" in problem.message


def test_one_former_id_listed_twice_by_one_role_is_reported_once(check):
    report = check({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\naliases: [helper, helper]\n"})
    assert [(p.code, p.line, p.column) for p in report.problems] == [("HB022", 4, 19)]


def test_different_former_ids_pass(check):
    report = check(
        {
            "roles/lead.yml": "id: lead\ntitle: 組長\naliases: [head]\n",
            "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\naliases: [assistant]\n",
        }
    )
    assert report.problems == ()
