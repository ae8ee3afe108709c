"""Finding the way in a built site: sidebar order, one site title, stage to stage, the org chart, no empty rows."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from tests.conftest import WriteHandbook
from tests.site.conftest import build_in_process, heading_text, make_site_project, read_html
from tests.site.test_example_site import PROCESSES, ROLES

SITE_NAME = "市場營銷部手冊"  # mkdocs.yml's site_name, written here by hand


def _top_level_entries(page: BeautifulSoup) -> list[str]:
    """The primary sidebar's top-level entries: a section's title, or a page link's text."""
    top = page.select_one("nav.md-nav--primary > ul.md-nav__list")
    entries = []
    for item in top.find_all("li", recursive=False):
        label = item.find(class_="md-nav__link", recursive=False)
        entries.append(label.get_text(" ", strip=True))
    return entries


def _section_links(page: BeautifulSoup, title: str) -> list[str]:
    top = page.select_one("nav.md-nav--primary > ul.md-nav__list")
    for item in top.find_all("li", recursive=False):
        label = item.find(class_="md-nav__link", recursive=False)
        if label.get_text(" ", strip=True) == title:
            return [a.get_text(" ", strip=True) for a in item.select("a.md-nav__link")]
    raise AssertionError(f"no section {title}")


def test_readers_sections_come_first_and_the_editors_section_last(example_site: Path) -> None:
    page = read_html(example_site, "")
    assert _top_level_entries(page) == [
        "首頁",
        "角色",
        "流程",
        "組織圖",
        "人員",
        "文件一覽",
        "指標一覽",
        "術語表",
        "維護手冊",
    ]
    assert _section_links(page, "維護手冊") == ["如何編輯本手冊", "待審閱", "驗證規則一覽"]
    # The editors' pages are nowhere else in the sidebar.
    links = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    assert links.count("如何編輯本手冊") == 1 and links.count("驗證規則一覽") == 1


def test_the_site_title_is_in_the_sidebar_once(example_site: Path) -> None:
    for url in ("", "roles/market-research", "processes/marketing-management/plan", "org-chart"):
        sidebar = read_html(example_site, url).select_one("nav.md-nav--primary")
        texts = [text.strip() for text in sidebar.find_all(string=True) if text.strip()]
        assert texts.count(SITE_NAME) == 1, (url, texts[:4])


def _pager(page: BeautifulSoup) -> dict[str, str]:
    pager = page.select_one("article .handbook-stage-pager")
    return {} if pager is None else {a["rel"][0]: a["href"] for a in pager.find_all("a")}


def test_every_stage_links_to_the_previous_and_next_stage_of_its_process(example_site: Path) -> None:
    for process in PROCESSES:
        ids = [stage["id"] for stage in process["stages"]]
        titles = [stage["title"] for stage in process["stages"]]
        for index, stage_id in enumerate(ids):
            page = read_html(example_site, f"processes/{process['id']}/{stage_id}")
            links = _pager(page)
            expected = {}
            if index > 0:
                expected["prev"] = f"../{ids[index - 1]}/"
            if index + 1 < len(ids):
                expected["next"] = f"../{ids[index + 1]}/"
            assert links == expected, (stage_id, links)
            text = page.select_one("article .handbook-stage-pager").get_text(" ", strip=True)
            if index > 0:
                assert f"上一階段：{titles[index - 1]}" in text
            if index + 1 < len(ids):
                assert f"下一階段：{titles[index + 1]}" in text


def test_a_one_stage_process_has_no_pager(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook())
    build_in_process(root, strict=True)
    assert _pager(read_html(root / "site", "processes/weekly/plan")) == {}
    assert read_html(root / "site", "processes/weekly/plan").select(".handbook-stage-pager") == []


def _resolve(page_url: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(page_url, href)) + "/"


