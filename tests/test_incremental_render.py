"""A preview renders again only the pages an edit can change, and the result equals a full render.

Runs the real loader and checker on copies of the example, renders the pages once,
edits YAML the way an editor would, and renders again with the first render's units.
Which pages name the edited role was read off the example's YAML by hand.
"""

from __future__ import annotations

from pathlib import Path

from generator.render.incremental import render_units, roles_edited_in_text
from generator.render.pages import RenderedUnit
from generator.render.renderer import Renderer
from generator.rules.checking import check_handbook
from generator.source.model import Handbook
from tests.conftest import copy_example

ROLE = "roles/brand-promotion.yml"
TITLE_LINE = "title: 品牌推廣專員\n"


def handbook_of(root: Path) -> Handbook:
    report = check_handbook(root, language="zh-Hant")
    assert not report.errors
    return report.handbook


def edited(root: Path, path: str, old: str, new: str) -> Handbook:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return handbook_of(root)


def renderer(handbook: Handbook) -> Renderer:
    return Renderer(handbook, language="zh-Hant", site_url="https://example.org/marketing/")


def rendered_again(before: list[RenderedUnit], after: list[RenderedUnit]) -> set[str]:
    """Keys of the units of `after` that were rendered anew (not the same object as before)."""
    kept = {id(unit) for unit in before}
    return {unit.key for unit in after if id(unit) not in kept}


def test_a_role_title_edit_renders_again_exactly_the_pages_that_name_the_role(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "handbook")
    first = handbook_of(root)
    units = render_units(renderer(first))
    second = edited(root, ROLE, TITLE_LINE, "title: 品牌大使\n")
    assert roles_edited_in_text(first, second) == {"brand-promotion"}

    again = render_units(renderer(second), last=units, last_handbook=first)

    keys = rendered_again(units, again)
    # Pages that show the role's title: its own page, its manager's (reports), the indexes,
    # the org chart, and the processes and stages where it holds a RACI letter.
    for key in (
        "roles/brand-promotion.md",
        "roles/marketing-head.md",
        "roles/index.md",
        "org-chart.md",
        "processes/campaign-lifecycle/index.md",
        "processes/campaign-lifecycle/warm-up.md",
        "processes/campaign-lifecycle/wrap-up.md",
        "processes/marketing-management/index.md",
        "processes/marketing-management/plan.md",
        "processes/marketing-management/execute.md",
        "processes/marketing-management/monitor.md",
        "processes/marketing-management/review.md",
    ):
        assert key in keys, key
    # Pages that never show it: kept, not rendered again.
    for key in (
        "rules.md",
        "processes/index.md",
        "processes/campaign-lifecycle/peak.md",
        "roles/supply-chain.md",
    ):
        assert key not in keys, key
    pages = {page.path: page.content for unit in again for page in unit.pages}
    assert "品牌大使" in pages["processes/campaign-lifecycle/warm-up.md"]
    assert "品牌大使" in pages["org-chart.md"]
    assert "品牌推廣專員" not in pages["roles/index.md"]
    # Kept or rendered again, the pages are exactly those of a full render of the edited handbook.
    assert [(unit.key, unit.pages) for unit in again] == [
        (unit.key, unit.pages) for unit in renderer(second).rendered_units()
    ]


def test_an_edit_that_is_not_a_roles_text_renders_every_page_again(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "handbook")
    first = handbook_of(root)
    units = render_units(renderer(first))

    # A new manager: the old and the new manager's pages change, though neither read the role before.
    moved = edited(root, ROLE, "reports_to: marketing-head\n", "reports_to: pr-team\n")
    assert roles_edited_in_text(first, moved) is None
    again = render_units(renderer(moved), last=units, last_handbook=first)
    assert rendered_again(units, again) == {unit.key for unit in again}
    before = {page.path: page.content for unit in units for page in unit.pages}
    pages = {page.path: page.content for unit in again for page in unit.pages}
    assert "(brand-promotion.md)" not in before["roles/pr-team.md"]
    assert "(brand-promotion.md)" in pages["roles/pr-team.md"]

    # A process's title edited: every page again (stage pages, indexes and role pages show it).
    retitled = edited(root, "processes/campaign-lifecycle.yml", "\ntitle: ", "\ntitle: 新")
    assert roles_edited_in_text(moved, retitled) is None
    again = render_units(renderer(retitled), last=units, last_handbook=moved)
    assert rendered_again(units, again) == {unit.key for unit in again}


def test_nothing_edited_keeps_every_page(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "handbook")
    first = handbook_of(root)
    units = render_units(renderer(first))
    second = handbook_of(root)  # read again: equal values, new objects
    assert second is not first
    again = render_units(renderer(second), last=units, last_handbook=first)
    assert rendered_again(units, again) == set()
