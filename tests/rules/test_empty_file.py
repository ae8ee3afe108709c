from __future__ import annotations

from tests.conftest import codes

HELPER = "roles/helper.yml"


def test_empty_file_is_an_error_at_its_start(check):
    report = check({HELPER: ""})
    assert codes(report) == ["HB002"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (HELPER, 1, 1, "error")
    assert "the file is empty" in problem.message and "`id:`" in problem.message


def test_file_with_only_comments_is_empty(check):
    report = check(
        {
            HELPER: """\
                # 助理：之後再寫
                # TODO
                """
        }
    )
    assert codes(report) == ["HB002"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (HELPER, 1, 1)


def test_empty_process_file_names_its_kind(check):
    report = check({"processes/onboarding.yml": "\n\n"})
    assert codes(report) == ["HB002"]
    (problem,) = report.problems
    assert problem.path == "processes/onboarding.yml"
    assert "write the process here" in problem.message


def test_file_with_only_a_byte_order_mark_is_empty(check):
    report = check({HELPER: b"\xef\xbb\xbf"})
    assert codes(report) == ["HB002"]


def test_file_with_only_a_document_marker_and_comments_is_empty(check):
    report = check({HELPER: "---\n# 之後再寫\n"})
    assert codes(report) == ["HB002"]


def test_file_with_content_passes(check):
    report = check({HELPER: "id: helper\ntitle: 助理\n"})
    assert report.problems == ()
