"""Small handbooks built with real MkDocs: failures, hostile text, hand-written pages, labels."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import WriteHandbook, handbook_in_process
from tests.site.conftest import build_handbook, heading_text, make_site_project, read_html, run_mkdocs
from tests.site.test_safe_text import switch_off_safe_text_rules

NO_OWNER = """\
    id: weekly
    title: 每週例行
    stages:
      - id: plan
        title: 計劃
        steps:
          - id: write-plan
            title: 撰寫計劃
            raci:
              R: [member]
    """


def test_mkdocs_build_fails_with_the_message_the_cli_prints(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook({"processes/weekly.yml": NO_OWNER}))
    cli = handbook_in_process("validate", ".", cwd=root)
    assert cli.returncode == 1
    problem_line = cli.stdout.splitlines()[0]
    assert problem_line.startswith("processes/weekly.yml:9:9: error HB101 ")
    built = run_mkdocs("build", cwd=root)
    assert built.returncode != 0
    assert problem_line in built.stderr
    assert not (root / "site" / "index.html").exists()


def test_a_failed_build_leaves_the_previous_site_untouched(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook())
    assert build_handbook(".", cwd=root).returncode == 0
    before = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert Path("roles/lead/index.html") in before

    (root / "processes" / "weekly.yml").write_text(
        "\n".join(line[4:] for line in NO_OWNER.splitlines()), encoding="utf-8"
    )
    failed = build_handbook(".", cwd=root)
    assert failed.returncode == 1
    assert "HB101" in failed.stderr
    after = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


def test_a_failing_mkdocs_build_also_keeps_the_previous_site(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook())
    assert build_handbook(".", cwd=root).returncode == 0
    marker = (root / "site" / "index.html").read_bytes()
    # The handbook is valid, but a hand-written page links to a missing page: --strict fails the build.
    (root / "docs" / "index.md").write_text("# Home\n\n[missing](nowhere.md)\n", encoding="utf-8")
    failed = build_handbook(".", "--strict", cwd=root)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert (root / "site" / "index.html").read_bytes() == marker


HOSTILE_ROLE = """\
    id: member
    title: "<script>alert('title')</script>組員"
    summary: "<img src=x onerror=alert(1)> 與 {: onclick=\\"alert(2)\\" } 與 | 豎線"
    reports_to: lead
    responsibilities:
      - "**粗體** 與 [連結](https://example.com/a?b=1&c=2)"
      - "<b onmouseover=alert(3)>hover</b>"
      - "第一行\\n# 不是標題\\n- 不是清單"
    """


def test_hostile_text_is_shown_as_text_and_runs_nothing(write_handbook: WriteHandbook) -> None:
    # The safe-text rules would stop these values; off, the renderer alone must keep them text.
    root = switch_off_safe_text_rules(make_site_project(write_handbook({"roles/member.yml": HOSTILE_ROLE})))
    result = build_handbook(".", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    for page_url in ("roles/member", "roles", "processes/weekly/plan", "processes/weekly", "org-chart"):
        page = read_html(root / "site", page_url)
        article = page.select_one("article")
        assert article is not None
        assert not article.select("script, img, b")
        assert not article.select("[onclick], [onerror], [onmouseover]")
    page = read_html(root / "site", "roles/member")
    assert heading_text(page.h1) == "<script>alert('title')</script>組員"
    article = page.select_one("article")
    assert "<img src=x onerror=alert(1)>" in article.get_text()
    # Inline Markdown still works: bold and a link with its query string intact.
    assert "粗體" in [strong.get_text() for strong in article.select("strong")]
    assert article.select_one("a[href^='https://example.com']")["href"] == "https://example.com/a?b=1&c=2"
    # A line break in a value cannot start a heading or a list.
    assert [h.get_text() for h in article.select("h1, h2") if "不是標題" in h.get_text()] == []
    assert any("第一行 # 不是標題 - 不是清單" in li.get_text() for li in article.select("li"))


def test_hand_written_page_is_never_overwritten(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook())
    (root / "docs" / "roles").mkdir()
    (root / "docs" / "roles" / "index.md").write_text("# 我們的角色\n\n親手寫的介紹。\n", encoding="utf-8")
    result = build_handbook(".", cwd=root)
    assert result.returncode == 0, result.stderr
    page = read_html(root / "site", "roles")
    assert heading_text(page.h1) == "我們的角色"
    assert (root / "docs" / "roles" / "index.md").read_text(encoding="utf-8").startswith("# 我們的角色")
    assert heading_text(read_html(root / "site", "roles/lead").h1) == "組長"
    # Generated pages are never written into the docs folder.
    assert sorted(p.name for p in (root / "docs").rglob("*.md")) == ["index.md", "index.md"]


def test_labels_follow_the_theme_language(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook(), language="en")
    assert build_handbook(".", cwd=root).returncode == 0
    page = read_html(root / "site", "processes/weekly/plan")
    text = page.select_one("article").get_text()
    assert "Owner" in text and "Checklist" in text and "當責" not in text
    zh_root = make_site_project(write_handbook(), language="zh-Hant")
    assert build_handbook(".", cwd=zh_root).returncode == 0
    assert "當責" in read_html(zh_root / "site", "processes/weekly/plan").select_one("article").get_text()


def test_navigation_lists_roles_processes_and_stages_in_order(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook())
    assert build_handbook(".", cwd=root).returncode == 0
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    nav = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link")]
    # The head of the reporting line comes before the member.
    assert labels.index("組長") < labels.index("組員")
    assert "計劃" in labels


def test_a_step_written_with_a_former_role_id_shows_the_renamed_role(write_handbook: WriteHandbook) -> None:
    root = make_site_project(
        write_handbook(
            {
                "roles/lead.yml": "id: lead\ntitle: 組長\naliases: [old-lead]\n",
                "processes/weekly.yml": re.sub(r"( +)R: \[member\]", r"\g<0>\n\1A: old-lead", NO_OWNER),
            }
        )
    )
    result = build_handbook(".", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "HB033" in result.stderr  # a warning asks to write the current id
    page = read_html(root / "site", "processes/weekly/plan")
    owner_line = page.find(id="write-plan").find_next("ul").find("li")
    assert "組長" in owner_line.get_text()
    assert owner_line.find("a")["href"].endswith("roles/lead/")
