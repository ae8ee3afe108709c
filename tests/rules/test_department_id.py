from __future__ import annotations

from tests.conftest import codes
from tests.rules._departments import team, with_department


def test_an_id_that_differs_from_the_file_name_is_reported(check):
    report = check(with_department({"departments/team.yml": None, "departments/group.yml": team()}))
    assert codes(report) == ["HB071"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("departments/group.yml", 1, 5)
    assert "differs from the file name `group`: rename the file to team.yml" in problem.message


def test_an_id_that_is_not_a_slug_is_reported(check):
    text = team().replace("id: team", "id: Team A")
    report = check(with_department({"departments/team.yml": text}))
    assert "HB071" in codes(report)
    problem = next(p for p in report.problems if p.code == "HB071")
    assert (problem.path, problem.line) == ("departments/team.yml", 1)
    assert "the department id `Team A`" in problem.message


def test_two_files_with_one_id_are_reported_at_the_second(check):
    # team.yaml is read after team.yml: both say `id: team`.
    report = check(with_department({"departments/team.yaml": team()}))
    assert "HB071" in codes(report)
    problem = next(p for p in report.problems if p.code == "HB071" and "already used" in p.message)
    assert problem.path == "departments/team.yml"
    assert "already used in departments/team.yaml" in problem.message


def test_a_slug_equal_to_the_file_name_passes(check):
    assert check(with_department()).problems == ()
