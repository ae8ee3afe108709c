"""People on the built site: holders and contacts on role pages, a vacant role's deputy, the people page,
names in the onboarding plan, the org chart and department pages, search by name, and the `people:`
option (a hidden person is nowhere in the site). Expected values are written by hand from people/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, copy_example, handbook_in_process
from tests.site.conftest import HANDBOOK_CLI, SearchIndex, build_handbook, heading_text, read_html

PEOPLE = sorted((REPO / "people").glob("*.yml"))


def _article(site: Path, path: str):
    return read_html(site, path).select_one("article")


def test_a_role_page_lists_its_holder_with_mail_and_chat_links(example_site):
    article = _article(example_site, "roles/market-research")
    headings = [heading_text(h) for h in article.select("h2")]
    assert headings[0] == "現任人員"
    (person,) = article.select("li.handbook-person")
    assert person.select_one(".handbook-person__name").get_text() == "林美玲"
    assert "2022-03 起" in person.get_text()
    links = {a.get_text(): a["href"] for a in person.select("a")}
    assert links == {
        "meiling.lin@example.com": "mailto:meiling.lin@example.com",
        "https://chat.example.com/channel/market-research": "https://chat.example.com/channel/market-research",
    }


def test_a_vacant_role_says_so_and_names_its_deputy_with_a_phone_link(example_site):
    article = _article(example_site, "roles/event-planning")
    people = article.select_one("div.handbook-people")
    assert people.select_one(".handbook-people__vacant").get_text(strip=True) == "此職位目前從缺"
    (deputy,) = people.select("li.handbook-person--deputy")
    assert deputy.select_one(".handbook-person__name").get_text() == "陳怡君"
    assert deputy.select_one("a[href^='tel:']")["href"] == "tel:+886223456783"
    # A channel name is text, not a link.
    assert "#new-media" in deputy.get_text() and not deputy.select("a[href*='new-media']")


def test_the_onboarding_plan_names_people_beside_roles(example_site):
    article = _article(example_site, "roles/market-research")
    tasks = [item.get_text("", strip=True) for item in article.select("li.task-list-item")]
    assert "和直屬主管談談頭一個月的重點：市場營銷部負責人（王建宏）" in tasks
    assert "認識你的帶路夥伴，小問題先問他：客戶關係專員（李曉雯）" in tasks
    assert any("活動策劃專員（從缺；代理：陳怡君）" in task for task in tasks)


def test_the_people_page_lists_names_and_roles_and_search_finds_a_person_by_name(example_site):
    article = _article(example_site, "people")
    assert heading_text(article.select_one("h1")) == "人員"
    rows = {
        row.select("td")[0].get_text(strip=True): [cell.get_text(strip=True) for cell in row.select("td")[1:]]
        for row in article.select("table tbody tr")
    }
    assert rows["林美玲"] == ["市場調研專員", "—"]
    assert rows["陳怡君"] == ["新媒體運營專員", "活動策劃專員"]
    assert len(rows) == len(PEOPLE)
    index = SearchIndex(example_site)
    assert index.pages_named("林美玲") == {"people/", "roles/market-research/"}
    assert "roles/event-planning/" in index.pages_with_words("陳怡君")


def test_the_org_chart_shows_names_under_role_titles(example_site):
    article = _article(example_site, "org-chart")
    boxes = {
        box.get_text(): (box.find_next_sibling("span", class_="handbook-org-people") or box).get_text()
        for box in article.select("a.handbook-org-box")
    }
    assert boxes["市場調研專員"] == "（林美玲）"
    assert boxes["活動策劃專員"] == "（從缺；代理：陳怡君）"


def test_a_department_page_lists_its_people(company_site):
    article = _article(company_site, "departments/sales")
    assert "本部門人員" in [heading_text(h) for h in article.select("h2")]
    table = next(t for t in article.select("table") if "姓名" in t.get_text())
    assert [row.select("td")[0].get_text(strip=True) for row in table.select("tbody tr")] == ["張家豪"]
    vacant = _article(company_site, "roles/account-manager")
    assert "此職位目前從缺" in vacant.get_text() and "張家豪" in vacant.get_text()


def _private_values() -> list[str]:
    """Every name and contact of the example's people, as a grep of the site must not find them."""
    values = []
    for file in PEOPLE:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        values.append(data["name"])
        values += [value for value in (data.get("contact") or {}).values() if not value.startswith("#")]
    return values


