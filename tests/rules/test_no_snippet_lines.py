from __future__ import annotations

from tests.conftest import codes

MEMBER = "roles/member.yml"


def test_snippet_marker_is_an_error(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nsummary: '--8<-- \"mkdocs.yml\"'\n"})
    assert codes(report) == ["HB053"]
    assert (report.problems[0].line, report.problems[0].column) == (4, 10)


def test_scissors_written_differently_pass(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nsummary: 剪下 8 < 10 的部分\n"})
    assert report.problems == ()
