"""Issue 4's content for new hires and HR, read back from real builds.

Expected values come from the YAML files read with plain PyYAML, never from the tool.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import REPO, WriteHandbook, handbook_in_process
from tests.site.conftest import SearchIndex, build_handbook, heading_text, make_site_project, read_html

SITE = "http://handbook.test/"


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


ROLES = {path.stem: _load(path) for path in sorted((REPO / "roles").glob("*.yml"))}
PROCESSES = [_load(path) for path in sorted((REPO / "processes").glob("*.yml"))]
GLOSSARY = _load(REPO / "glossary.yml")["terms"]


def _steps() -> list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    return [(p, stage, step) for p in PROCESSES for stage in p["stages"] for step in stage["steps"]]


def _letters(step: dict[str, Any], role_id: str) -> set[str]:
    raci = step["raci"]
    found = {letter for letter in "RCI" if role_id in raci.get(letter, [])}
    accountable = raci["A"] if isinstance(raci["A"], list) else [raci["A"]]
    return found | ({"A"} if role_id in accountable else set())


def _resolve(page_url: str, href: str) -> str:
    """A link on the page at `page_url` (e.g. `roles/x/`) as a site path with its fragment, unquoted."""
    parts = urlsplit(urljoin(SITE + page_url, href))
    path = parts.path.removeprefix("/")
    return unquote(path + (f"#{parts.fragment}" if parts.fragment else ""))


def _step_url(process: dict[str, Any], stage: dict[str, Any], step: dict[str, Any]) -> str:
    return f"processes/{process['id']}/{stage['id']}/#{step['id']}"


# --- 1. links that never break ---------------------------------------------------------


def _refresh_target(html: str) -> tuple[str, str, str]:
    page = BeautifulSoup(html, "html.parser")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    canonical = page.find("link", rel="canonical")
    assert refresh is not None and canonical is not None
    url = re.fullmatch(r"0; url=(.+)", refresh["content"])
    assert url is not None
    script = page.find("script")
    assert script is not None
    return url.group(1), canonical["href"], script.get_text()


def test_an_old_role_id_redirects_to_the_renamed_role_keeping_the_anchor(example_site: Path) -> None:
    renamed = [(alias, role_id) for role_id, role in ROLES.items() for alias in role.get("aliases", [])]
    assert renamed, "the example should show a renamed role"
    for alias, role_id in renamed:
        old_url = f"roles/{alias}/"
        target, canonical, script = _refresh_target((example_site / old_url / "index.html").read_text("utf-8"))
        assert _resolve(old_url, target) == f"roles/{role_id}/"
        assert _resolve(old_url, canonical) == f"roles/{role_id}/"
        assert "location.hash" in script  # the meta refresh alone would drop #step-id
        assert (example_site / f"roles/{role_id}/index.html").is_file()


def test_an_old_process_id_redirects_every_stage_page(example_site: Path) -> None:
    renamed = [(alias, p) for p in PROCESSES for alias in p.get("aliases", [])]
    assert renamed, "the example should show a renamed process"
    for alias, process in renamed:
        pages = [("", "")] + [(f"{stage['id']}/", f"{stage['id']}/") for stage in process["stages"]]
        for old_tail, new_tail in pages:
            old_url = f"processes/{alias}/{old_tail}"
            target, _, _ = _refresh_target((example_site / old_url / "index.html").read_text("utf-8"))
            assert _resolve(old_url, target) == f"processes/{process['id']}/{new_tail}"


def test_role_page_shows_a_permanent_link(example_site: Path) -> None:
    page = read_html(example_site, "roles/market-research")
    link = page.select_one("article a.handbook-permalink")
    assert link is not None
    # The example's mkdocs.yml sets site_url: the full address HR pastes, site address + the role's.
    assert link.get_text(strip=True) == "https://handbook.example.com/marketing/roles/market-research/"
    assert link["href"] == link.get_text(strip=True)


def test_permanent_link_uses_site_url_and_redirect_works_in_a_fixture(write_handbook: WriteHandbook) -> None:
    root = make_site_project(
        write_handbook({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\naliases: [helper]\n"}),
        site_url="https://hr.example.com/handbook/",
    )
    assert build_handbook(".", "--strict", cwd=root).returncode == 0
    page = read_html(root / "site", "roles/member")
    link = page.select_one("article a.handbook-permalink")
    assert link is not None
    assert link["href"] == link.get_text(strip=True) == "https://hr.example.com/handbook/roles/member/"
    target, _, _ = _refresh_target((root / "site/roles/helper/index.html").read_text("utf-8"))
    assert _resolve("roles/helper/", target) == "roles/member/"


# --- 2. what is my job here --------------------------------------------------------------


def _section_items(page: BeautifulSoup, heading: str) -> list[Any]:
    """The list items between an h2 with this text and the next h2."""
    start = next(h for h in page.select("article h2") if heading_text(h) == heading)
    items = []
    for element in start.find_all_next():
        if element.name == "h2":
            break
        if element.name == "li":
            items.append(element)
    return items


def test_role_page_shows_the_reporting_line_up_to_the_top(write_handbook: WriteHandbook) -> None:
    root = make_site_project(
        write_handbook({"roles/intern.yml": "id: intern\ntitle: 實習生\nreports_to: member\n"}), language="en"
    )
    # Not --strict: the intern takes part in no step, which is only a warning.
    assert build_handbook(".", cwd=root).returncode == 0
    page = read_html(root / "site", "roles/intern")
    line = next(li for li in page.select("article li") if li.get_text().startswith("Reporting line"))
    assert [a.get_text() for a in line.find_all("a")] == ["組員", "組長"]
    assert [_resolve("roles/intern/", a["href"]) for a in line.find_all("a")] == ["roles/member/", "roles/lead/"]


def _phase_items(page: BeautifulSoup) -> dict[str, list[Any]]:
    """The onboarding plan: each h3 phase under "到職頭幾週" with the list items below it."""
    start = next(h for h in page.select("article h2") if heading_text(h) == "到職頭幾週")
    phases: dict[str, list[Any]] = {}
    current: list[Any] = []
    for element in start.find_all_next():
        if element.name == "h2":
            break
        if element.name == "h3":
            current = phases.setdefault(heading_text(element), [])
        elif element.name == "li":
            current.append(element)
    return phases


@pytest.mark.parametrize("role_id", ["market-research", "event-planning"])
def test_role_page_has_a_first_weeks_plan_made_from_the_data(example_site: Path, role_id: str) -> None:
    role = ROLES[role_id]
    titles = {rid: r["title"] for rid, r in ROLES.items()}
    mine = [(p, stage, step) for p, stage, step in _steps() if _letters(step, role_id)]
    working = [(p, stage, step) for p, stage, step in mine if _letters(step, role_id) & {"R", "A"}]
    following = [(p, stage, step) for p, stage, step in mine if not _letters(step, role_id) & {"R", "A"}]

    page = read_html(example_site, f"roles/{role_id}")
    phases = _phase_items(page)
    # Three phases, in this order, each a task list to tick.
    assert list(phases) == ["第 1 週：安頓下來", "第 2 週：熟悉你要做的步驟", "第 3–4 週：交出第一份成果"]
    assert all(li.find("input", type="checkbox") for items in phases.values() for li in items)

    def texts(items: list[Any]) -> list[str]:
        return [" ".join(li.get_text().split()) for li in items]

    week1, week2, week3 = phases.values()
    # Week 1: the manager, the buddy, the accounts, the tools, then the processes in handbook order.
    # The person holding each role follows its title, from people/ (written by hand: 王建宏 is the
    # department head; 李曉雯 and 黃志偉 are the two buddies).
    holder = {"marketing-head": "王建宏", "customer-relations": "李曉雯", "brand-promotion": "黃志偉"}
    expected_week1 = [
        f"和直屬主管談談頭一個月的重點：{titles[role['reports_to']]}（{holder[role['reports_to']]}）",
        f"認識你的帶路夥伴，小問題先問他：{titles[role['buddy']]}（{holder[role['buddy']]}）",
        *(f"申請帳號：{item}" for item in role["accounts"]),
        *(f"準備工具：{item}" for item in role["tools"]),
    ]
    assert texts(week1)[: len(expected_week1)] == expected_week1
    processes = list(dict.fromkeys(p["id"] for p, _, _ in mine))
    assert [_resolve(f"roles/{role_id}/", li.a["href"]) for li in week1[len(expected_week1) :]] == [
        f"processes/{pid}/" for pid in processes
    ]
    # Week 2: every step the role does (R or A) in process, stage and step order, then its documents.
    step_items = [li for li in week2 if "學會產出文件" not in li.get_text()]
    assert [_resolve(f"roles/{role_id}/", li.a["href"]) for li in step_items] == [
        _step_url(p, s, st) for p, s, st in working
    ]
    for (_, _, step), li in zip(working, step_items, strict=True):
        consulted = [titles[c] for c in step["raci"].get("C", []) if c != role_id]
        assert [a.get_text() for a in li("a")[1:]] == consulted
    assert {li.a.get_text() for li in week2 if "學會產出文件" in li.get_text()} == {
        name for _, _, step in working for name in step.get("outputs", [])
    }
    # Weeks 3-4: the first deliverable, then the steps the role is only consulted on or told of.
    assert texts(week3)[0] == f"交出第一份成果：{role['first_deliverable']}"
    assert [_resolve(f"roles/{role_id}/", li.a["href"]) for li in week3[1:]] == [
        _step_url(p, s, st) for p, s, st in following
    ]


def test_external_team_pages_have_no_permalink_and_no_plan(example_site: Path) -> None:
    external = [rid for rid, role in ROLES.items() if role.get("external")]
    assert len(external) >= 3
    for role_id in external:
        page = read_html(example_site, f"roles/{role_id}")
        article = page.select_one("article")
        assert article.select("a.handbook-permalink, .handbook-copy-link") == [], role_id
        assert "永久連結" not in article.get_text(), role_id
        assert "到職頭幾週" not in {heading_text(h) for h in article.select("h2")}, role_id
        # They still list the steps they work on.
        assert article.select_one("table.handbook-steps__table") is not None, role_id


def test_role_page_lists_the_checklist_items_of_every_step_it_does(example_site: Path) -> None:
    for role_id in ROLES:
        expected = {
            _step_url(p, s, st): st.get("checklist", [])
            for p, s, st in _steps()
            if _letters(st, role_id) & {"R", "A"} and st.get("checklist")
        }
        page = read_html(example_site, f"roles/{role_id}")
        found: dict[str, list[str]] = {}
        for heading in page.select("article h3"):
            link = heading.find("a", class_=lambda c: c != "headerlink")
            if link is None or "#" not in link["href"]:
                continue
            box_list = heading.find_next_sibling("ul")
            found[_resolve(f"roles/{role_id}/", link["href"])] = [
                " ".join(li.get_text().split()) for li in box_list.select("li.task-list-item")
            ]
        assert found == expected, role_id


# --- 3. documents and metrics ------------------------------------------------------------


def test_documents_page_links_producers_and_users_both_ways(example_site: Path) -> None:
    produced: dict[str, set[str]] = {}
    used: dict[str, set[str]] = {}
    for process, stage, step in _steps():
        for name in step.get("outputs", []):
            produced.setdefault(name, set()).add(_step_url(process, stage, step))
        for name in step.get("inputs", []):
            used.setdefault(name, set()).add(_step_url(process, stage, step))
    # The reports flow from one stage to the next in the example.
    for name in ("市場趨勢分析報告", "營銷執行方案", "日報", "周報", "復盤報告"):
        assert produced.get(name) and used.get(name), name

    page = read_html(example_site, "documents")
    for name in produced.keys() | used.keys():
        heading = next(h for h in page.select("article h2") if heading_text(h) == name)
        facts = heading.find_next_sibling("ul").find_all("li", recursive=False)
        produced_links = {_resolve("documents/", a["href"]) for a in facts[0].find_all("a")}
        used_links = {_resolve("documents/", a["href"]) for a in facts[2].find_all("a")}
        assert produced_links == produced.get(name, set()), name
        assert used_links == used.get(name, set()), name
        # ... and back: the stage page of each of those steps links to this entry.
        for step_url in produced_links | used_links:
            stage_url, step_id = step_url.split("#")
            stage_page = read_html(example_site, stage_url)
            facts_list = stage_page.find(id=step_id).find_next_sibling("ul")
            back = {_resolve(stage_url, a["href"]) for a in facts_list.find_all("a")}
            assert f"documents/#{heading['id']}" in back, (name, step_url)


def test_metrics_page_names_the_roles_that_watch_each_metric(example_site: Path) -> None:
    watchers: dict[str, set[str]] = {}
    for role_id, role in ROLES.items():
        for metric in role.get("metrics", []):
            watchers.setdefault(metric, set()).add(f"roles/{role_id}/")
    page = read_html(example_site, "metrics")
    found = {
        " ".join(row.find("td").get_text().split()): {_resolve("metrics/", a["href"]) for a in row("td")[1]("a")}
        for row in page.select("article tbody tr")
    }
    assert found == watchers


# --- 4. glossary -------------------------------------------------------------------------


def test_glossary_page_lists_every_term(example_site: Path) -> None:
    page = read_html(example_site, "glossary")
    sections = {heading_text(h2): h2 for h2 in page.select("article h2")}
    assert set(sections) == {term["term"] for term in GLOSSARY}
    for term in GLOSSARY:
        heading = sections[term["term"]]
        text = " ".join(element.get_text() for element in heading.find_next_siblings(limit=3))
        assert term["explanation"] in text
        for synonym in term.get("synonyms", []):
            assert synonym in text


def test_abbreviations_show_their_meaning_on_ordinary_pages(example_site: Path) -> None:
    gmv = next(term for term in GLOSSARY if term["term"] == "GMV")
    page = read_html(example_site, "processes/marketing-management/monitor")
    abbrs = [abbr for abbr in page.select("article abbr") if abbr.get_text() == "GMV"]
    assert abbrs, "GMV in the step text should carry a tooltip"
    assert gmv["expansion"] in abbrs[0]["title"] and gmv["explanation"] in abbrs[0]["title"]
    # The definitions themselves never show as text.
    assert "*[GMV]" not in page.get_text()


def test_hostile_glossary_text_stays_text(write_handbook: WriteHandbook) -> None:
    glossary = (
        "terms:\n"
        "  - term: ABC\n"
        "    explanation: '<script>alert(1)</script> \"quoted\" & more'\n"
        "  - term: 'X]Y'\n"
        "    explanation: '<img src=x onerror=alert(1)>'\n"
    )
    root = make_site_project(write_handbook({"glossary.yml": glossary}), home="# Home\n\nABC and X]Y here.\n")
    # Raw HTML in text is a warning (not --strict here): the site must stay safe anyway.
    result = build_handbook(".", cwd=root)
    assert result.returncode == 0, result.stderr
    for url in ("", "glossary"):
        page = read_html(root / "site", url)
        article = page.select_one("article")
        assert not article.find_all(["script", "img"])
    home = read_html(root / "site", "").select_one("article")
    abbr = home.find("abbr")
    assert abbr is not None and abbr["title"] == '<script>alert(1)</script> "quoted" & more'
    # A term that cannot be an abbreviation is left out, not shown as a stray line.
    assert "*[" not in home.get_text()


# --- 4. search knows the handbook's names whole -------------------------------------------


def test_search_names_every_glossary_term_and_role_title(example_site: Path) -> None:
    # A query that is exactly a term, a synonym or a role's title is a name the box ranks first.
    index = SearchIndex(example_site)
    for term in GLOSSARY:
        for word in (term["term"], *term.get("synonyms", [])):
            assert "glossary/" in index.pages_named(str(word)), word
    for role_id, role in ROLES.items():
        assert f"roles/{role_id}/" in index.pages_named(role["title"]), role["title"]


def test_search_finds_document_names_whole(example_site: Path) -> None:
    index = SearchIndex(example_site)
    for word in ("市場趨勢分析報告", "營銷執行方案", "市場調研專員", "私域流量"):
        assert index.pages_named(word), word
        assert index.pages_with_words(word), word
    assert "roles/market-research/" in index.pages_named("市場調研專員")
    # A name is matched whole, not by any of its words: 市場 alone names nothing.
    assert index.pages_named("市場") == set()


# --- 5. export -----------------------------------------------------------------------------


def test_export_is_valid_against_the_published_schema(tmp_path: Path) -> None:
    out = tmp_path / "handbook.json"
    result = handbook_in_process("export", ".", "--format", "json", "--output", str(out), cwd=REPO)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((REPO / "generator/schema/export.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert {role["id"] for role in data["roles"]} == set(ROLES)
    assert [p["id"] for p in data["processes"]] == [p["id"] for p in PROCESSES]
    exported_steps = [s for p in data["processes"] for stage in p["stages"] for s in stage["steps"]]
    assert [s["raci"]["C"] for s in exported_steps] == [step["raci"].get("C", []) for _, _, step in _steps()]
    assert [t["term"] for t in data["glossary"]] == [t["term"] for t in GLOSSARY]
    # Standard output gives the same document.
    assert json.loads(handbook_in_process("export", ".", cwd=REPO).stdout) == data


def test_export_refuses_a_handbook_with_errors(write_handbook: WriteHandbook) -> None:
    root = write_handbook({"roles/member.yml": "id: member\ntitle: 組員\nreports_to: nobody\n"})
    result = handbook_in_process("export", ".", cwd=root)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


# --- 6. language ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("english") / "handbook"
    shutil.copytree(REPO / "tests/examples/english", project)
    result = build_handbook(".", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_english_handbook_has_english_labels_and_no_chinese(english_site: Path) -> None:
    from generator.words.labels import LABELS

    role = read_html(english_site, "roles/support-agent")
    headings = {heading_text(h) for h in role.select("article h2")}
    assert {"Your first weeks", "Checklists you tick", "Steps this role takes part in"} <= headings
    stage = read_html(english_site, "processes/ticket-handling/triage")
    assert "Owner" in stage.select_one("article ul li").get_text()
    chinese = {value for value in LABELS["zh-Hant"].values() if re.search(r"[\u4e00-\u9fff]", value)}
    han = re.compile(r"[\u3400-\u9fff：、（）]")
    pages = [p for p in english_site.rglob("index.html") if "rules" not in p.parts and "search" not in p.parts]
    assert len(pages) >= 10
    for path in pages:
        article = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article")
        if article is None:  # a redirect page
            continue
        text = article.get_text()
        assert not han.search(text), (path, han.findall(text)[:5])
        assert not [label for label in chinese if label in text]
    documents = read_html(english_site, "documents")
    assert {heading_text(h) for h in documents.select("article h2")} == {
        "Service level table",
        "Ticket answer",
        "Weekly review notes",
    }
    assert (english_site / "roles/agent/index.html").is_file()
