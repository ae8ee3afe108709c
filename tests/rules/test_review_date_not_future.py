from __future__ import annotations

from datetime import date

from generator.source.reviews import ReviewSettings
from tests.conftest import codes
from tests.rules._reviews import MEMBER, TODAY, member


def test_a_date_after_today_is_an_error_at_its_line(check):
    report = check({MEMBER: member("last_reviewed_on: 2026-12-02\n")}, review=TODAY)
    assert codes(report) == ["HB123"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 4, 19, "error")
    assert "is after today (2026-12-01)" in problem.message


def test_today_itself_passes(check):
    assert check({MEMBER: member("last_reviewed_on: 2026-12-01\n")}, review=TODAY).problems == ()


def test_today_comes_from_source_date_epoch_without_settings(check, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01 00:00 UTC
    report = check({MEMBER: member("last_reviewed_on: 2026-01-01\n")})
    assert codes(report) == ["HB123"]
    assert "today (2025-12-01)" in report.problems[0].message
    assert (
        check({MEMBER: member("last_reviewed_on: 2025-11-30\n")}, review=ReviewSettings(date(2025, 12, 1))).problems
        == ()
    )


def test_a_build_date_taken_from_the_last_commit_does_not_make_todays_review_future(check, monkeypatch):
    # A build counts from its last commit; an editor who reviewed a page today and builds before
    # committing wrote no date in the future (only the clock can say that).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "981158400")  # 2001-02-03, the last commit's
    monkeypatch.setenv("HANDBOOK_DATE_FROM_COMMIT", "981158400")
    assert check({MEMBER: member("last_reviewed_on: 2026-01-01\n")}).problems == ()
    assert codes(check({MEMBER: member("last_reviewed_on: 2999-01-01\n")})) == ["HB123"]
