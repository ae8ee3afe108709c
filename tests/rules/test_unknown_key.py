from __future__ import annotations

from tests.conftest import codes
from tests.rules._process import WEEKLY, weekly

HELPER = "roles/helper.yml"


def test_misspelt_title_suggests_title(check):
    report = check({HELPER: "id: helper\ntitel: 助理\n"})
    # The misspelling also leaves the role without its required title.
    assert codes(report) == ["HB010", "HB011"]
    problem = report.problems[1]
    assert (problem.path, problem.line, problem.column, problem.severity) == (HELPER, 2, 1, "error")
    assert "unknown key `titel` in this role: did you mean `title`?" in problem.message


def test_misspelt_checklist_in_a_step_suggests_checklist(check):
    report = check(
        {
            WEEKLY: weekly(
                "R: [member]\nA: lead",
                extra=("        checklst:\n          - 列出本週目標\n"),
            )
        }
    )
    assert codes(report) == ["HB011"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (WEEKLY, 13, 9)
    assert "unknown key `checklst` in step 1 of stage 1: did you mean `checklist`?" in problem.message


def test_unrelated_key_lists_the_allowed_keys_without_a_guess(check):
    # `phone` is close enough to `owner` for a guess; a telephone number is not.
    report = check({HELPER: "id: helper\ntitle: 助理\ntelephone: 1234\n"})
    assert codes(report) == ["HB011"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (3, 1)
    assert "did you mean" not in problem.message
    assert "allowed: id, title, summary" in problem.message


def test_unknown_key_inside_a_raci_names_the_raci(check):
    report = check(
        {
            WEEKLY: weekly(
                "R: [member]\nA: lead",
                extra=("          X: [lead]\n"),
            )
        }
    )
    assert codes(report) == ["HB011"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (13, 11)
    assert "in the raci of step 1 of stage 1" in problem.message


def test_known_keys_pass(check):
    report = check(
        {
            HELPER: """\
                id: helper
                title: 助理
                summary: 幫忙組長
                reports_to: lead
                external: false
                aliases: [assistant]
                responsibilities: [跑腿]
                metrics: [準時率]
                """
        }
    )
    assert report.problems == ()


def test_a_very_long_key_is_quoted_short(check):
    # YAML allows keys up to 1,024 characters on one line; the message quotes 60 at most.
    key = "說明" * 500
    report = check({"roles/lead.yml": f"id: lead\ntitle: 組長\n{key}: x\n"})
    assert codes(report) == ["HB011"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (3, 1)
    assert f"`{key[:59]}…`" in problem.message and key not in problem.message
