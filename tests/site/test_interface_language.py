"""Every word of the interface in the handbook's language: the example in zh-Hant and zh-Hans, read back as HTML."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, Declaration, Doctype

from generator.rules import RULES
from generator.rules.checking import check_handbook
from tests.conftest import REPO, WriteHandbook
from tests.site.conftest import (
    SearchIndex,
    build_handbook,
    build_in_process,
    make_site_project,
    read_html,
)

# Latin words a zh-Hant page may show, listed by hand: names of things (formats, tools, the
# theme's name in its footer credit), the RACI letters and the terms they stand for (the
# editing guide spells them out), and the example glossary's abbreviations with their expansions.
PROPER_NOUNS = frozenset(
    {
        "RACI", "CSV", "YAML", "Markdown", "Mermaid", "HTML", "UTF", "CI", "VS Code", "Tab", "Pull Request",
        "GitHub", "GitLab", "CODEOWNERS", "CRM", "BI", "JavaScript", "Python",
        "id", "v1",  # the handbook's word for an identifier; the version of the file format
        "Material for MkDocs", "MkDocs", "Windows", "macOS", "Trojan Source", "Notepad", "UTM",
        "Responsible", "Accountable", "Consulted", "Informed",
        "GMV", "Gross Merchandise Volume", "ROI", "Return on Investment", "UV", "Unique Visitor",
        "PV", "Page View", "KOL", "Key Opinion Leader", "LTV", "Lifetime Value", "VI", "Visual Identity",
    }
)  # fmt: skip
# Ids and file names are not words of the interface: role, process, stage and step ids, rule names.
_URL = re.compile(r"(?:https?://|mailto:)\S+|\S*[/.]\S*|U\+[0-9A-F]{4,6}")  # and Unicode code points
_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9'’]*(?:[ -][A-Za-z][A-Za-z0-9'’]*)*")
_RACI_LETTERS = re.compile(r"[RACI]+")
_RULE_CODE = re.compile(r"HB\d{3}")


def _identifiers(root: Path) -> frozenset[str]:
    handbook = check_handbook(root).handbook
    ids = {rule.name for rule in RULES}
    for role in handbook.roles:
        ids |= {role.id, *(alias.role_id for alias in role.aliases)}
    for process in handbook.processes:
        ids |= {process.id, *(alias.role_id for alias in process.aliases)}
        for stage in process.stages:
            ids |= {stage.id, *(step.id for step in stage.steps)}
    return frozenset(ids)


def visible_text(html: str) -> list[str]:
    """The text a reader sees or hears: page text and tooltips, without code, YAML examples and scripts."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "code", "pre", "svg", "template"]):
        hidden.decompose()
    for diagram in soup.select(".mermaid"):
        diagram.decompose()
    texts = [str(text) for text in soup.find_all(string=True) if not isinstance(text, (Comment, Doctype, Declaration))]
    for element in soup.find_all(True):
        texts += [element[name] for name in ("title", "aria-label", "placeholder", "alt") if element.get(name)]
    return texts


