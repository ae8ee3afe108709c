"""Issue 21's "Done when", on a real build of a copy of the example (tests/reviews_example.py)."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.conftest import built_once, handbook_in_process
from tests.reviews_example import HOSTILE_TITLE, TODAY, build, build_overdue_example


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(tmp_path_factory, "reviews-example", build_overdue_example)


def _page(built: Path, url: str) -> lxml_html.HtmlElement:
    return lxml_html.parse(str(built / "site" / url / "index.html")).getroot()


def _with_class(element: lxml_html.HtmlElement, name: str) -> list[lxml_html.HtmlElement]:
    return element.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def _same_tree(first: Path, second: Path) -> bool:
    compared = filecmp.dircmp(first, second)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(first, second, compared.common_files, shallow=False)
    return not mismatch and not errors and all(_same_tree(first / d, second / d) for d in compared.common_dirs)


def test_validate_names_the_overdue_file_and_not_the_one_reviewed_lately(built):
    result = handbook_in_process("validate", ".", "--today", TODAY, "--no-cache", cwd=built / "handbook")
    assert result.returncode == 0, result.stdout + result.stderr  # a warning, not an error
    lines = [line for line in result.stdout.splitlines() if "HB124" in line]
    assert len(lines) == 1
    assert lines[0].startswith("roles/market-research.yml:")
    assert "2025-07-01" in lines[0] and "(market-research)" in lines[0]
    assert "new-media" not in result.stdout


def test_the_role_page_shows_the_notice_at_the_top_with_due_date_and_owner(built):
    page = _page(built, "roles/market-research")
    article = page.xpath("//article")[0]
    notice = _with_class(article, "handbook-review-notice")
    assert len(notice) == 1
    text = notice[0].text_content()
    assert "審閱已逾期" in text and "2025-07-01" in text and HOSTILE_TITLE in text
    assert not notice[0].xpath(".//b")  # the title's markup is text
    # At the top: right after the page's heading, before the summary and every other block.
    children = [child for child in article if child.tag not in ("a",)]
    assert children[0].tag == "h1" and children[1] is notice[0]
    dates = _with_class(article, "handbook-page-dates")[0].text_content()
    assert "上次審閱：2025-01-01" in dates and "下次審閱：2025-07-01" in dates and "負責審閱" in dates


def test_a_role_reviewed_lately_shows_its_dates_and_no_notice(built):
    article = _page(built, "roles/new-media").xpath("//article")[0]
    assert not _with_class(article, "handbook-review-notice")
    dates = _with_class(article, "handbook-page-dates")[0].text_content()
    # No period of its own: the example's mkdocs.yml gives every file a year.
    assert "上次審閱：2026-11-01" in dates and "下次審閱：2027-11-01" in dates
    assert "市場營銷部負責人" in dates  # the head reviews when the file names no owner


def test_the_reviews_page_lists_it_with_owner_and_edit_link_in_the_maintainers_section(built):
    page = _page(built, "reviews")
    assert page.xpath("//article//h1")[0].text_content().startswith("待審閱")
    rows = _with_class(page, "handbook-reviews__row")
    assert len(rows) == 1
    cells = rows[0].xpath("./td")
    assert HOSTILE_TITLE in cells[0].text_content() and "roles/market-research.yml" in cells[0].text_content()
    assert cells[1].text_content() == "2025-07-01" and cells[2].text_content() == "已逾期"
    assert cells[3].xpath(".//a")[0].get("href") == "../roles/market-research/"
    edit = cells[4].xpath(".//a")[0].get("href")
    assert edit == "https://git.example.com/marketing/handbook/edit/main/roles/market-research.yml"
    # The sidebar lists it in the last section, with the editing guide and the rules page.
    sidebar = _with_class(page, "md-nav--primary")[0]
    labels = [link.text_content().strip() for link in sidebar.xpath(".//a")]
    assert labels.index("如何編輯本手冊") < labels.index("待審閱") < labels.index("驗證規則一覽")


def test_search_weighs_the_reviews_page_as_a_maintainers_page(built):
    from generator.rules.checking import check_handbook
    from generator.search.entities import MAINTAINERS_WEIGHT, search_catalog

    handbook = check_handbook(built / "handbook").handbook
    assert search_catalog(handbook).pages["reviews/"].weight == MAINTAINERS_WEIGHT


def test_review_lists_it_in_json_and_fails_on_overdue_when_asked(built):
    root = built / "handbook"
    result = handbook_in_process("review", ".", "--today", TODAY, "--format", "json", cwd=root)
    assert result.returncode == 0
    (item,) = json.loads(result.stdout)
    assert item["today"] == TODAY
    assert (item["path"], item["status"], item["due_on"], item["owner"]["id"]) == (
        "roles/market-research.yml",
        "overdue",
        "2025-07-01",
        "market-research",
    )
    assert (item["review_in"], item["review_in_from"]) == ({"count": 6, "unit": "month"}, "file")
    assert handbook_in_process("review", ".", "--today", TODAY, "--fail-on-overdue", cwd=root).returncode == 1
    assert handbook_in_process("review", ".", "--today", "2025-06-01", "--fail-on-overdue", cwd=root).returncode != 0


def test_a_build_with_the_same_today_is_byte_identical(built, tmp_path):
    again = tmp_path / "again"
    result = build(built / "handbook", again)
    assert result.returncode == 0, result.stderr
    assert _same_tree(built / "site", again)


def test_zensical_builds_the_same_review_pages(built, tmp_path):
    from generator.engines.zensical import zensical_command

    if zensical_command() is None:
        pytest.skip("zensical is not installed")
    site = tmp_path / "zensical"
    result = build(built / "handbook", site, engine="zensical")
    assert result.returncode == 0, result.stderr
    role_page = lxml_html.parse(str(site / "roles/market-research/index.html")).getroot()
    notice = _with_class(role_page, "handbook-review-notice")
    assert notice and "2025-07-01" in notice[0].text_content()
    assert _with_class(lxml_html.parse(str(site / "reviews/index.html")).getroot(), "handbook-reviews__row")


def test_every_generated_page_of_the_example_shows_its_yamls_last_commit_date(example_site):
    import subprocess

    from tests.conftest import REPO

    for url, source in (
        ("roles/market-research", "roles/market-research.yml"),
        ("processes/campaign-lifecycle", "processes/campaign-lifecycle.yml"),
        ("processes/campaign-lifecycle/warm-up", "processes/campaign-lifecycle.yml"),
        ("glossary", "glossary.yml"),
    ):
        day = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", source], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        page = lxml_html.parse(str(example_site / url / "index.html")).getroot()
        dates = _with_class(page, "handbook-page-dates")
        assert dates and f"檔案最後修改：{day}" in dates[0].text_content(), url
    # A page made from no one file (an index) shows none.
    assert not _with_class(lxml_html.parse(str(example_site / "roles" / "index.html")).getroot(), "handbook-page-dates")


def test_mkdocs_strict_lets_an_overdue_review_pass_unless_mkdocs_yml_asks(tmp_path):
    from mkdocs.exceptions import Abort

    from tests.conftest import build_in_process, copy_example

    root = tmp_path / "handbook"
    root.mkdir()
    copy_example(root)
    role = root / "roles" / "market-research.yml"
    role.write_text(role.read_text(encoding="utf-8") + "last_reviewed_on: 2025-01-01\nreview_in: 6 months\n")
    site = build_in_process(root, strict=True, site_dir=tmp_path / "site")  # not in git: today is the clock's
    assert _with_class(_page(tmp_path, "roles/market-research"), "handbook-review-notice")
    assert site == tmp_path / "site"
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "review_in: 1 year\n", "review_in: 1 year\n      overdue_fails_strict: true\n"
        )
    )
    with pytest.raises(Abort):
        build_in_process(root, strict=True, site_dir=tmp_path / "site2")
