"""HB093 site-config-plugins: each plugin is installed and written as a name or with options (handbook's checked)."""

from __future__ import annotations

from tests.conftest import WriteHandbook
from tests.conftest import handbook_in_process as handbook
from tests.rules._site_config import GOOD, site_problems


def test_a_plugin_that_is_not_installed_is_an_error_with_its_name(write_handbook: WriteHandbook) -> None:
    config = GOOD.replace("plugins:\n", "plugins:\n  - serach\n")
    ((line, column, message),) = site_problems(write_handbook(), config, "HB093")
    assert (line, column) == (8, 5) and "`serach`" in message


def test_options_that_are_not_a_mapping_are_an_error(write_handbook: WriteHandbook) -> None:
    config = GOOD.replace("  - handbook:\n      mermaid: local", "  - handbook: local")
    ((line, column, message),) = site_problems(write_handbook(), config, "HB093")
    assert (line, column) == (8, 15) and "選項" in message


def test_the_theme_plugin_by_its_short_name_passes(write_handbook: WriteHandbook) -> None:
    config = GOOD.replace("plugins:\n", "plugins:\n  - search\n  - material/tags\n")
    assert site_problems(write_handbook(), config, "HB093") == []


def test_a_misspelt_or_wrong_handbook_option_is_reported_by_validate_at_its_line(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    (root / "handbook").mkdir()
    (root / "mkdocs.yml").write_text(GOOD.replace("mermaid: local", "mermaid: locl\n      navigaton: false"), "utf-8")
    result = handbook("validate", ".", cwd=root)
    assert result.returncode == 1
    rows = [row for row in result.stdout.splitlines() if "HB093" in row]
    assert rows[0].startswith("mkdocs.yml:9:16: error HB093 ") and "`mermaid`" in rows[0]
    assert rows[1].startswith("mkdocs.yml:10:7: error HB093 ") and "`navigaton`" in rows[1]
    (root / "mkdocs.yml").write_text(GOOD, "utf-8")
    assert "HB093" not in handbook("validate", ".", cwd=root).stdout
