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
