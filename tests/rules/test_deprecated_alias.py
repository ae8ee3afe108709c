from __future__ import annotations

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly

RENAMED = {"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\naliases: [assistant]\n"}


def test_former_id_in_a_raci_is_a_warning_naming_the_new_id_and_not_an_unknown_role(check):
    report = check({**RENAMED, WEEKLY: weekly("R: [assistant]\nA: lead")})
    assert codes(report) == ["HB033"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (WEEKLY, 11, 15, "warning")
    assert "uses `assistant`, the former id of `member` (組員): write `member` instead" in problem.message


def test_former_id_in_reports_to_and_owner(check):
    lead = {"roles/lead.yml": "id: lead\ntitle: 組長\naliases: [boss]\n"}
    member = {"roles/member.yml": "id: member\ntitle: 組員\nreports_to: boss\n"}
    process = weekly("R: [member]\nA: lead").replace("owner: lead", "owner: boss")
    report = check({**lead, **member, WEEKLY: process})
    assert [(p.path, p.code) for p in report.problems] == [(WEEKLY, "HB033"), ("roles/member.yml", "HB033")]


def test_current_ids_pass(check):
    assert check({**RENAMED, WEEKLY: weekly("R: [member]\nA: lead")}).problems == ()
