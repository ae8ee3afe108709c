from __future__ import annotations

from tests.conftest import codes

ALL_RULES_ON: dict[str, str] = {}


def test_a_role_in_no_step_is_a_warning_at_its_id(check):
    report = check({"roles/intern.yml": "id: intern\ntitle: 實習生\nreports_to: lead\n"}, settings=ALL_RULES_ON)
    assert codes(report) == ["HB105"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == ("roles/intern.yml", 1, 5, "warning")
    assert "`intern` takes part in no step" in problem.message


def test_every_role_in_a_step_passes(check):
    assert check(settings=ALL_RULES_ON).problems == ()


def test_a_handbook_without_processes_is_not_nagged(check):
    assert check({"processes/weekly.yml": None}, settings=ALL_RULES_ON).problems == ()


def test_a_broken_process_file_does_not_make_its_roles_look_idle(check):
    # `member` is named only in the broken file: the editor must hear about the file, not about `member`.
    broken = "id: weekly\ntitle: 每週例行\nowner: lead\nstages:\n  - id: plan\n   title: 計劃\n"
    report = check({"processes/weekly.yml": broken}, settings=ALL_RULES_ON)
    assert [(p.code, p.path, p.line) for p in report.problems] == [("HB001", "processes/weekly.yml", 6)]
