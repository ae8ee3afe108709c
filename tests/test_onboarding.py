"""The onboarding plan, worked out from a real handbook folder (generator/onboarding.py)."""

from __future__ import annotations

from generator.rules.checking import Report, check_handbook
from generator.source.documents import documents_of
from generator.source.onboarding import Onboarding, onboarding_of
from tests.conftest import WriteHandbook

# Three steps over two stages. `member` is consulted on the first, does the second and
# owns the third; the plan must list its own work (R, A) in process order, the C step after.
PROCESS = """\
id: weekly
title: 每週例行
owner: lead
stages:
  - id: plan
    title: 計劃
    steps:
      - id: gather
        title: 蒐集需求
        raci:
          R: [lead]
          A: lead
          C: [member]
      - id: write-plan
        title: 撰寫計劃
        raci:
          R: [member]
          A: lead
          C: [peer]
        outputs: [週計劃]
  - id: review
    title: 檢討
    steps:
      - id: review-plan
        title: 檢討計劃
        raci:
          R: [peer]
          A: member
"""

MEMBER = """\
id: member
title: 組員
reports_to: lead
buddy: peer
tools: [試算表]
accounts: [共用硬碟, 專案看板]
first_deliverable: 第一份週計劃
"""


def _plan(write_handbook: WriteHandbook, files: dict[str, str], role_id: str) -> tuple[Report, Onboarding]:
    report = check_handbook(write_handbook({"processes/weekly.yml": PROCESS, **files}))
    handbook = report.handbook
    return report, onboarding_of(handbook, handbook.role_by_id[role_id], documents_of(handbook))


def test_the_plan_puts_the_roles_own_work_first_in_process_order(write_handbook: WriteHandbook) -> None:
    peer = "id: peer\ntitle: 同事\nreports_to: lead\n"
    report, plan = _plan(write_handbook, {"roles/member.yml": MEMBER, "roles/peer.yml": peer}, "member")
    assert report.problems == ()
    assert (plan.manager.id, plan.buddy.id) == ("lead", "peer")  # type: ignore[union-attr]
    assert (plan.accounts, plan.tools) == (("共用硬碟", "專案看板"), ("試算表",))
    assert plan.first_deliverable == "第一份週計劃"
    assert [process.process.id for process in plan.processes] == ["weekly"]
    assert [(s.place.step.id, s.letters) for s in plan.steps_to_do] == [
        ("write-plan", ("R",)),
        ("review-plan", ("A",)),
    ]
    # Whom to consult before doing a step: its C roles.
    assert [[role.id for role in s.consult] for s in plan.steps_to_do] == [["peer"], []]
    assert [document.name for document in plan.documents] == ["週計劃"]
    assert [(s.place.step.id, s.letters, s.consult) for s in plan.steps_to_follow] == [("gather", ("C",), ())]
    assert not plan.is_empty


def test_an_external_team_gets_no_plan(write_handbook: WriteHandbook) -> None:
    peer = "id: peer\ntitle: 外包團隊\nexternal: true\ntools: [試算表]\nfirst_deliverable: 報價單\n"
    report, plan = _plan(write_handbook, {"roles/peer.yml": peer}, "peer")
    assert [problem.code for problem in report.problems] == ["HB042", "HB042"]
    assert plan.is_empty
    assert (plan.tools, plan.first_deliverable, plan.manager, plan.buddy) == ((), "", None, None)
    # The steps it works on are still known (the page lists them, without a plan).
    assert [s.place.step.id for s in plan.steps_to_do] == ["review-plan"]


def test_a_buddy_outside_the_department_or_the_role_itself_is_left_out(write_handbook: WriteHandbook) -> None:
    agency = "id: peer\ntitle: 外包團隊\nexternal: true\n"
    _, plan = _plan(write_handbook, {"roles/member.yml": MEMBER, "roles/peer.yml": agency}, "member")
    assert plan.buddy is None
    itself = MEMBER.replace("buddy: peer", "buddy: member")
    peer = "id: peer\ntitle: 同事\nreports_to: lead\n"
    _, plan = _plan(write_handbook, {"roles/member.yml": itself, "roles/peer.yml": peer}, "member")
    assert plan.buddy is None and plan.manager is not None
