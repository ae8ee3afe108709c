"""Issue 10: the RACI matrix, a role's one steps table and the pages without "—" rows, read from real builds.

Expected values come from the YAML files read with plain PyYAML and from words written
here by hand, never from the tool.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup

from tests.conftest import REPO, WriteHandbook
from tests.site.conftest import build_in_process, make_site_project, read_html

# How the zh-Hant pages spell out each letter (generator/render/labels.py keys
# responsible, owner, consulted, informed).
SPELLED = {"R": "負責執行", "A": "當責", "C": "諮詢", "I": "知會"}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


ROLES = {path.stem: _load(path) for path in sorted((REPO / "roles").glob("*.yml"))}
PROCESSES = [_load(path) for path in sorted((REPO / "processes").glob("*.yml"))]


def _named(step: dict[str, Any], letter: str) -> list[str]:
    value = step["raci"].get(letter, [])
    return [value] if isinstance(value, str) else list(value)


def _letters(step: dict[str, Any], role_id: str) -> list[str]:
    return [letter for letter in "RACI" if role_id in _named(step, letter)]


def _reading_order() -> list[str]:
    """Department roles from the head down (the head has no reports_to), then external teams, file order within."""
    department = [rid for rid, role in ROLES.items() if not role.get("external")]
    heads = [rid for rid in department if "reports_to" not in ROLES[rid]]
    return (
        heads
        + [rid for rid in department if rid not in heads]
        + [rid for rid, role in ROLES.items() if role.get("external")]
    )


def _text(element: Any) -> str:
    return " ".join(element.get_text().split())


def _resolve(page_url: str, href: str) -> str:
    parts = urlsplit(urljoin("http://handbook.test/" + page_url, href))
    return unquote(parts.path.removeprefix("/") + (f"#{parts.fragment}" if parts.fragment else ""))


# --- the matrix -----------------------------------------------------------------------------------


def test_the_matrix_has_only_the_roles_taking_part_and_a_row_header_per_step(example_site: Path) -> None:
    widths = []
    for process in PROCESSES:
        url = f"processes/{process['id']}/"
        table = read_html(example_site, url).select_one("article table.handbook-raci__table")
        taking_part = {
            rid
            for stage in process["stages"]
            for step in stage["steps"]
            for letter in "RACI"
            for rid in _named(step, letter)
        }
        columns = [th for th in table.select("thead th.handbook-raci__role")]
        assert [_resolve(url, th.a["href"]) for th in columns] == [
            f"roles/{rid}/" for rid in _reading_order() if rid in taking_part
        ]
        widths.append(len(columns))
        column_ids = [_resolve(url, th.a["href"]).split("/")[1] for th in columns]
        groups = table.select("tbody")
        assert [_text(g.select_one("tr.handbook-raci__stage th")) for g in groups] == [
            stage["title"] for stage in process["stages"]
        ]
        for group, stage in zip(groups, process["stages"], strict=True):
            rows = group.select("tr:not(.handbook-raci__stage)")
            assert len(rows) == len(stage["steps"])
            for row, step in zip(rows, stage["steps"], strict=True):
                header = row.find("th", scope="row")
                assert _text(header) == step["title"]
                assert _resolve(url, header.a["href"]) == f"processes/{process['id']}/{stage['id']}/#{step['id']}"
                cells = row.find_all("td")
                assert [[abbr.get_text() for abbr in cell("abbr")] for cell in cells] == [
                    _letters(step, rid) for rid in column_ids
                ]
                # Each letter is spelled out in its tooltip.
                for cell in cells:
                    for abbr in cell("abbr"):
                        assert abbr["title"] == SPELLED[abbr.get_text()]
        legend = read_html(example_site, url).select_one("article .handbook-raci__legend")
        assert legend is not None and all(word in legend.get_text() for word in ("負責執行", "諮詢", "知會"))
    assert min(widths) < len(ROLES)  # a process some roles take no part in has no column for them


def test_the_phone_view_lists_each_steps_roles_letter_by_letter(example_site: Path) -> None:
    titles = {rid: role["title"] for rid, role in ROLES.items()}
    for process in PROCESSES:
        url = f"processes/{process['id']}/"
        cards = read_html(example_site, url).select("article .handbook-raci__steps .handbook-raci__card")
        steps = [step for stage in process["stages"] for step in stage["steps"]]
        assert len(cards) == len(steps)
        for card, step in zip(cards, steps, strict=True):
            assert _text(card.select_one(".handbook-raci__card-title")) == step["title"]
            found = [
                (_text(dt), [a.get_text() for a in dd("a")]) for dt, dd in zip(card("dt"), card("dd"), strict=True)
            ]
            expected = [
                (f"{SPELLED[letter]} {letter}", [titles[rid] for rid in _named(step, letter)])
                for letter in "ARCI"
                if _named(step, letter)
            ]
            assert found == expected, step["id"]


# --- a role's page --------------------------------------------------------------------------------


def test_a_role_page_has_one_steps_table_with_spelled_out_letters_and_due(example_site: Path) -> None:
    for role_id in ROLES:
        url = f"roles/{role_id}/"
        article = read_html(example_site, url).select_one("article")
        tables = article.select("table")
        assert len(tables) == 1, role_id
        assert [_text(th) for th in tables[0].select("thead th")] == ["流程", "階段", "步驟", "你的角色", "期限"]
        expected = [
            (
                [process["title"], stage["title"], step["title"], "、".join(SPELLED[x] for x in letters)],
                step.get("due", ""),
                f"processes/{process['id']}/{stage['id']}/#{step['id']}",
            )
            for process in PROCESSES
            for stage in process["stages"]
            for step in stage["steps"]
            if (letters := _letters(step, role_id))
        ]
        rows = tables[0].select("tbody tr")
        found = [
            (
                [_text(td) for td in row("td")[:4]],
                _text(row("td")[4]),
                _resolve(url, row("td")[2].a["href"]),
            )
            for row in rows
        ]
        assert found == expected, role_id


def test_no_page_prints_a_row_for_an_empty_field(write_handbook: WriteHandbook) -> None:
    # A step with no due date, outputs, C or I; a role with no manager and no reports.
    root = make_site_project(write_handbook({"roles/solo.yml": "id: solo\ntitle: 獨立角色\n"}))
    weekly = re.sub(r"( *)A: lead\n", r"\1A: lead\n\1I: [solo]\n", (root / "processes/weekly.yml").read_text("utf-8"))
    (root / "processes/weekly.yml").write_text(weekly, encoding="utf-8")
    build_in_process(root, strict=True)
    for url in ("roles/solo", "roles/lead", "roles/member", "processes/weekly/plan"):
        article = read_html(root / "site", url).select_one("article")
        items = [_text(li) for li in article("li")]
        assert items and not [text for text in items if text.endswith("—")], (url, items)
        assert "—" not in [_text(td) for td in article("td")], url
    stage = read_html(root / "site", "processes/weekly/plan").select_one("article")
    assert "期限" not in stage.get_text() and "產出" not in stage.get_text()


def test_department_role_has_a_copy_button_next_to_its_permalink(example_site: Path) -> None:
    article = read_html(example_site, "roles/market-research").select_one("article")
    button = article.select_one("button.handbook-copy-link")
    assert button is not None
    # Hidden until the script runs: without JavaScript the link is the way to copy.
    assert button.has_attr("hidden")
    assert (button.get_text(strip=True), button["data-copied"]) == ("複製連結", "已複製")
    assert button.find_previous_sibling("a")["class"] == ["handbook-permalink"]


def _links_in_raw_html(site: Path, url: str) -> list[str]:
    article = read_html(site, url).select_one("article")
    anchors = article.select(".handbook-raci a, .handbook-steps a")
    assert anchors, url
    return [a["href"] for a in anchors]


def _target_file(site: Path, page_file: Path, href: str) -> Path:
    path = unquote(urlsplit(href).path)
    target = (page_file.parent / path).resolve()
    return target / "index.html" if href.split("#")[0].endswith("/") or target.is_dir() else target


def test_links_in_the_matrix_and_steps_table_reach_real_pages(example_site: Path) -> None:
    for url in ("processes/marketing-management", "roles/market-research", "roles/design-team"):
        page_file = example_site / url / "index.html"
        for href in _links_in_raw_html(example_site, url):
            target = _target_file(example_site, page_file, href)
            assert target.is_file(), (url, href)
            fragment = urlsplit(href).fragment
            if fragment:
                assert BeautifulSoup(target.read_text("utf-8"), "html.parser").find(id=fragment), (url, href)


def test_links_in_raw_html_follow_the_sites_url_style(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook())
    config = root / "mkdocs.yml"
    config.write_text("use_directory_urls: false\n" + config.read_text("utf-8"), encoding="utf-8")
    build_in_process(root, strict=True)
    site = root / "site"
    page_file = site / "processes/weekly/index.html"
    article = BeautifulSoup(page_file.read_text("utf-8"), "html.parser").select_one("article")
    hrefs = [a["href"] for a in article.select(".handbook-raci a")]
    assert "../../roles/lead.html" in hrefs and "plan.html#write-plan" in hrefs
    for href in hrefs:
        assert (page_file.parent / unquote(urlsplit(href).path)).resolve().is_file(), href
