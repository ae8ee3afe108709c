from __future__ import annotations

import time

import pytest

from generator.source.texts import html_markup
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


# Spellings a browser reads as markup (HTML's tag open state), each with the text the message quotes.
BROWSER_MARKUP = {
    "<img/src=x onerror=alert(1)>": "<img/src=x onerror=alert(1)>",
    "<svg\nonload=alert(1)>": "<svg\nonload=alert(1)>",
    "<a\thref=//evil.example>x</a>": "<a\thref=//evil.example>",
    "<script/x>alert(1)</script>": "<script/x>",
    "text </script >": "</script >",
    "<!doctype html>": "<!doctype html>",
    "<?xml version='1.0'?>": "<?xml version='1.0'?>",
    "<![CDATA[x]]>": "<![CDATA[x]]>",
    "<!-- hidden -->": "<!-- hidden -->",
    "</ x>": "</ x>",
    "a<b": "<b…",
    "<img src=x onerror=alert(1)//": "<img src=x onerror=alert(1)//…",
    # An email address cannot hold `/`: this is no autolink but a tag with an onerror attribute.
    "<img/src=x@y/onerror=alert(1)>": "<img/src=x@y/onerror=alert(1)>",
}
# `<` that a browser shows as text, and Markdown autolinks (links, which safe-links checks).
NOT_MARKUP = ["3 < 5", "a<5", "成本<預算", "<<<", "< b>", "<", "<https://example.com/a?b=c>", "<hr@example.com>"]


@pytest.mark.parametrize("text,shown", BROWSER_MARKUP.items(), ids=list(BROWSER_MARKUP))
def test_every_spelling_a_browser_reads_as_markup_is_found(check, text, shown):
    assert html_markup(text) == shown
    summary = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    report = check({MEMBER: f'id: member\ntitle: 組員\nreports_to: lead\nsummary: "{summary}"\n'})
    (found,) = [problem for problem in report.problems if problem.code == "HB055"]
    assert found.line == 4


@pytest.mark.parametrize("text", NOT_MARKUP)
def test_text_a_browser_shows_as_text_is_not_html(text):
    assert html_markup(text) is None


@pytest.mark.parametrize(
    "text",
    ["<" * 4_000_000, "<a " * 1_400_000, "<ab:c>" * 700_000, "<x@y>" * 800_000, "<x@" + "a." * 2_000_000],
    ids=["lone", "open-tag", "uri-autolinks", "email-autolinks", "long-domain"],
)
def test_four_megabytes_of_angle_brackets_check_in_well_under_two_seconds(text):
    started = time.perf_counter()
    html_markup(text)
    assert time.perf_counter() - started < 2.0
