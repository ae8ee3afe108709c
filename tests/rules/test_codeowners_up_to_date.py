from __future__ import annotations

from tests.conftest import codes
from tests.rules._departments import with_department

# What `handbook codeowners` writes for ONE_DEPARTMENT without mkdocs.yml (no handbook maintainers), by hand.
EXPECTED = """\
# Written by `handbook codeowners` from departments/ and mkdocs.yml: edit those and run it again.

# Department team
/departments/team.yml @team-leads
/roles/lead.yml       @team-leads
/roles/member.yml     @team-leads
/processes/weekly.yml @team-leads
"""


def test_a_codeowners_file_that_still_names_the_old_maintainers_is_reported(check):
    stale = EXPECTED.replace("/roles/member.yml     @team-leads", "/roles/member.yml     @old-lead")
    report = check(with_department({".github/CODEOWNERS": stale}))
    assert codes(report) == ["HB077"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (".github/CODEOWNERS", 6, 1, "error")
    assert "run `handbook codeowners`" in problem.message


def test_a_role_moved_out_of_the_department_makes_the_file_stale(check):
    moved = {"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\nexternal: true\n"}
    report = check(with_department({"CODEOWNERS": EXPECTED, **moved}))
    assert codes(report) == ["HB077"]
    assert report.problems[0].path == "CODEOWNERS"


def test_the_file_the_command_writes_passes(check):
    assert check(with_department({".github/CODEOWNERS": EXPECTED})).problems == ()


def test_no_codeowners_file_says_nothing(check):
    assert check(with_department()).problems == ()


def test_a_handbook_without_departments_leaves_its_codeowners_alone(check):
    assert check({".github/CODEOWNERS": "* @someone\n"}).problems == ()