def _grep_site(site: Path, values: list[str]) -> list[str]:
    """Files of the site holding a value as it is, HTML-escaped, JSON-escaped, or percent-encoded."""
    found = []
    forms = {
        form
        for value in values
        for form in (value, json.dumps(value)[1:-1], value.encode("utf-8").hex(), value.replace("+", "&#43;"))
        if form
    }
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        text_lower = text.lower()
        found += [f"{path.relative_to(site)}: {form}" for form in forms if form in text or form.lower() in text_lower]
    return found


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_people_hidden_leaves_no_name_or_contact_anywhere_in_the_site(tmp_path, engine):
    if engine == "zensical" and not (Path(HANDBOOK_CLI).parent / "zensical").is_file():
        pytest.skip("zensical is not installed")
    copy_example(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("mermaid: local", "mermaid: local\n      people: hidden"),
        encoding="utf-8",
    )
    result = build_handbook(".", "--strict", "--engine", engine, "--site-dir", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "assets" / "handbook" / "search").is_dir()
    assert (site / "roles" / "market-research" / "index.html").is_file()
    assert not (site / "people").exists()
    assert _grep_site(site, _private_values()) == []
    # The editor's config lists the people collection and its fields, but none of their data.
    admin = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    people = next(collection for collection in admin["collections"] if collection["name"] == "people")
    assert people["folder"] == "people" and "name" in [field["name"] for field in people["fields"]]
    # Nor does the page say the role is vacant: with people hidden the site knows nothing of them.
    assert "此職位目前從缺" not in (site / "roles" / "event-planning" / "index.html").read_text(encoding="utf-8")
    # Hidden people are still checked: a misspelt role stops the build with the fix.
    person = tmp_path / "people" / "lin-meiling.yml"
    person.write_text(person.read_text(encoding="utf-8").replace("- market-research", "- market-reseach"))
    broken = handbook_in_process("validate", ".", "--lang", "en", cwd=tmp_path)
    assert broken.returncode == 1
    assert re.search(r"people/lin-meiling\.yml:5:5: error HB080 .*did you mean `market-research`\?", broken.stdout)


def test_people_names_publishes_names_without_contacts(tmp_path):
    copy_example(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("mermaid: local", "mermaid: local\n      people: names"),
        encoding="utf-8",
    )
    result = build_handbook(".", "--strict", "--site-dir", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    page = (site / "roles" / "market-research" / "index.html").read_text(encoding="utf-8")
    assert "林美玲" in page and "mailto:" not in page
    contacts = [value for value in _private_values() if "@" in value or value.startswith(("+", "http"))]
    assert _grep_site(site, contacts) == []


HOSTILE_NAME = "林 *美* 玲 {{ 7*7 }} & \"q\" 'x' `c` [a](b)"


def test_a_hostile_name_and_contact_stay_text_everywhere(tmp_path):
    copy_example(tmp_path)
    person = {
        "id": "lin-meiling",
        "name": HOSTILE_NAME,
        "roles": ["market-research"],
        "contact": {"chat": "https://chat.example.com/c?a=1&b=<2>"},
    }
    (tmp_path / "people" / "lin-meiling.yml").write_text(yaml.safe_dump(person, allow_unicode=True), encoding="utf-8")
    check = handbook_in_process("validate", ".", "--lang", "en", cwd=tmp_path)
    # The chat link with angle brackets is refused by a rule, so the build would stop: drop it and build.
    assert check.returncode == 1 and "HB083" in check.stdout and "HB0" in check.stdout
    person["contact"] = {"chat": "https://chat.example.com/c?a=1&b=2"}
    (tmp_path / "people" / "lin-meiling.yml").write_text(yaml.safe_dump(person, allow_unicode=True), encoding="utf-8")
    result = build_handbook(".", "--site-dir", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr + handbook_in_process("validate", ".", cwd=tmp_path).stdout
    site = tmp_path / "site"
    role = _article(site, "roles/market-research")
    assert role.select_one(".handbook-person__name").get_text() == HOSTILE_NAME
    assert role.select_one("a[href^='https://chat']")["href"] == "https://chat.example.com/c?a=1&b=2"
    people = _article(site, "people")
    assert people.select("table tbody tr td")[0].get_text() in {row.get_text() for row in people.select("td")}
    names = [row.select("td")[0].get_text() for row in people.select("table tbody tr")]
    assert HOSTILE_NAME in names
    for page in ("roles/market-research", "people", "org-chart", "roles/brand-promotion"):
        html = read_html(site, page)
        assert not html.select("article script, article em"), page
        assert "49" not in html.select_one("article").get_text().replace("2345", ""), page
    assert any(HOSTILE_NAME in text for text in SearchIndex(site).section_texts())


def test_a_name_with_markup_is_reported_and_shown_as_text(tmp_path):
    copy_example(tmp_path)
    person = tmp_path / "people" / "lin-meiling.yml"
    person.write_text(
        person.read_text(encoding="utf-8").replace("name: 林美玲", 'name: "<script>alert(1)</script>"'),
        encoding="utf-8",
    )
    result = handbook_in_process("validate", ".", "--lang", "en", "--strict", cwd=tmp_path)
    assert result.returncode == 1
    assert re.search(r"people/lin-meiling\.yml:3:7: warning HB055 .*HTML", result.stdout), result.stdout
    built = build_handbook(".", "--site-dir", "site", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    for page in ("roles/market-research", "people", "org-chart"):
        article = _article(tmp_path / "site", page)
        assert not article.select("script") and "<script>alert(1)</script>" in article.get_text(), page


def test_the_people_page_points_to_contacts_only_when_they_are_published(example_site, tmp_path):
    assert "怎麼聯絡，請看各角色的頁面。" in _article(example_site, "people").get_text()
    copy_example(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("mermaid: local", "mermaid: local\n      people: names"),
        encoding="utf-8",
    )
    assert build_handbook(".", "--site-dir", "site", cwd=tmp_path).returncode == 0
    text = _article(tmp_path / "site", "people").get_text()
    assert "誰擔任哪個角色" in text and "怎麼聯絡" not in text
