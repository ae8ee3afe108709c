from __future__ import annotations

from tests.conftest import codes

MEMBER = "roles/member.yml"


def test_zero_width_space_in_a_role_reference_is_a_warning_there(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: le\u200bad\n"})
    # The reference names no role (HB030), and the warning says why it looks right.
    assert [(p.code, p.severity) for p in report.problems] == [("HB030", "error"), ("HB057", "warning")]
    assert report.problems[1].column == 13
    assert "U+200B (ZERO WIDTH SPACE)" in report.problems[1].message


def test_byte_order_mark_at_the_start_of_the_file_is_fine(check):
    report = check({MEMBER: "\ufeffid: member\ntitle: 組員\nreports_to: lead\n".encode()})
    assert report.problems == ()


def test_byte_order_mark_inside_text_is_a_warning(check):
    report = check({MEMBER: "id: member\ntitle: 組\ufeff員\nreports_to: lead\n"})
    assert codes(report) == ["HB057"]
