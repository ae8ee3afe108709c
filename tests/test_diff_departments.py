"""`handbook diff` on the company example: which departments a change reaches, and whose approval it needs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.conftest import handbook_in_process as handbook

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow

COMPANY = REPO / "tests" / "examples" / "company"

# Written by hand: the product department's process now informs the sales department's account
# manager, and the content writer moves from marketing to product.
EXPECTED_SECTION = """\
### Departments and approvals

- `processes/product-launch.yml` (department `product`): affects `product`, `sales`
    - **`新產品上市` › `準備` › `定義產品與價格`** (`define-offer`): `I` ➕ `account-manager` of the department `sales`
- `roles/content-writer.yml` (department `product`, `marketing`): affects `product`, `marketing`

**Approval needed from the maintainers of each affected department:**

- `product`: `@chen-product`
- `sales`: `@acme/sales-leads`
- `marketing`: `@acme/marketing-leads`, `lin.meiling@example.com`
"""


def git(root: Path, *args: str) -> str:
    command = ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.com", *args]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def company_repo(tmp_path: Path) -> Path:
    root = tmp_path / "company"
    shutil.copytree(COMPANY, root)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "base")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_step_of_one_department_giving_work_to_another_departments_role_needs_both(company_repo):
    _edit(
        company_repo / "processes" / "product-launch.yml",
        "          C: [marketing-head, sales-head]\n",
        "          C: [marketing-head, sales-head]\n          I: [account-manager]\n",
    )
    role = company_repo / "roles" / "content-writer.yml"
    _edit(role, "department: marketing", "department: product")
    _edit(role, "reports_to: marketing-head", "reports_to: product-head")
    result = handbook("diff", "HEAD", "--dir", company_repo, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("\n" + EXPECTED_SECTION + "\n")


def test_moving_lines_inside_a_file_changes_no_department(company_repo):
    # The same data, written in another order: nobody's approval is needed for that.
    department = company_repo / "departments" / "sales.yml"
    _edit(
        department,
        "summary: 把商機變成訂單，照顧既有客戶。\nhead: sales-head\n",
        "head: sales-head\nsummary: 把商機變成訂單，照顧既有客戶。\n",
    )
    result = handbook("diff", "HEAD", "--dir", company_repo, "--lang", "en")
    assert "### Departments and approvals\n\nNo department's files change.\n" in result.stdout


def test_a_handbook_without_departments_gets_no_department_section(tmp_path):
    root = tmp_path / "plain"
    shutil.copytree(REPO / "tests" / "examples" / "english", root)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "base")
    _edit(root / "roles" / "support-agent.yml", "title: ", "title: Senior ")
    result = handbook("diff", "HEAD", "--dir", root)
    assert result.returncode == 0, result.stderr
    assert "Departments" not in result.stdout
