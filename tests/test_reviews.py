"""Review dates (generator.source.reviews) and what reads them without a site build: periods and due days,
"today", the git dates of files, diff, export, new, handbook review's formats and the pages' Markdown."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from generator.engines.build_date import given_build_date, last_changed_days
from generator.render.renderer import Renderer
from generator.rules.checking import check_handbook
from generator.source.reviews import (
    Period,
    ReviewSettings,
    parse_period,
    parse_review_date,
    reviews_to_do,
    today_from_environment,
)
from tests.conftest import REPO, handbook_in_process
from tests.test_diff import git

TODAY = ReviewSettings(today=date(2026, 12, 1))
MEMBER = "id: member\ntitle: 組員\nreports_to: lead\n"


@pytest.mark.parametrize(
    ("written", "start", "due"),
    [
        ("6 months", date(2025, 1, 1), date(2025, 7, 1)),
        ("1 month", date(2026, 1, 31), date(2026, 2, 28)),
        ("1 month", date(2024, 1, 31), date(2024, 2, 29)),
        ("1 year", date(2024, 2, 29), date(2025, 2, 28)),
        ("90 days", date(2026, 1, 1), date(2026, 4, 1)),
        ("2 weeks", date(2026, 12, 25), date(2027, 1, 8)),
        ("6 個月", date(2026, 6, 1), date(2026, 12, 1)),
        ("3个月", date(2026, 11, 30), date(2027, 2, 28)),
        ("2 週", date(2026, 1, 1), date(2026, 1, 15)),
        ("1 年", date(2026, 1, 1), date(2027, 1, 1)),
        ("10 Years", date(2026, 1, 1), date(2036, 1, 1)),
    ],
)
def test_a_period_counts_from_the_last_review(written, start, due):
    period = parse_period(written)
    assert period is not None
    assert period.after(start) == due


def test_a_review_at_the_end_of_the_calendar_is_an_error_not_a_traceback(write_handbook):
    root = write_handbook({"roles/member.yml": MEMBER + "last_reviewed_on: 9999-12-31\nreview_in: 10 years\n"})
    result = handbook_in_process("review", ".", "--today", "2026-12-01", "--lang", "en", cwd=root)
    assert result.returncode == 1 and "HB123" in result.stderr
    assert Period(1, "day").after(date.max) == date.max


@pytest.mark.parametrize("written", ["", "soon", "0 days", "11 years", "3661 days", "6", "months", "6 個", 6, None])
def test_what_is_no_period(written):
    assert parse_period(written) is None


def test_dates_as_yaml_gives_them():
    assert parse_review_date(date(2026, 6, 1)) == date(2026, 6, 1)
    assert parse_review_date("2026-06-01") == date(2026, 6, 1)
    for value in ("2026-02-30", "2027-13-01", "2026-6-1", "1 June 2026", 20260601, None, True):
        assert parse_review_date(value) is None


def test_today_comes_from_source_date_epoch_else_the_clock():
    assert today_from_environment({"SOURCE_DATE_EPOCH": "1764547200"}) == date(2025, 12, 1)
    for broken in ("", "soon", "99999999999999999999"):
        assert today_from_environment({"SOURCE_DATE_EPOCH": broken}) == today_from_environment({})


def test_given_build_date_sets_and_restores_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with given_build_date(date(2026, 12, 1), tmp_path):
        assert today_from_environment() == date(2026, 12, 1)
    assert "SOURCE_DATE_EPOCH" not in os.environ
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    with given_build_date(date(2026, 12, 1), tmp_path):
        assert os.environ["SOURCE_DATE_EPOCH"] == "1796083200"
    assert os.environ["SOURCE_DATE_EPOCH"] == "0"


def _commit(root: Path, message: str, day: str) -> None:
    environment = {**os.environ, "GIT_COMMITTER_DATE": f"{day}T12:00:00+08:00", "GIT_AUTHOR_DATE": f"{day}T12:00:00"}
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-qm",
            message,
        ],
        cwd=root,
        check=True,
        env=environment,
    )


def test_last_changed_days_read_each_files_last_commit_also_from_a_subfolder(tmp_path):
    root = tmp_path / "repo"
    handbook = root / "docs" / "handbook"
    (handbook / "roles").mkdir(parents=True)
    git(root, "init", "-q")
    (handbook / "roles" / "a.yml").write_text("id: a\n")
    (handbook / "roles" / "b.yml").write_text("id: b\n")
    git(root, "add", "-A")
    _commit(root, "first", "2026-01-02")
    (handbook / "roles" / "b.yml").write_text("id: b\ntitle: B\n")
    git(root, "add", "-A")
    _commit(root, "second", "2026-03-04")
    (handbook / "roles" / "c.yml").write_text("id: c\n")  # never committed
    days = last_changed_days(handbook, ["roles/a.yml", "roles/b.yml", "roles/c.yml"])
    assert days == {"roles/a.yml": date(2026, 1, 2), "roles/b.yml": date(2026, 3, 4)}


def test_last_changed_days_outside_git_or_without_git_are_none(tmp_path, monkeypatch):
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "a.yml").write_text("id: a\n")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert last_changed_days(tmp_path, ["roles/a.yml"]) == {}
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    assert last_changed_days(REPO, ["roles/market-research.yml"]) == {}


def test_every_page_from_a_yaml_file_shows_its_git_date_and_the_review_line_only_where_it_belongs(write_handbook):
    root = write_handbook({"roles/member.yml": MEMBER + "last_reviewed_on: 2025-01-01\nreview_in: 6 months\n"})
    handbook = check_handbook(root, review=TODAY).handbook
    changed = {"roles/member.yml": date(2026, 2, 3), "processes/weekly.yml": date(2026, 4, 5)}
    pages = {
        page.path: page.content
        for page in Renderer(handbook, language="zh-Hant", review=TODAY, last_changed=changed).pages()
    }
    member = pages["roles/member.md"]
    assert member.index("handbook-review-notice") < member.index("組員") or member.startswith("# 組員")
    assert (
        "上次審閱：2025-01-01" in member and "下次審閱：2025-07-01" in member and "檔案最後修改：2026-02-03" in member
    )
    assert "檔案最後修改：2026-04-05" in pages["processes/weekly/index.md"]
    assert "檔案最後修改：2026-04-05" in pages["processes/weekly/plan.md"]  # a stage page: no review line
    assert "上次審閱" not in pages["processes/weekly/plan.md"]
    assert "handbook-page-dates" not in pages["roles/lead.md"]  # no review, no git date
    assert "handbook-page-dates" not in pages["roles/index.md"]
    assert "handbook-review-notice" not in pages["roles/lead.md"]
    assert "roles/member.yml" in pages["reviews.md"]


def test_reviews_are_listed_by_department_then_due_date(write_handbook):
    from tests.rules._departments import with_department

    files = with_department(
        {
            "roles/member.yml": MEMBER + "department: team\nlast_reviewed_on: 2025-06-01\nreview_in: 1 year\n",
            "roles/lead.yml": "id: lead\ntitle: 組長\ndepartment: team\nlast_reviewed_on: 2025-01-01\n"
            "review_in: 1 year\n",
            "roles/outsider.yml": "id: outsider\ntitle: 外部\nexternal: true\nlast_reviewed_on: 2026-06-10\n"
            "review_in: 6 months\n",
        }
    )
    handbook = check_handbook(write_handbook(files), review=TODAY).handbook
    listed = [(review.path, review.status) for review in reviews_to_do(handbook, TODAY)]
    assert listed == [
        ("roles/lead.yml", "overdue"),
        ("roles/member.yml", "overdue"),
        ("roles/outsider.yml", "due_soon"),  # no department: last
    ]


def test_diff_reports_a_bumped_review_date_as_reviewed_not_as_an_ownership_change(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "--initial-branch=main")
    (root / "roles").mkdir()
    (root / "processes").mkdir()
    (root / "roles" / "lead.yml").write_text(
        "id: lead\ntitle: 組長\nlast_reviewed_on: 2025-01-01\nreview_in: 6 months\n"
    )
    (root / "processes" / "weekly.yml").write_text(
        "id: weekly\ntitle: 每週\nowner: lead\nstages:\n  - id: a\n    title: A\n    steps:\n"
        "      - id: b\n        title: B\n        raci: {R: [lead], A: lead}\n"
    )
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    (root / "roles" / "lead.yml").write_text(
        "id: lead\ntitle: 組長\nlast_reviewed_on: 2026-12-01\nreview_in: 6 months\n"
    )
    result = handbook_in_process("diff", "HEAD", "--dir", str(root), cwd=root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "### Reviews" in lines
    assert "- role `組長` (`lead`): reviewed (`2025-01-01` → `2026-12-01`)" in lines
    assert not any(line.startswith("### ") and line not in ("### Reviews",) for line in lines)
    assert "No changes" not in result.stdout


def test_export_carries_the_review_fields_and_matches_its_schema(write_handbook):
    root = write_handbook(
        {"roles/member.yml": MEMBER + "owner: lead\nlast_reviewed_on: 2026-06-01\nreview_in: 6 個月\n"}
    )
    result = handbook_in_process("export", str(root), cwd=root)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    schema = json.loads((REPO / "generator" / "schema" / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    member = next(role for role in data["roles"] if role["id"] == "member")
    assert (member["owner"], member["last_reviewed_on"], member["review_in"]) == ("lead", "2026-06-01", "6 個月")
    lead = next(role for role in data["roles"] if role["id"] == "lead")
    assert "last_reviewed_on" not in lead  # a file without the fields exports as before


def test_new_writes_the_review_fields_with_todays_date(write_handbook, monkeypatch):
    root = write_handbook()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    for kind, name in (("role", "helper"), ("process", "monthly"), ("department", "team")):
        result = handbook_in_process("new", kind, name, "--dir", str(root), "--lang", "en", cwd=root)
        assert result.returncode == 0, result.stderr
    for path in ("roles/helper.yml", "processes/monthly.yml", "departments/team.yml"):
        text = (root / path).read_text(encoding="utf-8")
        assert "last_reviewed_on: 2025-12-01\nreview_in: 1 year\n" in text, path
    fresh = ReviewSettings(today=date(2025, 12, 1))
    assert not [p for p in check_handbook(root, review=fresh).problems if p.code.startswith("HB12")]


def test_review_prints_text_and_github_formats(write_handbook):
    root = write_handbook(
        {
            "roles/member.yml": MEMBER + "last_reviewed_on: 2025-01-01\nreview_in: 6 months\n",
            "roles/lead.yml": "id: lead\ntitle: '組長 %0A::error::x'\nlast_reviewed_on: 2025-12-20\n"
            "review_in: 1 year\n",
        }
    )
    text = handbook_in_process("review", ".", "--today", "2026-12-01", "--lang", "en", cwd=root)
    assert text.returncode == 0
    assert text.stdout.splitlines() == [
        "roles/member.yml:4:19: overdue since 2025-07-01 (518 days): 組員; reviewer: 組長 %0A::error::x (lead)",
        "roles/lead.yml:3:19: due on 2026-12-20: 組長 %0A::error::x; reviewer: 組長 %0A::error::x (lead)",
        "1 overdue, 1 due within 30 days (today: 2026-12-01)",
    ]
    github = handbook_in_process("review", ".", "--today", "2026-12-01", "--format", "github", "--lang", "en", cwd=root)
    lines = github.stdout.splitlines()
    assert lines[0].startswith("::warning file=roles/member.yml,line=4,col=19,title=Review overdue::")
    assert lines[1].startswith("::notice file=roles/lead.yml,line=3,col=19,title=Review due soon::")
    assert "%250A::error::x" in lines[1]  # the value's % cannot become a line break in the annotation
    (root / "roles" / "member.yml").write_text(MEMBER, encoding="utf-8")
    none = handbook_in_process("review", ".", "--today", "2026-01-01", "--lang", "en", "--fail-on-overdue", cwd=root)
    assert none.returncode == 0
    assert none.stdout.strip() == "Nothing is due for review (today: 2026-01-01; 1 files give a review date)"


def test_validate_today_and_the_strict_option_in_mkdocs_yml(write_handbook):
    root = write_handbook({"roles/member.yml": MEMBER + "last_reviewed_on: 2025-01-01\nreview_in: 6 months\n"})
    args = ("validate", ".", "--today", "2026-12-01", "--strict", "--no-cache", "--lang", "en")
    assert handbook_in_process(*args, cwd=root).returncode == 0
    (root / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - handbook:\n      overdue_fails_strict: true\n")
    result = handbook_in_process(*args, cwd=root)
    assert result.returncode == 1 and "HB124" in result.stdout
    assert handbook_in_process("validate", ".", "--today", "2026-02-30", cwd=root).returncode == 2


def test_the_validate_cache_counts_today(write_handbook):
    root = write_handbook({"roles/member.yml": MEMBER + "last_reviewed_on: 2025-01-01\nreview_in: 6 months\n"})
    before = handbook_in_process("validate", ".", "--today", "2025-06-01", "--lang", "en", cwd=root)
    after = handbook_in_process("validate", ".", "--today", "2026-12-01", "--lang", "en", cwd=root)
    assert "HB124" not in before.stdout and "HB124" in after.stdout
    assert "HB124" not in handbook_in_process("validate", ".", "--today", "2025-06-01", cwd=root).stdout


def test_a_period_equals_itself():
    assert Period(6, "month") == parse_period("6 months") == parse_period("６ 個月")


def test_serve_today_holds_for_the_whole_preview(write_handbook, monkeypatch):
    import generator.engines.serve

    root = write_handbook()
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    seen = []
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(
        generator.engines.serve, "serve_handbook", lambda *args, **kwargs: seen.append(today_from_environment())
    )
    previous = Path.cwd()
    try:
        assert handbook_in_process("serve", str(root), "--today", "2026-12-01", cwd=root).returncode == 0
    finally:
        os.chdir(previous)
    assert seen == [date(2026, 12, 1)]
    assert "SOURCE_DATE_EPOCH" not in os.environ
