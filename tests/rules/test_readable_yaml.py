from __future__ import annotations

import time

import pytest

from generator.source.loading import MAX_FILE_BYTES
from tests.conftest import codes

# Each test breaks a file no other file refers to, so nothing else is reported.
HELPER = "roles/helper.yml"


def test_tab_in_indentation_is_an_error_at_the_tab(check):
    report = check(
        {
            HELPER: """\
                id: helper
                title: 助理
                responsibilities:
                  \t- 跑腿
                """
        }
    )
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    # Line 4 is two spaces then the tab: the tab is the third character.
    assert (problem.path, problem.line, problem.column, problem.severity) == (HELPER, 4, 3, "error")
    assert "tab" in problem.message and "spaces" in problem.message


def test_file_that_is_not_utf8_points_at_the_first_bad_byte(check):
    # A file saved in Big5, as an old Traditional Chinese editor would.
    report = check({HELPER: "id: helper\ntitle: 助理\n".encode("big5")})
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    # `title: ` is 7 characters, so the first Big5 byte is column 8 of line 2.
    assert (problem.path, problem.line, problem.column) == (HELPER, 2, 8)
    assert "not UTF-8" in problem.message


def test_utf8_byte_order_mark_is_accepted_and_the_first_key_kept(check):
    report = check({HELPER: b"\xef\xbb\xbf" + "id: helper\ntitle: 助理\n".encode()})
    assert report.problems == ()
    helper = report.handbook.role_by_id["helper"]
    assert helper.title == "助理"
    assert (helper.id_at.line, helper.id_at.column) == (1, 5)


def test_bad_byte_after_a_byte_order_mark_is_located_exactly(check):
    report = check({HELPER: b"\xef\xbb\xbf" + "id: helper\ntitle: 助理\n".encode("big5")})
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (2, 8)


def _file_of_size(size: int) -> str:
    # Padded with a comment: a value that long would be over the text-length limit (HB058).
    head = "id: helper\ntitle: 助理\n# "
    padding = size - len(head.encode()) - 1
    text = head + "a" * padding + "\n"
    assert len(text.encode()) == size
    return text


def test_file_over_256_kib_is_refused_without_being_parsed(check):
    report = check({HELPER: _file_of_size(MAX_FILE_BYTES + 1)})
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (HELPER, 1, 1)
    assert "at most 256 KiB" in problem.message and "split it" in problem.message
    # Not parsed: the role is not in the handbook at all.
    assert "helper" not in report.handbook.role_by_id


def test_file_of_exactly_256_kib_is_accepted(check):
    report = check({HELPER: _file_of_size(MAX_FILE_BYTES)})
    assert report.problems == ()


def test_size_message_does_not_contradict_itself(check):
    report = check({HELPER: _file_of_size(MAX_FILE_BYTES + 1)})
    (problem,) = report.problems
    assert "the file is 256 KiB" not in problem.message


def test_more_than_one_document_is_an_error_at_the_second_one(check):
    report = check(
        {
            HELPER: """\
                id: helper
                title: 助理
                ---
                id: other
                title: 別的
                """
        }
    )
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (HELPER, 3, 1)
    assert "more than one YAML document" in problem.message


def test_deeply_nested_input_stops_at_the_depth_limit(check):
    report = check({HELPER: "id: helper\ntitle: 助理\nmetrics: " + "[" * 100 + "]" * 100 + "\n"})
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    # The top mapping is level 1 and the n-th `[` is level n + 1, so the 24th `[` (level 25) is refused.
    # `metrics: ` is 9 characters: the first `[` is column 10, the 24th column 33.
    assert (problem.path, problem.line, problem.column) == (HELPER, 3, 33)
    assert "nested more than 24 levels" in problem.message


def test_very_deep_input_neither_crashes_nor_takes_long(check):
    start = time.perf_counter()
    report = check({HELPER: "id: helper\ntitle: 助理\nmetrics: " + "[" * 10_000 + "]" * 10_000 + "\n"})
    assert time.perf_counter() - start < 3
    assert codes(report) == ["HB001"]


def test_unclosed_quote_is_named_in_the_message(check):
    report = check(
        {
            HELPER: """\
                id: helper
                title: "助理
                summary: 幫忙組長
                """
        }
    )
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    assert problem.path == HELPER
    assert "a quote is opened but never closed" in problem.message


def test_unclosed_quote_points_at_the_opening_quote(check):
    report = check(
        {
            HELPER: """\
                id: helper
                title: "助理
                summary: 幫忙組長
                """
        }
    )
    (problem,) = report.problems
    # `title: ` is 7 characters: the quote is column 8 of line 2.
    assert (problem.line, problem.column) == (2, 8)


def test_colon_inside_a_value_suggests_quotes(check):
    report = check({HELPER: "id: helper\ntitle: 注意: 別遲到\n"})
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    # `title: 注意` is 9 characters: the second colon is column 10.
    assert (problem.path, problem.line, problem.column) == (HELPER, 2, 10)
    assert "put the whole value in quotes" in problem.message


def test_control_character_is_an_error_not_a_crash(check):
    report = check({HELPER: "id: helper\ntitle: 助\x07理\n"})
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    # `title: 助` is 8 characters: the bell character is column 9.
    assert (problem.path, problem.line, problem.column) == (HELPER, 2, 9)
    assert "control character" in problem.message


def test_readable_file_passes(check):
    assert check({HELPER: "id: helper\ntitle: 助理\n"}).problems == ()


@pytest.mark.parametrize(
    ("line", "column", "escape"),
    [
        ('summary: "請找 \\ud800 組長"', 14, "\\ud800"),  # half of a UTF-16 pair
        ('summary: "😀 is \\ud83d\\ude00"', 16, "\\ud83d"),  # a pair: JSON's spelling, not YAML's
        ('"\\udfffsummary": x', 2, "\\udfff"),  # in a key
        ('summary: "past \\U00110000"', 16, "\\U00110000"),  # past the last code point
        ('summary: "two\\\n  lines \\udc00"', 9, "\\udc00"),  # after an escaped line break: next line
    ],
    ids=["lone", "pair", "key", "past-last", "next-line"],
)
def test_an_escape_that_names_no_character_is_an_error_at_the_escape(check, line, column, escape):
    report = check({"roles/helper.yml": f"id: helper\ntitle: 助理\n{line}\n"})
    assert codes(report) == ["HB001"]
    (problem,) = report.problems
    expected_line = 4 if "\\\n" in line else 3
    assert (problem.path, problem.line, problem.column) == ("roles/helper.yml", expected_line, column)
    assert f"`{escape}` in quotes names no character" in problem.message


def test_escaped_backslash_and_real_characters_pass(check):
    # `\\ud800` is a backslash and the letters ud800; `\U0001F600` and `\u00e9` name real characters.
    report = check({"roles/helper.yml": 'id: helper\ntitle: "助理 \\\\ud800 \\U0001F600 caf\\u00e9"\n'})
    assert report.problems == ()
    (role,) = [role for role in report.handbook.roles if role.id == "helper"]
    assert role.title == "助理 \\ud800 😀 café"
