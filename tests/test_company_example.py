"""The company example (tests/examples/company/) and the synthetic company: departments as data, end to end."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema

from generator.rules.checking import check_handbook
from generator.source.departments import department_by_id, processes_owned_by, processes_taken_part_in, roles_of
from tests.conftest import REPO
from tests.conftest import handbook_in_process as handbook

COMPANY = REPO / "tests" / "examples" / "company"


def test_the_company_example_validates_clean_with_four_departments():
    report = check_handbook(COMPANY)
    assert report.problems == ()
    hb = report.handbook
    assert (len(hb.departments), len(hb.roles), len(hb.processes)) == (4, 8, 3)
    by_id = department_by_id(hb)
    assert [role.id for role in roles_of(hb, by_id["marketing"])] == ["marketing-head", "content-writer"]
    assert [p.id for p in processes_owned_by(hb, by_id["product"])] == ["product-launch"]
    # Marketing and sales take part in the product department's launch; sales in marketing's lead handover.
    assert [p.id for p in processes_taken_part_in(hb, by_id["sales"])] == [
        "lead-handover",
        "product-launch",
        "quarterly-planning",
    ]
    assert [p.id for p in processes_taken_part_in(hb, by_id["marketing"])] == ["product-launch", "quarterly-planning"]


def test_the_export_carries_departments_and_matches_the_published_schema(tmp_path: Path):
    result = handbook("export", str(COMPANY))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    schema = json.loads((REPO / "generator" / "schema" / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert [d["id"] for d in data["departments"]] == ["executive", "marketing", "product", "sales"]
    assert data["departments"][3] == {
        "id": "sales",
        "title": "業務部",
        "summary": "把商機變成訂單，照顧既有客戶。",
        "head": "sales-head",
        "parent": "executive",
        "maintainers": ["@acme/sales-leads"],
        "source": "departments/sales.yml",
    }
    departments = {role["id"]: role.get("department") for role in data["roles"]}
    assert departments["account-manager"] == "sales"
    assert departments["ad-agency"] is None  # a team outside the company names none


def test_the_marketing_example_exports_no_department_keys():
    data = json.loads(handbook("export", str(REPO)).stdout)
    assert "departments" not in data
    assert all("department" not in role for role in data["roles"])


def test_new_department_writes_a_skeleton_that_asks_for_its_head_and_maintainers(tmp_path: Path):
    root = tmp_path / "company"
    shutil.copytree(COMPANY, root)
    result = handbook("new", "department", "finance", "--dir", root, "--lang", "en")
    assert result.returncode == 0, result.stderr
    text = (root / "departments" / "finance.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../generator/schema/department.schema.json\n")
    assert "id: finance\n" in text
    report = check_handbook(root)
    assert sorted((p.code, p.path) for p in report.problems) == [
        ("HB059", "departments/finance.yml"),  # the title to write
        ("HB059", "departments/finance.yml"),  # the summary to write
        ("HB072", "departments/finance.yml"),
        ("HB073", "departments/finance.yml"),
    ]
    again = handbook("new", "department", "finance", "--dir", root, "--lang", "en")
    assert again.returncode == 2
    assert "already exists" in again.stderr


def test_the_synthetic_company_puts_every_internal_role_in_a_department(tmp_path: Path):
    out = tmp_path / "synthetic"
    command = [sys.executable, str(REPO / "benchmarks" / "make_handbook.py"), "--roles", "60", "--processes", "12"]
    done = subprocess.run([*command, "--out", str(out)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    report = check_handbook(out)
    assert report.problems == ()
    hb = report.handbook
    # The company itself and the six departments directly under its head (six reports each).
    assert [d.id for d in hb.departments] == [
        "company",
        "engineering",
        "finance",
        "marketing",
        "people",
        "product",
        "sales",
    ]
    assert all(d.maintainers == (f"@synthetic/{d.id}-leads",) for d in hb.departments)
    assert all(role.department is not None for role in hb.roles if not role.external)
