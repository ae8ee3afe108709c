from __future__ import annotations

from tests.conftest import codes

AGENCY = "id: agency\ntitle: 外包公司\nexternal: true\n"


def test_onboarding_fields_on_an_external_team_are_warnings_at_each_key(check):
    agency = AGENCY + "tools:\n  - Figma\nfirst_deliverable: 一份提案\n"
    report = check({"roles/agency.yml": agency})
    assert codes(report) == ["HB042", "HB042"]
    assert [(p.path, p.line, p.column, p.severity) for p in report.problems] == [
        ("roles/agency.yml", 4, 1, "warning"),
        ("roles/agency.yml", 6, 1, "warning"),
    ]
    assert "`tools` is written for `agency`, a team outside the department" in report.problems[0].message


def test_an_external_team_without_them_passes_and_a_department_role_may_have_them(check):
    member = "id: member\ntitle: 組員\nreports_to: lead\ntools:\n  - Figma\naccounts:\n  - 共用硬碟\n"
    assert check({"roles/agency.yml": AGENCY, "roles/member.yml": member}).problems == ()