def test_org_chart_boxes_link_to_role_pages_in_a_tree_with_external_teams_apart(example_site: Path) -> None:
    page = read_html(example_site, "org-chart")
    article = page.select_one("article")
    internal = {role["id"]: role for role in ROLES if not role.get("external")}
    external = {role["id"]: role for role in ROLES if role.get("external")}
    assert internal and external
    tree_boxes = [a for a in article.select("a.handbook-org-box") if "handbook-org-external" not in a["class"]]
    external_boxes = article.select("a.handbook-org-external")
    # Every department role once in the tree, each box a link to the role's page.
    assert sorted(_resolve("org-chart/", a["href"]) for a in tree_boxes) == sorted(f"roles/{i}/" for i in internal)
    assert sorted(_resolve("org-chart/", a["href"]) for a in external_boxes) == sorted(f"roles/{i}/" for i in external)
    for box in [*tree_boxes, *external_boxes]:
        role_id = _resolve("org-chart/", box["href"]).split("/")[1]
        assert box.get_text(strip=True) == {**internal, **external}[role_id]["title"]
    # Reports sit in the list nested under their manager's box.
    for box in tree_boxes:
        role = internal[_resolve("org-chart/", box["href"]).split("/")[1]]
        parent_item = box.parent.find_parent("li")
        if role.get("reports_to") in internal:
            manager_box = parent_item.find("a", class_="handbook-org-box", recursive=False)
            assert _resolve("org-chart/", manager_box["href"]) == f"roles/{role['reports_to']}/"
        else:
            assert parent_item is None
    # The external teams come after their own heading, apart from the tree.
    heading = next(h for h in article.select("h2") if heading_text(h) == "合作團隊")
    assert all(box in heading.find_all_next("a") for box in external_boxes)
    assert not any(box in heading.find_all_next("a") for box in tree_boxes)


def test_a_deep_reporting_line_stops_indenting_and_names_the_manager(write_handbook: WriteHandbook) -> None:
    files = {f"roles/level-{n}.yml": f"id: level-{n}\ntitle: 層級{n}\nreports_to: level-{n - 1}\n" for n in range(1, 9)}
    files["roles/level-1.yml"] = "id: level-1\ntitle: 層級1\nreports_to: member\n"
    root = make_site_project(write_handbook(files))
    build_in_process(root)
    article = read_html(root / "site", "org-chart").select_one("article")
    # lead > member > level-1 … level-8: ten levels; six get their own indentation.
    depths = {}
    for box in article.select("a.handbook-org-box"):
        depths[box.get_text(strip=True)] = len(box.find_parents("ul")) - 1
    assert depths["組長"] == 0 and depths["組員"] == 1 and depths["層級4"] == 5
    assert depths["層級5"] == depths["層級8"] == 5
    item = article.find("a", string="層級6").parent
    assert [a.get_text() for a in item.find_all("a", recursive=False)] == ["層級6", "層級5"]
    assert "↑" in item.get_text()


def _article_texts(site: Path, url: str) -> Any:
    return read_html(site, url).select_one("article").get_text(" ", strip=True)


def test_no_dash_rows_for_empty_fields(example_site: Path, write_handbook: WriteHandbook) -> None:
    for url in ("roles", "processes", "org-chart", "documents", "metrics", "glossary", ""):
        assert "—" not in _article_texts(example_site, url), url
    # A handbook with no summaries and no external teams: no summary column, no external-teams section.
    root = make_site_project(write_handbook())
    build_in_process(root, strict=True)
    roles = read_html(root / "site", "roles")
    assert [th.get_text(strip=True) for th in roles.select("article table th")] == ["角色", "直屬主管"]
    assert [heading_text(h) for h in roles.select("article h2")] == ["部門角色"]
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in roles.select("article tbody tr")]
    assert rows == [["組長", ""], ["組員", "組長"]]
    processes = read_html(root / "site", "processes")
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in processes.select("article tbody tr")]
    assert rows == [["每週例行", "", "計劃", "組長"]]
    assert "—" not in _article_texts(root / "site", "org-chart")
    assert "合作團隊" not in _article_texts(root / "site", "org-chart")
