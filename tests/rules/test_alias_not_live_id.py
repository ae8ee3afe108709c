from __future__ import annotations

from tests.conftest import codes

MEMBER = "roles/member.yml"


def test_alias_naming_a_live_role_is_an_error_at_the_alias(check):
    report = check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\naliases: [helper, lead]\n"})
    assert codes(report) == ["HB032"]
    (problem,) = report.problems
    # `aliases: [helper, ` is 18 characters.
    assert (problem.line, problem.column, problem.severity) == (4, 19, "error")
    assert "the alias `lead` of `member` is also the id of the role in roles/lead.yml" in problem.message


def test_former_ids_pass(check):
    assert check({MEMBER: "id: member\ntitle: 組員\nreports_to: lead\naliases: [assistant]\n"}).problems == ()


MONTHLY = "processes/monthly.yml"
MONTHLY_TEXT = """\
    id: monthly
    title: 每月例行
    owner: lead
    aliases: [{aliases}]
    stages:
      - id: plan
        title: 計劃
        steps:
          - id: write-plan
            title: 撰寫計劃
            raci:
              R: [member]
              A: lead
    """


def test_process_alias_naming_a_live_process_is_an_error_at_the_alias(check):
    report = check({MONTHLY: MONTHLY_TEXT.format(aliases="monthly-old, weekly")})
    assert codes(report) == ["HB032"]
    (problem,) = report.problems
    # `aliases: [monthly-old, ` is 23 characters.
    assert (problem.path, problem.line, problem.column) == (MONTHLY, 4, 24)
    assert "the alias `weekly` of `monthly` is also the id of the process in processes/weekly.yml" in problem.message


def test_process_alias_equal_to_a_role_id_passes(check):
    # Roles and processes have pages in different folders: `lead` the role and an old process `lead` never clash.
    assert check({MONTHLY: MONTHLY_TEXT.format(aliases="lead")}).problems == ()
