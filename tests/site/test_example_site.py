"""The example handbook, built for real, read back with an HTML parser."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO
from tests.site.conftest import SearchIndex, heading_text, read_html


def _yaml_files(folder: str) -> list[dict[str, Any]]:
    # Read independently of the tool, with plain PyYAML, to know what the site must show.
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / folder).glob("*.yml"))]


ROLES = _yaml_files("roles")
PROCESSES = _yaml_files("processes")


def test_every_role_has_a_page_with_its_title_and_responsibilities(example_site: Path) -> None:
    assert len(ROLES) >= 6
    for role in ROLES:
        page = read_html(example_site, f"roles/{role['id']}")
        assert page.h1 is not None and heading_text(page.h1) == role["title"]
        items = {li.get_text(" ", strip=True) for li in page.select("article li")}
        for responsibility in role.get("responsibilities", []):
            plain = re.sub(r"\*\*(.+?)\*\*", r"\1", responsibility)
            assert any(plain.replace(" ", "") in item.replace(" ", "") for item in items), responsibility


def test_every_process_and_stage_has_a_page(example_site: Path) -> None:
    for process in PROCESSES:
        page = read_html(example_site, f"processes/{process['id']}")
        assert page.h1 is not None and heading_text(page.h1) == process["title"]
        stage_links = [a.get_text(strip=True) for a in page.select("article h3 a:not(.headerlink)")]
        assert [re.sub(r"^\d+\.\s*", "", text) for text in stage_links] == [s["title"] for s in process["stages"]]
        for stage in process["stages"]:
            stage_page = read_html(example_site, f"processes/{process['id']}/{stage['id']}")
            assert stage_page.h1 is not None and heading_text(stage_page.h1) == stage["title"]


def test_stage_page_has_one_checkbox_per_checklist_item_and_an_anchor_per_step(example_site: Path) -> None:
    total = 0
    for process in PROCESSES:
        for stage in process["stages"]:
            page = read_html(example_site, f"processes/{process['id']}/{stage['id']}")
            expected = sum(len(step.get("checklist", [])) for step in stage["steps"])
            boxes = page.select("article li.task-list-item input[type=checkbox]")
            assert len(boxes) == expected
            for step in stage["steps"]:
                heading = page.find(id=step["id"])
                assert heading is not None and heading.name == "h2"
                assert step["title"] in heading.get_text()
            total += expected
    assert total > 0


def test_stage_page_names_each_steps_owner(example_site: Path) -> None:
    titles = {role["id"]: role["title"] for role in ROLES}
    process = PROCESSES[0]
    stage = process["stages"][0]
    page = read_html(example_site, f"processes/{process['id']}/{stage['id']}")
    for step in stage["steps"]:
        heading = page.find(id=step["id"])
        facts = heading.find_next("ul")
        owner_line = facts.find("li").get_text()
        assert titles[step["raci"]["A"]] in owner_line


def test_role_page_lists_every_step_the_role_takes_part_in(example_site: Path) -> None:
    for role in ROLES:
        expected = set()
        for process in PROCESSES:
            for stage in process["stages"]:
                for step in stage["steps"]:
                    raci = step["raci"]
                    named = [*raci.get("R", []), raci["A"], *raci.get("C", []), *raci.get("I", [])]
                    if role["id"] in named:
                        expected.add(f"../../processes/{process['id']}/{stage['id']}/#{step['id']}")
        page = read_html(example_site, f"roles/{role['id']}")
        # The step column of the role's one steps table.
        linked = {a["href"] for a in page.select("article table.handbook-steps__table td[data-label='步驟'] a")}
        assert linked == expected, role["id"]


def test_process_page_has_a_raci_matrix_and_a_mermaid_flow(example_site: Path) -> None:
    process = PROCESSES[0]
    page = read_html(example_site, f"processes/{process['id']}")
    table = page.select_one("article table.handbook-raci__table")
    rows = table.select("tbody tr:not(.handbook-raci__stage)")
    assert len(rows) == sum(len(stage["steps"]) for stage in process["stages"])
    owners = [cell.get_text(strip=True) for row in rows for cell in row.find_all("td") if "A" in cell.get_text()]
    assert len(owners) == len(rows)  # exactly one A per row
    diagram = page.select_one("pre.mermaid, div.mermaid")
    assert diagram is not None
    for stage in process["stages"]:
        assert stage["title"] in diagram.get_text()


def test_org_chart_shows_every_department_role_once_as_a_linked_tree(example_site: Path) -> None:
    page = read_html(example_site, "org-chart")
    # One chart, not a drawing beside it that repeats the tree.
    assert page.select("pre.mermaid, div.mermaid") == []
    boxes = page.select("article a.handbook-org-box:not(.handbook-org-external)")
    by_title = {box.get_text(strip=True): box for box in boxes}
    titles = {role["title"]: role for role in ROLES}
    for role in ROLES:
        if not role.get("external"):
            assert by_title[role["title"]]["href"].endswith(f"roles/{role['id']}/")
    assert len(boxes) == sum(1 for role in ROLES if not role.get("external"))
    # Each report sits in its manager's list.
    for box in boxes:
        role = titles[box.get_text(strip=True)]
        parent_item = box.find_parent("li").find_parent("li")
        if role.get("reports_to"):
            manager = parent_item.find("a", class_="handbook-org-box", recursive=False)
            assert manager.get_text(strip=True) == next(r["title"] for r in ROLES if r["id"] == role["reports_to"])


def test_edit_button_of_a_generated_page_opens_its_yaml(example_site: Path) -> None:
    page = read_html(example_site, "roles/market-research")
    edit = page.select_one("a.md-content__button[href*='/edit/']")
    assert edit is not None
    assert edit["href"] == "https://git.example.com/marketing/handbook/edit/main/roles/market-research.yml"
    stage = read_html(example_site, "processes/marketing-management/plan")
    edit = stage.select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"].endswith("/edit/main/processes/marketing-management.yml")


def test_hand_written_pages_are_built_too(example_site: Path) -> None:
    for url in ("", "editing"):
        page = read_html(example_site, url)
        assert page.h1 is not None


def test_rules_page_lists_every_rule(example_site: Path) -> None:
    from generator.rules import RULES

    page = read_html(example_site, "rules")
    for rule in RULES:
        assert page.find(id=rule.id.lower()) is not None


@pytest.fixture(scope="module")
def search_index(example_site: Path) -> SearchIndex:
    return SearchIndex(example_site)


def test_search_finds_a_chinese_word_inside_a_longer_one(search_index: SearchIndex) -> None:
    # 調研 is written inside longer words (問卷調研, 市場調研專員): its characters side by side
    # are one token of the index, and the token leads to the research role.
    assert search_index.tokens("調研") == search_index.tokens("调研")  # Simplified finds Traditional
    assert "roles/market-research/" in search_index.pages_with_words("調研")
    assert "roles/market-research/" in search_index.pages_with_words("调研")


def test_no_page_loads_anything_from_a_cdn_font_service(example_site: Path) -> None:
    for html in example_site.rglob("*.html"):
        assert "fonts.googleapis.com" not in html.read_text(encoding="utf-8"), html
