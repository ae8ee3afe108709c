"""HB091 site-config-settings: mkdocs.yml names the site and gives each checked setting a value of the right kind."""

from __future__ import annotations

import pytest

from tests.conftest import WriteHandbook
from tests.conftest import handbook_in_process as handbook
from tests.rules._site_config import GOOD, site_problems


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (("site_name: 市場營銷部手冊\n", ""), (1, 1), "`site_name`"),
        (("site_name: 市場營銷部手冊", "site_name: ''"), (1, 12), "`site_name`"),
        (("site_name: 市場營銷部手冊", "site_name: 2024-01-01"), (1, 12), "引號"),
        (("docs_dir: handbook", "docs_dir: handbok"), (3, 11), "`handbok`"),
        (("docs_dir: handbook", "docs_dir: ."), (3, 11), "子資料夾"),
        (("docs_dir: handbook", "docs_dir: handbook\nsite_dir: handbook/out"), (4, 11), "覆寫"),
        (("  name: material", "  name: materail"), (5, 9), "`material`"),
        (("site_url: https://handbook.example.com/", "site_url: handbook.example.com"), (2, 11), "https://"),
        (("docs_dir: handbook", "docs_dir: handbook\nuse_directory_urls: maybe"), (4, 21), "`true`"),
        (("site_url: https://handbook.example.com/", "site_url: false"), (2, 11), "文字"),
        (("  language: zh-Hant", "  language: klingon"), (6, 13), "`klingon`"),
        (("  language: zh-Hant", "  language: material"), (6, 13), "`material`"),
        (("  name: material", "  name: !ENV [NO_SUCH_VARIABLE_HERE, materail]"), (5, 9), "`material`"),
    ],
    ids=[
        "no-name",
        "empty-name",
        "date-name",
        "docs-missing",
        "docs-is-root",
        "nested",
        "theme",
        "url",
        "bool",
        "url-kind",
        "language",
        "language-swapped",
        "env-theme",
    ],
)
def test_a_setting_mkdocs_would_refuse_is_an_error_at_its_line(
    write_handbook: WriteHandbook, change: tuple[str, str], where: tuple[int, int], words: str
) -> None:
    old, new = change
    assert old in GOOD
    (found,) = site_problems(write_handbook(), GOOD.replace(old, new), "HB091")
    assert found[:2] == where, found
    assert words in found[2]


@pytest.mark.parametrize("language", ["zh-Hant", "zh-Hans", "zh_TW", "zh-HK", "zh", "en", "ja"])
def test_the_example_settings_pass_with_any_language_the_plugin_hands_material(
    write_handbook: WriteHandbook, language: str
) -> None:
    config = GOOD.replace("language: zh-Hant", f"language: {language}")
    assert site_problems(write_handbook(), config, "HB091") == []


def test_no_docs_dir_and_no_docs_folder_still_builds(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text(
        "site_name: 手冊\nsite_url: https://h.example.com/\nplugins:\n  - handbook\n", encoding="utf-8"
    )
    assert handbook("validate", ".", "--strict", cwd=root).returncode == 0
    built = handbook("build", ".", cwd=root)
    assert built.returncode == 0, built.stderr
    assert (root / "site" / "roles").is_dir()
    assert not (root / "docs").exists()


def test_strict_true_in_mkdocs_yml_makes_a_warning_fail_validate_as_it_fails_the_build(
    write_handbook: WriteHandbook,
) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text("site_name: 手冊\nstrict: true\nplugins:\n  - handbook\n", encoding="utf-8")
    checked = handbook("validate", ".", cwd=root)
    assert "warning HB109" in checked.stdout and checked.returncode == 1
    built = handbook("build", ".", cwd=root)
    assert built.returncode == 1 and "Traceback" not in built.stderr


def test_a_broken_file_still_speaks_the_language_it_sets(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text("site_name: [手冊\ntheme:\n  name: material\n  language: zh-Hant\n", "utf-8")
    checked = handbook("validate", ".", cwd=root)
    assert "error HB090" in checked.stdout and "有效的 YAML" in checked.stdout
