"""A preview's check parses only the files an edit changed, and finds what a fresh check finds."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.rules.checking import LastReport, ParsedFiles, check_handbook
from tests.conftest import REPO


def _copy_example(tmp_path: Path) -> Path:
    root = tmp_path / "handbook"
    for folder in ("roles", "processes"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "glossary.yml", root / "glossary.yml")
    return root


def test_an_edit_is_checked_like_a_fresh_check_and_the_other_files_are_not_parsed_again(tmp_path: Path) -> None:
    root = _copy_example(tmp_path)
    parsed = ParsedFiles()
    first = LastReport().check(root, language="zh-Hant", parsed=parsed)
    assert first.problems == check_handbook(root, language="zh-Hant").problems == ()

    edited = root / "roles" / "new-media.yml"
    text = edited.read_text(encoding="utf-8")
    assert "reports_to: marketing-head" in text
    edited.write_text(text.replace("reports_to: marketing-head", "reports_to: marketing-haed"), encoding="utf-8")
    second = LastReport().check(root, language="zh-Hant", parsed=parsed)
    fresh = check_handbook(root, language="zh-Hant")
    assert second.problems == fresh.problems
    assert [(p.code, p.path) for p in second.problems] == [("HB030", "roles/new-media.yml")]
    assert second.handbook == fresh.handbook

    before = {source.path: source for source in first.sources}
    after = {source.path: source for source in second.sources}
    assert after.keys() == before.keys()
    # The edited file was parsed again; every other one is the very object of the first check.
    assert after["roles/new-media.yml"] is not before["roles/new-media.yml"]
    assert all(after[path] is before[path] for path in after if path != "roles/new-media.yml")

    # Fixed again, and a file removed: both show as a fresh check sees them.
    edited.write_text(text, encoding="utf-8")
    (root / "roles" / "brand-promotion.yml").unlink()
    third = LastReport().check(root, language="zh-Hant", parsed=parsed)
    assert third.problems == check_handbook(root, language="zh-Hant").problems != ()
    assert "roles/brand-promotion.yml" not in {source.path for source in third.sources}


def test_other_rule_settings_or_language_check_every_file_again(tmp_path: Path) -> None:
    root = _copy_example(tmp_path)
    parsed = ParsedFiles()
    first = LastReport().check(root, language="zh-Hant", parsed=parsed)
    english = LastReport().check(root, language="en", parsed=parsed)
    assert not {id(source) for source in english.sources} & {id(source) for source in first.sources}
    # A file with a problem of a one-file rule: its message comes in the new language, as a fresh check gives it.
    bad = root / "roles" / "market-research.yml"
    bad.write_text(bad.read_text(encoding="utf-8") + "surprise_key: 1\n", encoding="utf-8")
    for language in ("en", "zh-Hant"):
        assert (
            LastReport().check(root, language=language, parsed=parsed).problems
            == check_handbook(root, language=language).problems
            != ()
        )
    switched_off = {"HB001": "off", "schema": "off"}
    assert (
        LastReport().check(root, language="en", settings=switched_off, parsed=parsed).problems
        == check_handbook(root, language="en", settings=switched_off).problems
    )
