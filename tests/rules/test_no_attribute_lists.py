from __future__ import annotations

import pytest

from tests.conftest import codes

MEMBER = "roles/member.yml"


@pytest.mark.parametrize("written", ["{: .hidden }", "{#top}", "{.red}", "{ : onclick=x }"])
def test_attribute_list_is_an_error(check, written):
    report = check({MEMBER: f"id: member\ntitle: '組員 {written}'\nreports_to: lead\n"})
    assert codes(report) == ["HB052"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (2, 8)
    assert f"`title` contains `{written}`" in problem.message


def test_braces_that_are_not_attribute_lists_pass(check):
    report = check({MEMBER: "id: member\ntitle: '組員 {A組}'\nreports_to: lead\n"})
    assert report.problems == ()
