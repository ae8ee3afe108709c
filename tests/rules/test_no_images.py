from __future__ import annotations

from tests.conftest import codes

MEMBER = "roles/member.yml"


def test_image_is_an_error_at_the_value(check):
    report = check(
        {MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nmetrics:\n  - '![圖](https://x.example/a.png)'\n"}
    )
    assert codes(report) == ["HB051"]
    (problem,) = report.problems
    assert (problem.line, problem.column, problem.severity) == (5, 5, "error")
    assert "item 1 of `metrics` contains an image" in problem.message


def test_data_image_is_both_an_image_and_a_forbidden_address(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nsummary: '![x](data:image/png;base64,AAAA)'\n"})
    assert codes(report) == ["HB050", "HB051"]


def test_link_to_a_picture_passes(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\nsummary: '[圖](https://x.example/a.png)！'\n"})
    assert report.problems == ()
