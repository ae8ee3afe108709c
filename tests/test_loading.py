"""Loading and checking behaviour that belongs to no single rule."""

from __future__ import annotations

import pytest

from generator.rules.checking import NotAHandbook, check_handbook
from tests.conftest import codes

WEEKLY_WITH_TWO_MISTAKES = """\
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
              R: [member]
              A: lead
            checklst:
              - 列出本週目標
    """


def test_every_problem_in_every_file_is_reported_sorted_by_file_line_and_column(check):
    report = check(
        {
            "processes/weekly.yml": WEEKLY_WITH_TWO_MISTAKES,
            "roles/helper.yml": "id: helper\n\ttitle: 助理\n",
            "roles/member.yml": "id: member\ntitel: 組員\nreports_to: lead\n",
        }
    )
    assert [(p.path, p.line, p.column, p.code) for p in report.problems] == [
        # A handbook rule (HB030) on line 3 comes before a file rule (HB011) on line 13.
        ("processes/weekly.yml", 3, 8, "HB030"),
        ("processes/weekly.yml", 13, 9, "HB011"),
        ("roles/helper.yml", 2, 1, "HB001"),
        ("roles/member.yml", 1, 1, "HB010"),
        ("roles/member.yml", 2, 1, "HB011"),
    ]
    assert list(report.problems) == sorted(report.problems, key=lambda p: (p.path, p.line, p.column))
    assert report.errors == report.problems and report.warnings == ()


def test_a_broken_file_does_not_stop_the_others_from_being_checked(check):
    report = check(
        {
            "roles/helper.yml": "id: helper\ntitle: 助理\n".encode("big5"),
            "roles/member.yml": "id: member\ntitle: 組員\nreports_to: leed\n",
        }
    )
    assert codes(report) == ["HB001", "HB030"]
    unreadable, unknown = report.problems
    assert unreadable.path == "roles/helper.yml"
    assert (unknown.path, unknown.line, unknown.column) == ("roles/member.yml", 3, 13)
    # The readable files are all in the model; the unreadable one is not.
    assert sorted(report.handbook.role_by_id) == ["lead", "member"]
    assert [process.id for process in report.handbook.processes] == ["weekly"]


def test_both_yml_and_yaml_files_are_read_and_other_files_reported_not_read(check):
    report = check(
        {
            "roles/helper.yaml": "id: helper\ntitle: 助理\n",
            "roles/README.md": "- not: [a role",
            "processes/notes.txt": "\tnot YAML at all",
        }
    )
    # The new role's own warning (it takes part in no step yet), and a warning that each other file is not read.
    assert [(p.path, p.code) for p in report.problems] == [
        ("processes/notes.txt", "HB008"),
        ("roles/README.md", "HB008"),
        ("roles/helper.yaml", "HB105"),
    ]
    assert sorted(report.handbook.role_by_id) == ["helper", "lead", "member"]


def test_settings_can_lower_or_switch_off_a_rule_by_id_or_name(write_handbook):
    root = write_handbook({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: leed\n"})
    lowered = check_handbook(root, settings={"HB030": "warning"})
    assert [(p.code, p.severity) for p in lowered.problems] == [("HB030", "warning")]
    assert lowered.errors == ()
    assert check_handbook(root, settings={"known-roles": "off"}).problems == ()


def test_folder_without_roles_or_processes_is_not_a_handbook(tmp_path):
    (tmp_path / "docs").mkdir()
    with pytest.raises(NotAHandbook, match="no roles/ or processes/ folder"):
        check_handbook(tmp_path)


def test_missing_folder_is_not_a_handbook(tmp_path):
    with pytest.raises(NotAHandbook, match="is not a folder"):
        check_handbook(tmp_path / "nowhere")


def test_a_roles_folder_alone_is_a_handbook(tmp_path):
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "lead.yml").write_text("id: lead\ntitle: 組長\n", encoding="utf-8")
    report = check_handbook(tmp_path)
    assert report.problems == ()
    assert [role.id for role in report.handbook.roles] == ["lead"]
