"""The built example carries the editor at /admin/ (issue 23): its page, its generated config.yml and Decap CMS."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort, PluginError

from generator.engines.editor.bundle import DECAP_VERSION, EditorMissing, installed_editor_files
from generator.words.messages import render
from tests.conftest import build_in_process
from tests.site.conftest import make_site_project


def test_the_example_site_has_the_editor(example_site: Path) -> None:
    admin = example_site / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in page and 'lang="zh-Hant"' in page
    # Every chunk the main script loads is in the site: nothing comes from a CDN.
    chunks = {path.name for path in installed_editor_files()}
    assert chunks <= {path.name for path in admin.iterdir()}
    assert "unpkg.com" not in page and "cdn" not in page.lower()
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    # From mkdocs.yml's repo_url (a host of its own) and edit_uri (edit/main/…).
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "marketing/handbook", "branch": "main"}
    assert config["backend"]["api_root"] == "https://git.example.com/api/v3"
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "zh_Hant"
    assert "local_backend" not in config
    assert [collection["name"] for collection in config["collections"]] == ["roles", "processes", "people", "glossary"]


def test_a_site_without_the_editor_option_has_no_admin(write_handbook, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_site_project(write_handbook())
    assert not (build_in_process(root, strict=True) / "admin").exists()


def test_a_missing_bundle_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    with pytest.raises(EditorMissing) as raised:
        installed_editor_files()
    text = render(raised.value.message, "zh-Hant")
    assert "make" in text and DECAP_VERSION in text and "enabled: false" in text


def test_a_build_without_the_bundle_stops_with_how_to_get_it(
    write_handbook, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    root = make_site_project(write_handbook())
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("  - handbook\n", "  - handbook:\n      editor:\n        enabled: true\n"), encoding="utf-8"
    )
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "no-bundle"))
    with pytest.raises(Abort) as raised:
        build_in_process(root)
    reason = raised.value.__context__
    assert isinstance(reason, PluginError)
    assert "Decap CMS" in str(reason) and "`make`" in str(reason) and "enabled: false" in str(reason)
