from __future__ import annotations

import pytest

from tests.conftest import codes
from tests.rules._departments import team, with_department


def test_a_department_without_maintainers_is_reported(check):
    text = "id: team\ntitle: 小組\nhead: lead\n"
    report = check(with_department({"departments/team.yml": text}))
    assert codes(report) == ["HB073"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.severity) == ("departments/team.yml", 1, "error")
    assert "lists no `maintainers`" in problem.message


def test_an_empty_list_of_maintainers_is_reported_at_the_key(check):
    report = check(
        with_department({"departments/team.yml": team(maintainers="").replace("maintainers:\n", "maintainers: []\n")})
    )
    assert codes(report) == ["HB073"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (4, 1)


@pytest.mark.parametrize("written", ["王小明", "lead", "@lead handle", "@", "team@"])
def test_a_name_codeowners_cannot_read_is_reported_at_the_item(check, written):
    report = check(with_department({"departments/team.yml": team(maintainers=f'  - "{written}"\n')}))
    assert codes(report) == ["HB073"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == ("departments/team.yml", 5, 5)
    assert "is not a git-host handle (@name or @org/team) or an e-mail address" in problem.message


def test_handles_teams_and_addresses_pass(check):
    maintainers = '  - "@lead-handle"\n  - "@acme/team-leads"\n  - lead@example.com\n'
    assert check(with_department({"departments/team.yml": team(maintainers=maintainers)})).problems == ()
