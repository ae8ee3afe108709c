"""HB109 site-url-set: mkdocs.yml must say where the site is published, or HR's permanent links are relative."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.rules.checking import check_handbook
from generator.source.site_config import SiteSettings
from tests.conftest import WriteHandbook, codes
from tests.conftest import handbook_in_process as handbook
from tests.site.conftest import build_handbook, make_site_project

NO_ADDRESS = """\
site_name: 市場營銷部手冊
theme:
  name: material
  language: zh-Hant
"""


def test_a_site_without_an_address_is_a_warning_that_says_what_to_add(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text(NO_ADDRESS, encoding="utf-8")
    relaxed = handbook("validate", ".", cwd=root)
    assert relaxed.returncode == 0, relaxed.stdout + relaxed.stderr
    (line,) = [row for row in relaxed.stdout.splitlines() if "HB109" in row]
    assert line.startswith("mkdocs.yml:1:1: warning HB109 ")
    # In the handbook's language, naming the setting and a line to copy.
    assert "人資" in line and "`site_url: https://handbook.example.com/`" in line
    assert handbook("validate", ".", "--strict", cwd=root).returncode == 1


def test_a_site_with_an_address_passes(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text(NO_ADDRESS + "site_url: https://handbook.example.com/marketing/\n", "utf-8")
    result = handbook("validate", ".", "--strict", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "HB109" not in result.stdout


def test_an_empty_address_is_no_address(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text(NO_ADDRESS + "site_url: ''\n", "utf-8")
    assert "warning HB109" in handbook("validate", ".", cwd=root).stdout


def test_a_handbook_without_mkdocs_yml_is_not_asked_for_one(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    assert "HB109" not in handbook("validate", ".", "--strict", cwd=root).stdout
    # The library call checks mkdocs.yml only when it is handed one.
    assert "HB109" not in codes(check_handbook(root))
    report = check_handbook(root, site=SiteSettings(path="mkdocs.yml", site_url=None))
    assert [(p.code, p.path, p.line, p.column) for p in report.problems] == [("HB109", "mkdocs.yml", 1, 1)]


def test_the_path_points_at_mkdocs_yml_above_a_handbook_kept_in_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "hb" / "roles").mkdir(parents=True)
    (tmp_path / "hb" / "roles" / "lead.yml").write_text("id: lead\ntitle: 組長\n", "utf-8")
    config = NO_ADDRESS + "plugins:\n  - handbook:\n      root: hb\n"
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    result = handbook("validate", ".", cwd=tmp_path)
    assert result.stdout.startswith("mkdocs.yml:1:1: warning HB109 "), result.stdout


def test_the_rule_can_be_switched_off(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    config = NO_ADDRESS + textwrap.dedent("""\
        plugins:
          - handbook:
              rules:
                site-url-set: "off"
        """)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    assert "HB109" not in handbook("validate", ".", "--strict", cwd=root).stdout


@pytest.mark.slow  # two site builds
def test_a_strict_build_stops_on_the_same_warning(write_handbook: WriteHandbook) -> None:
    root = make_site_project(write_handbook())
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_url: https://handbook.example.com/test/\n", ""), "utf-8")
    result = build_handbook(".", "--strict", cwd=root)
    assert result.returncode != 0
    assert "HB109" in result.stderr
    assert build_handbook(".", cwd=root).returncode == 0
