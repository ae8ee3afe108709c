"""Each output's escaping on its own, with expected text written by hand."""

from __future__ import annotations

import json
import time

import pytest

from generator.render.output_escaping import (
    json_text,
    log_line,
    markdown_code,
    markdown_text,
    spreadsheet_cell,
    workflow_command_data,
    workflow_command_property,
)
from tests.github_markdown import github_html


@pytest.mark.parametrize(
    "text,expected",
    [
        ("roles/a.yml:1:1: error HB011 `x`", "roles/a.yml:1:1: error HB011 `x`"),
        ("a\nb\r\nc", "a\\nb\\r\\nc"),
        ("\x1b[2K\x9b1m\x07\x00", "\\x1b[2K\\x9b1m\\x07\\x00"),
        ("a\u202eb\u2066c\u200bd\u2028e\u2029f\x85g", "a\\u202eb\\u2066c\\u200bd\\u2028e\\u2029f\\x85g"),
        ("bad \udcff byte", "bad \\udcff byte"),
        ("tag \U000e0041", "tag \\U000e0041"),
        ("say ##[add-mask]x", "say ##\\x5badd-mask]x"),
        ("::error::x", "\\x3a:error::x"),
        ("\u3000 ::warning::x", "\u3000 \\x3a:warning::x"),
        ("組長 ５ 　 emoji 👍", "組長 ５ 　 emoji 👍"),
    ],
)
def test_log_line(text, expected):
    assert log_line(text) == expected


def test_workflow_command_escapes_follow_githubs_runner():
    assert workflow_command_data("100% done%0A\n") == "100%25 done%250A\\n"
    assert workflow_command_property("roles/a,b:c.yml") == "roles/a%2Cb%3Ac.yml"


def test_json_text_means_what_json_dumps_means_and_writes_anywhere():
    data = {"t": "組長 \ud800 \x85 \u2028 \u202e ##[x] \U000e0041 \\##["}
    text = json_text(data)
    assert json.loads(text) == data
    text.encode("utf-8")  # no lone surrogate left
    assert "##[" not in text and "\u2028" not in text and "\x85" not in text
    assert "組長" in text  # readable, not \\u escaped
    assert text == ('{\n  "t": "組長 \\ud800 \\u0085 \\u2028 \\u202e ##\\u005bx] \\udb40\\udc41 \\\\##\\u005b"\n}')


@pytest.mark.parametrize(
    "text,expected",
    [
        ("=1+1", "'=1+1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("a;=b,+c|@d e-f", "a;'=b,'+c|'@d e-f"),
        ("x ＝1，＋2；－3｜＠4", "x '＝1，'＋2；'－3｜'＠4"),
        ('q "=1"', 'q "\'=1"'),
        ("2024-01-01 a-b e@mail", "2024-01-01 a-b e@mail"),
    ],
)
def test_spreadsheet_cell(text, expected):
    assert spreadsheet_cell(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("lead", "`lead`"),
        ("a`b", "``a`b``"),
        ("`x``", "``` `x`` ```"),
        ("", "` `"),
        ("a\n- b", "`a - b`"),
    ],
)
def test_markdown_code(text, expected):
    assert markdown_code(text) == expected
    assert github_html(f"- {expected}").select_one("li > code").get_text() == (" ".join(text.split()) or " ")


HOSTILE_MARKDOWN = (
    "<img src=x onerror=alert(1)> &lt;b&gt; **b** _i_ ~~s~~ `c` [x](javascript:alert(1)) ![i](x.png) "
    "https://evil.example www.evil.example <https://evil.example> $x$ \\ {: .x} [^1] | # end #"
)


def test_markdown_text_is_only_text_in_github_markdown():
    page = github_html(f"### {markdown_text(HOSTILE_MARKDOWN)}\n\n- [ ] {markdown_text(HOSTILE_MARKDOWN)}\n")
    assert {tag.name for tag in page.find_all(True)} == {"h3", "ul", "li", "input"}
    assert page.h3.get_text() == HOSTILE_MARKDOWN
    assert page.li.get_text().strip() == HOSTILE_MARKDOWN


@pytest.mark.parametrize("escape", [log_line, spreadsheet_cell, markdown_text, markdown_code, json_text])
def test_escaping_is_linear_a_megabyte_of_hostile_text_takes_well_under_two_seconds(escape):
    # Values are small; a megabyte where every other character needs escaping is far beyond any.
    text = ("=\u202e`;<a " * 125_000)[:1_000_000]
    started = time.perf_counter()
    escape(text)
    assert time.perf_counter() - started < 2.0


def test_the_escape_tables_cover_every_unsafe_character_of_this_python():
    import sys

    from generator.render.output_escaping import _UNSAFE, _is_unsafe

    listed = set(_UNSAFE)
    assert [hex(code) for code in range(sys.maxunicode + 1) if _is_unsafe(chr(code)) and chr(code) not in listed] == []
