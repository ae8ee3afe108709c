from __future__ import annotations

from tests.conftest import codes

MEMBER = "roles/member.yml"


def test_html_tag_is_a_warning_naming_the_tag(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nsummary: 負責<b>品牌</b>推廣\n"})
    assert codes(report) == ["HB055"]
    (problem,) = report.problems
    assert (problem.line, problem.column, problem.severity) == (4, 10, "warning")
    assert "the HTML tag `<b>`" in problem.message
    assert report.errors == ()


def test_comparisons_and_autolinks_are_not_html(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nsummary: '3 < 5 且 <https://example.com>'\n"})
    assert report.problems == ()
