"""`search_engine: auto` keeps Material's search on a small handbook such as the example."""

from __future__ import annotations

from pathlib import Path

from tests.site.conftest import read_html


def test_auto_keeps_materials_search_on_the_example(example_site: Path) -> None:
    home = read_html(example_site, "")
    scripts = [script.get("src", "") for script in home.find_all("script")]
    assert any(src.endswith("assets/handbook/search.js") for src in scripts)
    assert not any("pagefind" in src for src in scripts)
    # Material fetches its index only when the search form has this name.
    assert home.find("form", attrs={"name": "search"}) is not None
    assert home.find(attrs={"data-pagefind-body": True}) is None
    assert (example_site / "search" / "search_index.json").is_file()
    assert not (example_site / "pagefind").exists()
