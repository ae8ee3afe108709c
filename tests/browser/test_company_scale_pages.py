"""At company scale (1,000 roles, one build for the module) the documents, metrics and roles index
pages are split under short indexes (generator.render.urls.SPLIT_ABOVE), the addresses readers
saved keep working, and the company chart stays legible on a phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html

from benchmarks.make_handbook import write_handbook
from tests.browser.charts import PHONE as CHART_PHONE
from tests.browser.charts import SMALLEST_TEXT_PX, drawn_chart
from tests.browser.conftest import artifact, open_reader, serve
from tests.conftest import build_in_process
from tests.site.conftest import SearchIndex


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("split-pages")
    # 1,000 roles: the company chart at scale too (below); 60 processes of 2 stages of 10 steps.
    write_handbook(root, roles=1000, processes=60, stages=2, steps=10, seed=1)
    # In this process: the pages are under test here, not the command line. Not --strict: 1,200
    # steps leave some of the 1,000 roles in no step (HB105 warnings), beside the point here.
    return build_in_process(root, site_dir=root / "site")


def page(site: Path, address: str) -> Any:
    return html.parse(str(site / address / "index.html")).getroot()


def links(tree: Any) -> list[str]:
    return [str(href) for href in tree.xpath("//article//a/@href")]


def test_the_documents_page_is_a_short_index_of_one_page_per_process(big_site: Path) -> None:
    index = page(big_site, "documents")
    per_process = [href for href in links(index) if href.count("/") == 1 and not href.startswith(("#", ".."))]
    # Every one of the 60 processes names documents in its steps.
    assert len(per_process) == len([p for p in (big_site / "processes").iterdir() if p.is_dir()]) == 60
    assert (big_site / "documents" / "index.html").stat().st_size < 200_000
    for href in per_process:
        sub = page(big_site, f"documents/{href}")
        assert sub.xpath("//article//h2[@id]"), href


def test_a_step_links_its_documents_on_its_own_process_page(big_site: Path) -> None:
    process = sorted(p.name for p in (big_site / "processes").iterdir() if p.is_dir())[0]
    stage_dir = next(p for p in sorted((big_site / "processes" / process).iterdir()) if p.is_dir())
    stage = html.parse(str(stage_dir / "index.html")).getroot()
    document_links = [href for href in links(stage) if "/documents/" in href]
    assert document_links
    for href in document_links:
        target, anchor = href.split("#")
        assert target.endswith(f"documents/{process}/"), href
        assert page(big_site, f"documents/{process}").xpath(f"//*[@id='{anchor}']"), href


def test_the_roles_and_metrics_pages_list_departments(big_site: Path) -> None:
    roles = page(big_site, "roles")
    departments = [href for href in links(roles) if "departments/" in href]
    assert len(departments) >= 5
    assert (big_site / "roles" / "index.html").stat().st_size < 200_000
    metrics = page(big_site, "metrics")
    per_department = [href for href in links(metrics) if href.count("/") == 1 and not href.startswith(("#", ".."))]
    assert len(per_department) >= 5
    for href in per_department:
        assert page(big_site, f"metrics/{href}").xpath("//article//table//tr")


def test_search_finds_a_document_on_its_process_page(big_site: Path) -> None:
    first = sorted(p.name for p in (big_site / "documents").iterdir() if p.is_dir())[0]
    name = page(big_site, f"documents/{first}").xpath("//article//h2[@id]")[0].text_content().replace("¶", "").strip()
    found = SearchIndex(big_site).pages_named(name)
    assert found and all(url.startswith("documents/") and url != "documents/" for url in found), found


@pytest.fixture(scope="module")
def big_url(big_site: Path) -> Iterator[str]:
    with serve(big_site) as url:
        yield url


@pytest.mark.parametrize(
    "viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}], ids=["1366px", "390px"]
)
def test_an_old_link_to_a_document_lands_on_its_entry(
    browser: Any, big_url: str, big_site: Path, viewport: dict[str, int]
) -> None:
    first = page(big_site, "documents/" + sorted(p.name for p in (big_site / "documents").iterdir() if p.is_dir())[0])
    anchor = first.xpath("//article//h2[@id]/@id")[0]
    phone = viewport["width"] < 600
    with open_reader(browser, big_url, viewport=viewport, is_mobile=phone, has_touch=phone) as reader:
        opened = reader.open(f"documents/#{anchor}")
        opened.wait_for_url(
            lambda url: urlsplit(url).path.count("/") == 3 and unquote(urlsplit(url).fragment) == anchor
        )
        assert urlsplit(opened.url).path.startswith("/documents/")
        assert opened.locator(f"[id='{anchor}']").is_visible()
        # The short index itself reads fine on the screen.
        index = reader.open("documents/")
        assert index.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        index.screenshot(path=artifact(f"documents-index-{viewport['width']}.png"))
        assert reader.console_errors == []


def test_at_1000_roles_the_company_chart_and_a_department_chart_stay_legible(browser: Any, big_url: str) -> None:
    with open_reader(browser, big_url, **CHART_PHONE) as reader:
        page = reader.open("departments/")
        text, width, text_px = drawn_chart(page, "總經理室")
        assert "市場營銷部" in text
        assert width <= 390 and text_px >= SMALLEST_TEXT_PX, (width, text_px)
        page.screenshot(path=artifact("company-chart-1000-roles-390.png"), full_page=True)
        page = reader.open("departments/marketing/")
        text, width, text_px = drawn_chart(page, "市場營銷部主管")
        assert width <= 390 and text_px >= SMALLEST_TEXT_PX, (width, text_px)
        assert reader.console_errors == []
