from __future__ import annotations

from datetime import date

from generator.source.model import Location
from generator.source.reviews import ReviewSettings, review_settings_from_options
from tests.conftest import codes


def test_a_default_that_is_no_period_is_an_error_at_its_line_in_mkdocs_yml(check):
    text = "site_name: x\nplugins:\n  - handbook:\n      review_in: every spring\n"
    settings = review_settings_from_options({"review_in": "every spring"}, today=date(2026, 12, 1), config_text=text)
    assert settings.default_at == Location("mkdocs.yml", 4, 1)
    report = check(review=settings)
    assert codes(report) == ["HB125"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.severity) == ("mkdocs.yml", 4, "error")
    assert "`review_in: every spring`" in problem.message


def test_a_default_period_passes(check):
    assert check(review=ReviewSettings(today=date(2026, 12, 1), default_review_in="1 year")).problems == ()
