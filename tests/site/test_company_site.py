"""The company example built with `handbook build --strict`, read with a real HTML parser.

Department pages, the company page, navigation grouped by department, the department
row of the RACI matrix and the cross-department markers on process pages. Expected
values are written by hand from tests/examples/company/.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO
from tests.site.conftest import heading_text, read_html

COMPANY = REPO / "tests" / "examples" / "company"


def _article(site: Path, path: str):
    return read_html(site, path).select_one("article")


def test_a_department_page_shows_head_parent_maintainers_roles_and_processes(company_site):
    article = _article(company_site, "departments/sales")
    assert heading_text(article.select_one("h1")) == "業務部"
    facts = [item.get_text("", strip=True) for item in article.select("ul")[0].select("li")]
    assert facts == ["部門主管：業務經理", "上層部門：總經理室", "核准修改：@acme/sales-leads"]
    assert article.select_one("a[href='../../roles/sales-head/']").get_text() == "業務經理"
    headings = [heading_text(h) for h in article.select("h2")]
    assert headings == ["匯報關係", "角色", "本部門人員", "負責的流程", "參與的其他部門流程"]
    roles = [row.select("td")[0].get_text(strip=True) for row in article.select("table")[0].select("tbody tr")]
    assert roles == ["業務經理", "客戶經理"]
    shared = [item.get_text("", strip=True) for item in article.select("h2 ~ ul")[-1].select("li")]
    assert shared[0] == "商機交接（負責部門：行銷部）：把名單交給業務部、聯繫商機"
    # The reporting tree is a Mermaid chart of the department's own roles.
    chart = article.select_one("pre.mermaid, div.mermaid").get_text()
    assert "業務經理" in chart and "客戶經理" in chart and "總經理" not in chart.replace("業務經理", "")


def test_the_company_page_lists_every_department_with_its_head_and_size(company_site):
    article = _article(company_site, "departments")
    assert heading_text(article.select_one("h1")) == "各部門"
    rows = [[cell.get_text(strip=True) for cell in row.select("td")] for row in article.select("table tbody tr")]
    assert rows == [
        ["總經理室", "總經理", "—", "1", "@acme/executive"],
        ["行銷部", "行銷經理", "總經理室", "2", "@acme/marketing-leads、lin.meiling@example.com"],
        ["產品部", "產品經理", "總經理室", "2", "@chen-product"],
        ["業務部", "業務經理", "總經理室", "2", "@acme/sales-leads"],
    ]
    chart = article.select_one("pre.mermaid, div.mermaid").get_text()
    assert all(title in chart for title in ("總經理室", "行銷部", "產品部", "業務部"))


def test_the_navigation_is_grouped_by_department(company_site):
    nav = read_html(company_site, "").select_one("nav.md-nav--primary")
    sections = {
        heading_text(label): [link.get_text(strip=True) for link in label.find_parent("li").select("nav > ul > li > a")]
        for label in nav.select("li.md-nav__item--nested > label.md-nav__link")
    }
    # The department's own page first, then its roles, then the processes it owns.
    assert sections["業務部"] == ["業務部", "業務經理", "客戶經理"]
    assert sections["行銷部"] == ["行銷部", "行銷經理", "內容企劃", "商機交接"]
    # Sub-departments nest under the department above them.
    executive = next(
        label.find_parent("li")
        for label in nav.select("li.md-nav__item--nested > label.md-nav__link")
        if heading_text(label) == "總經理室"
    )
    nested = [heading_text(label) for label in executive.select(":scope li.md-nav__item--nested > label.md-nav__link")]
    assert nested == ["行銷部", "產品部", "業務部"]


def test_a_cross_department_step_names_the_departments_it_involves(company_site):
    article = _article(company_site, "processes/product-launch")
    steps = {
        item.select_one("a").get_text(strip=True): item.get_text("", strip=True)
        for item in article.select("h3 + p + ul > li, h3 + ul > li")
    }
    assert steps["製作上市活動"] == "製作上市活動·跨部門：行銷部、產品部"
    assert steps["拜訪第一批客戶"] == "拜訪第一批客戶·跨部門：業務部、產品部"
    # A step inside one department has no marker.
    planning = _article(company_site, "processes/lead-handover")
    own = {
        item.select_one("a").get_text(strip=True): item.get_text("", strip=True)
        for item in planning.select("h3 ~ ul > li")
    }
    assert own["整理活動名單"] == "整理活動名單"


def test_the_raci_matrix_shows_each_roles_department(company_site):
    article = _article(company_site, "processes/product-launch")
    table = article.select_one("table.handbook-raci__table")
    header = [cell.get_text(strip=True) for cell in table.select("thead th")]
    departments = table.select_one("tbody.handbook-raci__departments tr")
    department_row = [cell.get_text(strip=True) for cell in departments.select("th, td")]
    assert header[1:] == ["行銷經理", "產品經理", "業務經理", "客戶經理", "內容企劃", "產品設計師", "廣告代理商"]
    assert department_row == ["部門", "行銷部", "產品部", "業務部", "業務部", "行銷部", "產品部", "—"]


def test_the_marketing_example_keeps_its_navigation_and_gets_no_department_pages(example_site):
    assert not (example_site / "departments").exists()
    nav = read_html(example_site, "").select_one("nav.md-nav--primary")
    assert "各部門" not in [heading_text(label) for label in nav.select("label.md-nav__link")]
