from __future__ import annotations

import pytest

from tests.conftest import codes

MEMBER = "roles/member.yml"


@pytest.mark.parametrize("code", [0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069])
def test_direction_control_is_an_error_naming_the_character(check, code):
    report = check({MEMBER: f"id: member\ntitle: 組{chr(code)}員\nreports_to: lead\n"})
    assert codes(report) == ["HB056"]
    (problem,) = report.problems
    assert (problem.line, problem.column, problem.severity) == (2, 8, "error")
    assert f"U+{code:04X}" in problem.message


def test_plain_text_passes(check):
    assert check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\n"}).problems == ()
