from __future__ import annotations

from tests.conftest import codes


def test_a_deputy_for_a_role_held_is_a_warning_at_the_deputy_entry(check):
    person = "id: chen-yijun\nname: 陳怡君\nroles: [member]\ndeputy_for: [lead, member]\n"
    report = check({"people/chen-yijun.yml": person})
    assert codes(report) == ["HB084"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (
        "people/chen-yijun.yml",
        4,
        20,
        "warning",
    )
    assert "`deputy_for` names `member`, a role this person already holds" in problem.message


def test_a_deputy_for_another_role_passes(check):
    person = "id: chen-yijun\nname: 陳怡君\nroles: [member]\ndeputy_for: [lead]\n"
    assert check({"people/chen-yijun.yml": person}).problems == ()
