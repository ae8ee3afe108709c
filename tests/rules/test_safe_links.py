from __future__ import annotations

import pytest

from tests.conftest import codes

MEMBER = "roles/member.yml"


@pytest.mark.parametrize(
    "target",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hello", "vbscript:x", "file:///etc/passwd"],
)
def test_forbidden_link_target_is_an_error_at_the_value(check, target):
    report = check({MEMBER: f"id: member\ntitle: 組員\nreports_to: lead\nsummary: '看[這裡]({target})'\n"})
    assert codes(report) == ["HB050"]
    (problem,) = report.problems
    # `summary: ` is 9 characters: the value starts at column 10.
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 4, 10, "error")
    assert f"`summary` links to `{target[:10]}" in problem.message


def test_autolink_and_reference_definition_in_a_list_item_are_found(check):
    role = "id: member\ntitle: 組員\nreports_to: lead\nresponsibilities:\n  - 'ok'\n  - '<javascript:alert(1)>'\n"
    report = check({MEMBER: role})
    assert [(p.code, p.line, p.column) for p in report.problems] == [("HB050", 6, 5)]
    assert "item 2 of `responsibilities`" in report.problems[0].message


def test_http_https_mailto_and_relative_links_pass(check):
    summary = "[a](https://example.com) [b](http://example.com) [c](mailto:a@example.com) [d](../lead/) [e](#x)"
    report = check({MEMBER: f"id: member\ntitle: 組員\nreports_to: lead\nsummary: '{summary}'\n"})
    assert report.problems == ()
