from __future__ import annotations

from datetime import date

from generator.commands.common import fails
from generator.source.reviews import ReviewSettings
from tests.conftest import codes
from tests.rules._departments import with_department
from tests.rules._reviews import MEMBER, TODAY, member


def test_an_overdue_review_names_the_file_the_due_date_and_the_reviewer(check):
    report = check({MEMBER: member("last_reviewed_on: 2025-01-01\nreview_in: 6 months\n")}, review=TODAY)
    assert codes(report) == ["HB124"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 4, 19, "warning")
    assert "roles/member.yml was due for review on 2025-07-01 (518 days ago); reviewer: 組長 (lead)" in problem.message


def test_it_does_not_fail_strict_unless_the_handbook_asks(check):
    files = {MEMBER: member("last_reviewed_on: 2025-01-01\nreview_in: 6 months\n")}
    assert not fails(check(files, review=TODAY), strict=True)
    asked = ReviewSettings(today=date(2026, 12, 1), overdue_fails_strict=True)
    assert fails(check(files, review=asked), strict=True)
    assert not fails(check(files, review=asked), strict=False)


def test_the_owner_field_names_the_reviewer(check):
    report = check({MEMBER: member("owner: member\nlast_reviewed_on: 2025-01-01\nreview_in: 1 year\n")}, review=TODAY)
    assert "was due for review on 2026-01-01 (334 days ago); reviewer: 組員 (member)" in report.problems[0].message


def test_the_department_period_and_head_apply(check):
    files = with_department(
        {
            "departments/team.yml": 'id: team\ntitle: 小組\nhead: lead\nmaintainers:\n  - "@team-leads"\n'
            "last_reviewed_on: 2026-11-01\nreview_in: 3 months\n",
            MEMBER: "id: member\ntitle: 組員\nreports_to: lead\ndepartment: team\nlast_reviewed_on: 2026-08-01\n",
        }
    )
    report = check(files, review=TODAY)
    assert codes(report) == ["HB124"]
    assert "was due for review on 2026-11-01 (30 days ago); reviewer: 組長 (lead)" in report.problems[0].message


def test_the_handbook_default_applies_to_files_without_a_period(check):
    files = {MEMBER: member("last_reviewed_on: 2026-05-31\n")}
    assert check(files, review=TODAY).problems == ()  # no period anywhere: never due
    report = check(files, review=ReviewSettings(today=date(2026, 12, 1), default_review_in="6 個月"))
    assert codes(report) == ["HB124"]
    assert "was due for review on 2026-11-30 (1 days ago)" in report.problems[0].message


def test_a_review_not_due_yet_passes(check):
    assert check({MEMBER: member("last_reviewed_on: 2026-11-01\nreview_in: 6 months\n")}, review=TODAY).problems == ()


def test_an_owner_that_is_no_role_is_an_unknown_role(check):
    report = check({MEMBER: member("owner: nobody\nlast_reviewed_on: 2026-11-01\n")}, review=TODAY)
    assert codes(report) == ["HB030"]
    assert (report.problems[0].line, report.problems[0].column) == (4, 8)
