"""Every finding of `handbook validate` links to its rule on the built rules page, and the link lands.

The example handbook is built for real (`handbook build --strict`), its rules page read
with an HTML parser, then broken the ways editors break it; each link in the text, json
and github outputs is followed: the address must be below the site's `site_url`, name a
page the build wrote, and its fragment must be the id of an element on that page.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.rules import RULES
from tests.conftest import REPO, handbook_in_process
from tests.site.conftest import build_handbook

SITE_URL = "https://handbook.example.com/marketing/"
ROLE = "roles/brand-promotion.yml"
PROCESS = "processes/marketing-management.yml"
# A URL runs to the next space or closing parenthesis: the text and github outputs put it in parentheses.
LINK = re.compile(r"https?://[^\s)]+|\brules/#[^\s)]+")


def _copy_example(target: Path, *, site_url: str | None) -> Path:
    for folder in ("roles", "processes", "people", "handbook"):
        shutil.copytree(REPO / folder, target / folder)
    shutil.copy(REPO / "glossary.yml", target / "glossary.yml")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_url:.*\n", "", config)
    if site_url is not None:
        config = f"site_url: {site_url}\n" + config
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def _break(root: Path) -> None:
    """Four different mistakes: an unknown key, a misspelt role id, a step without owner, a missing title."""
    role = root / ROLE
    text = role.read_text(encoding="utf-8")
    role.write_text(re.sub(r"(?m)^title:", "titel:", text, count=1), encoding="utf-8")
    process = root / PROCESS
    lines = process.read_text(encoding="utf-8").splitlines()
    responsible = next(i for i, line in enumerate(lines) if "R: [market-research" in line)
    lines[responsible] = lines[responsible].replace("market-research", "market-reserch", 1)
    owner = next(i for i, line in enumerate(lines) if line.strip().startswith("A:") and i > responsible)
    del lines[owner]
    process.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a broken copy of the example whose site_url is SITE_URL, the site built before it broke)."""
    root = _copy_example(tmp_path_factory.mktemp("links"), site_url=SITE_URL)
    site = root / "site"
    result = build_handbook(".", "--strict", "--site-dir", str(site), cwd=root)
    assert result.returncode == 0, result.stderr
    _break(root)
    return root, site


@functools.cache
def _parsed(page: Path) -> BeautifulSoup:
    """A built page read once: the rules page is followed once per rule."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _ids_on(page: Path) -> set[str]:
    return {str(tag["id"]) for tag in _parsed(page).select("[id]")}


def _follow(site: Path, link: str) -> str:
    """The page and fragment `link` names in `site`; fails unless the page exists and has that id."""
    assert link.startswith(SITE_URL), link
    parts = urlsplit(link)
    below_root = parts.path.removeprefix(urlsplit(SITE_URL).path)
    page = site / below_root / "index.html"
    assert page.is_file(), f"{link} names no page of the built site"
    assert parts.fragment in _ids_on(page), f"{link}: no element with id {parts.fragment!r} on {page}"
    return parts.fragment


def test_every_rule_of_the_registry_has_its_anchor_on_the_built_rules_page(built):
    from generator.render.reporting import rule_url, rules_page_url

    _, site = built
    for rule in RULES:
        fragment = _follow(site, rule_url(rule.id, rules_page_url(SITE_URL)))
        heading = _parsed(site / "rules" / "index.html").find(id=fragment)
        # The anchor is the rule's own heading, not some other element that happens to share the id.
        assert heading is not None and heading.name == "h2" and rule.id in heading.get_text(), rule.id


def test_text_output_links_every_finding_to_its_rule(built):
    root, site = built
    result = handbook_in_process("validate", ".", cwd=root)
    assert result.returncode == 1, result.stderr
    *problems, _summary = result.stdout.splitlines()
    codes = []
    for line in problems:
        code = line.split()[2]
        (link,) = LINK.findall(line)
        assert line.endswith(f"({link})"), line
        assert _follow(site, link) == code.lower()
        codes.append(code)
    # The four mistakes, each reported (and linked) under its own rule.
    assert {"HB010", "HB011", "HB030", "HB101"} <= set(codes), codes


def test_json_output_gives_every_finding_its_rule_address(built):
    root, site = built
    result = handbook_in_process("validate", ".", "--format", "json", cwd=root)
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)
    assert len(problems) >= 4
    for problem in problems:
        assert _follow(site, problem["url"]) == problem["code"].lower()
        assert problem["url"] == f"{SITE_URL}rules/#{problem['code'].lower()}"


def test_github_annotations_end_with_the_rule_address(built):
    root, site = built
    result = handbook_in_process("validate", ".", "--format", "github", cwd=root)
    assert result.returncode == 1, result.stderr
    annotations = result.stdout.splitlines()
    assert len(annotations) >= 4
    for line in annotations:
        title = re.search(r",title=(HB\d{3}) ", line)
        assert title is not None, line
        (link,) = LINK.findall(line.partition("::")[2].partition("::")[2])
        assert _follow(site, link) == title[1].lower()


def test_without_site_url_the_link_is_the_rules_page_below_the_site_root(tmp_path):
    root = _copy_example(tmp_path, site_url=None)
    _break(root)
    result = handbook_in_process("validate", ".", "--format", "json", cwd=root)
    urls = {problem["code"]: problem["url"] for problem in json.loads(result.stdout)}
    assert urls["HB011"] == "rules/#hb011"
    assert urls["HB101"] == "rules/#hb101"