def english_words(site: Path, allowed: frozenset[str]) -> dict[str, set[str]]:
    """Every English word or phrase on any page of `site` that is not `allowed`, with the pages it is on."""
    found: dict[str, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        for text in visible_text(page.read_text(encoding="utf-8")):
            for phrase in _WORDS.findall(_URL.sub(" ", text)):
                if (
                    len(phrase) == 1
                    or phrase in allowed
                    or _RACI_LETTERS.fullmatch(phrase)
                    or _RULE_CODE.fullmatch(phrase)
                ):
                    continue
                words = phrase.split(" ")
                if all(word in allowed or _RULE_CODE.fullmatch(word) for word in words):
                    continue
                found.setdefault(phrase, set()).add(page.relative_to(site).as_posix())
    return found


def test_the_zh_hant_example_shows_no_english_interface_text(example_site: Path) -> None:
    allowed = PROPER_NOUNS | _identifiers(REPO)
    found = english_words(example_site, allowed)
    listing = "\n".join(f"{phrase!r} on {sorted(pages)[:3]}" for phrase, pages in sorted(found.items()))
    assert not found, f"English on the zh-Hant site:\n{listing}"


def test_the_scan_finds_english_where_there_is_some(tmp_path: Path) -> None:
    """The scanner itself: English text fails it; code, YAML examples, ids and listed names do not."""
    (tmp_path / "index.html").write_text(
        "<html><head><title>手冊</title></head><body>"
        '<a class="headerlink" title="Permanent link" href="#x">¶</a>'
        "<p>Made with <a>Material for MkDocs</a> · RACI · RA · HB101 · step-has-owner</p>"
        "<pre><code>title: Some YAML</code></pre><p>見 https://example.com/a-page 和 roles/lead/</p>"
        "</body></html>",
        encoding="utf-8",
    )
    found = english_words(tmp_path, PROPER_NOUNS | {"step-has-owner"})
    assert sorted(found) == ["Made with", "Permanent link"]


@pytest.fixture(scope="module")
def simplified_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook with `theme.language: zh-Hans`, built with `handbook build --strict`."""
    root = tmp_path_factory.mktemp("zh-hans") / "handbook"
    root.mkdir()
    for name in ("roles", "processes", "people", "handbook"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "glossary.yml", root / "glossary.yml")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  language: zh-Hant\n" in config
    (root / "mkdocs.yml").write_text(config.replace("  language: zh-Hant\n", "  language: zh-Hans\n"), "utf-8")
    result = build_handbook(".", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    # The command line speaks the handbook's language too.
    assert "已用 mkdocs 构建" in result.stderr and "预览：运行 handbook serve ." in result.stderr
    return root / "site"


def test_a_zh_hans_build_of_the_example_is_simplified_throughout(simplified_example: Path) -> None:
    site = simplified_example
    rules = read_html(site, "rules")
    assert rules.h1.get_text(strip=True).startswith("验证规则一览")
    owner = rules.find(id="hb101").find_next("p").get_text()
    assert owner == "每个步骤都必须有负责人：在 raci 的 A 下写刚好一个角色。"
    assert "为什么：这是手册最重要的一条规则。" in rules.find(id="hb101").find_next("p").find_next("p").get_text()
    assert "不通过的例子：" in rules.get_text() and "為什麼" not in rules.get_text()
    stage = read_html(site, "processes/campaign-lifecycle/warm-up")
    assert "负责：" in stage.select_one("article").get_text()
    # Material's strings: the footer, the heading anchors, the repository, the 404 page.
    assert " ".join(stage.select_one(".md-copyright").get_text().split()) == "本网站使用 Material for MkDocs 制作"
    assert {a["title"] for a in stage.select("a.headerlink")} == {"本段的永久链接"}
    assert stage.select_one(".md-source__repository").get_text(strip=True) == "源文件仓库"
    # The handbook's search box (Material's is not in the example) takes its words from the index's labels.json.
    labels = SearchIndex(site).labels
    assert labels["placeholder"] == "搜索手册" and labels["kind.role"] == "角色" and "页面" in labels["none"]
    not_found = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert not_found.select_one("article h1").get_text(strip=True) == "404 - 找不到这一页"
    # Downloads and redirects.
    csv_text = (site / "processes/campaign-lifecycle/warm-up.checklist.csv").read_bytes().decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(csv_text))) == ["步骤代号", "步骤", "负责", "期限", "检查项目"]
    redirect = BeautifulSoup((site / "processes/event-lifecycle/index.html").read_text("utf-8"), "html.parser")
    assert redirect.title.get_text() == "正在前往新页面…"
    assert redirect.p.get_text().startswith("这一页已经搬到：")


def test_the_zh_hant_example_uses_the_handbook_words_for_material_strings(example_site: Path) -> None:
    stage = read_html(example_site, "processes/campaign-lifecycle/warm-up")
    assert " ".join(stage.select_one(".md-copyright").get_text().split()) == "本網站以 Material for MkDocs 製作"
    assert {a["title"] for a in stage.select("a.headerlink")} == {"本段的永久連結"}
    assert stage.select_one(".md-source__repository").get_text(strip=True) == "原始檔案庫"
    redirect = BeautifulSoup((example_site / "processes/event-lifecycle/index.html").read_text("utf-8"), "html.parser")
    assert redirect.title.get_text() == "正在前往新頁面…" and redirect.html["lang"] == "zh-Hant"


@pytest.mark.parametrize("tag", ["zh_TW", "zh-HK"])
def test_tags_material_has_no_file_for_build_in_traditional_chinese(write_handbook: WriteHandbook, tag: str) -> None:
    """Material stopped with a missing template for these; now messages, pages and theme all say zh-Hant."""
    root = make_site_project(write_handbook(), language=tag)
    result = build_handbook(".", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "已用 mkdocs 建置" in result.stderr
    page = read_html(root / "site", "processes/weekly/plan")
    assert "當責：" in page.select_one("article").get_text()
    assert page.select_one("input.md-search__input")["placeholder"] == "搜尋"  # Material's box (listed here)
    assert SearchIndex(root / "site").labels["placeholder"] == "搜尋手冊"  # and the handbook's
    assert " ".join(page.select_one(".md-copyright").get_text().split()) == "本網站以 Material for MkDocs 製作"


def test_a_handbook_s_own_theme_overrides_still_win(write_handbook: WriteHandbook) -> None:
    """The plugin's template overrides sit after the user's custom_dir: their footer is the one shown."""
    root = make_site_project(write_handbook())
    (root / "overrides" / "partials").mkdir(parents=True)
    (root / "overrides" / "partials" / "copyright.html").write_text(
        "<div class='md-copyright'>我們的頁尾</div>", "utf-8"
    )
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    )
    build_in_process(root)
    page = read_html(root / "site", "processes/weekly/plan")
    assert page.select_one(".md-copyright").get_text(strip=True) == "我們的頁尾"
    # The 404 page still comes from the plugin's override.
    not_found = BeautifulSoup((root / "site" / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert not_found.select_one("article h1").get_text(strip=True) == "404 - 找不到這一頁"
