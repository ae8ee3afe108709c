"""`handbook codeowners` on the company example, read back through the `codeowners` library (sbdchd/codeowners).

The library is what decides which line owns a path, as GitHub and GitLab do (last
match wins); the owners expected for each file are written here by hand from the
example's department files and mkdocs.yml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from codeowners import CodeOwners

from tests.conftest import REPO
from tests.conftest import handbook_in_process as handbook

COMPANY = REPO / "tests" / "examples" / "company"

HANDBOOK_TEAM = ["@acme/handbook-team"]
# Each department's maintainers, copied by hand from departments/*.yml, then the `github:` handles
# of its people (people/lin-meiling.yml, people/zhang-jiahao.yml; people/chen-zhiming.yml's
# handle is the product department's maintainer already, named once).
MAINTAINERS = {
    "executive": ["@acme/executive"],
    "marketing": ["@acme/marketing-leads", "lin.meiling@example.com", "@lin-meiling"],
    "sales": ["@acme/sales-leads", "@zhang-jiahao"],
    "product": ["@chen-product"],
}
# Every file of each department, by hand: its department file, its roles, the processes it owns,
# the files of the people holding its roles.
FILES = {
    "executive": [
        "departments/executive.yml",
        "roles/ceo.yml",
        "processes/quarterly-planning.yml",
        "people/zhao-guoqiang.yml",
    ],
    "marketing": [
        "departments/marketing.yml",
        "roles/marketing-head.yml",
        "roles/content-writer.yml",
        "processes/lead-handover.yml",
        "people/lin-meiling.yml",
        "people/wu-jiaxin.yml",
    ],
    "sales": ["departments/sales.yml", "roles/sales-head.yml", "roles/account-manager.yml", "people/zhang-jiahao.yml"],
    "product": [
        "people/chen-zhiming.yml",
        "people/liu-yating.yml",
        "departments/product.yml",
        "roles/product-head.yml",
        "roles/product-designer.yml",
        "processes/product-launch.yml",
    ],
}
TOOL_FILES = [
    "mkdocs.yml",
    "Makefile",
    "generator/cli.py",
    "generator/engines/mkdocs_plugin/config.py",
    ".github/workflows/handbook.yml",
    ".github/CODEOWNERS",
    "docs/index.md",
    # A team outside the company belongs to no department: the handbook's maintainers approve it.
    "roles/ad-agency.yml",
]


def _owners(rules: CodeOwners, path: str) -> list[str]:
    return [owner for _, owner in rules.of(path)]


@pytest.fixture
def company(tmp_path: Path) -> Path:
    folder = tmp_path / "company"
    shutil.copytree(COMPANY, folder)
    return folder


@pytest.mark.parametrize("syntax", ["github", "gitlab"])
def test_every_file_is_owned_by_exactly_its_departments_maintainers(company, syntax):
    result = handbook("codeowners", ".", "--syntax", syntax, "--output", "-", cwd=company)
    assert result.returncode == 0, result.stderr
    rules = CodeOwners(result.stdout)
    for department, files in FILES.items():
        for path in files:
            assert (company / path).is_file(), path
            assert _owners(rules, path) == MAINTAINERS[department], path
    for path in TOOL_FILES:
        assert _owners(rules, path) == HANDBOOK_TEAM, path
    # Every handbook file is covered, and none by a department it does not belong to.
    every_file = sorted(p.relative_to(company).as_posix() for p in company.rglob("*.yml"))
    listed = {path for files in FILES.values() for path in files} | set(TOOL_FILES)
    assert set(every_file) <= listed
    if syntax == "gitlab":
        assert rules.section_name("roles/sales-head.yml") == "Department sales"


def test_the_committed_file_is_what_the_command_writes_and_validates(company):
    committed = (company / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    result = handbook("codeowners", ".", "--output", "-", cwd=company)
    assert result.stdout == committed
    assert handbook("validate", ".", "--strict", cwd=company).returncode == 0


def test_moving_a_role_makes_the_file_stale_until_the_command_runs_again(company):
    role = company / "roles" / "account-manager.yml"
    role.write_text(role.read_text(encoding="utf-8").replace("department: sales", "department: marketing"))
    # Its head still reports to the sales head: that is a warning, not the point here.
    stale = handbook("validate", ".", "--lang", "en", cwd=company)
    assert stale.returncode == 1
    assert ".github/CODEOWNERS:" in stale.stdout
    assert " HB077 " in stale.stdout
    written = handbook("codeowners", ".", cwd=company)
    assert written.returncode == 0, written.stderr
    rules = CodeOwners((company / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    assert _owners(rules, "roles/account-manager.yml") == MAINTAINERS["marketing"]
    again = handbook("validate", ".", "--lang", "en", cwd=company)
    assert " HB077 " not in again.stdout


def test_the_command_refuses_a_handbook_with_errors(company):
    department = company / "departments" / "sales.yml"
    department.write_text(department.read_text(encoding="utf-8").replace("head: sales-head", "head: nobody"))
    before = (company / ".github" / "CODEOWNERS").read_bytes()
    result = handbook("codeowners", ".", "--lang", "en", cwd=company)
    assert result.returncode == 1
    assert "HB072" in result.stderr
    assert (company / ".github" / "CODEOWNERS").read_bytes() == before
