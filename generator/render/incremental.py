"""Which generated pages an edit leaves as they were: a preview renders only the others again.

An edit to a role's text (its title, summary, responsibilities …) changes exactly
the pages whose templates read that role: the role's own page, the stage and
process pages that name it, the indexes, the org chart. The renderer notes which
roles each unit of pages read (see Renderer.rendered_units); a unit that read
none of the edited roles is kept as it was. Any other change (a process, the
glossary, a department, a role added, removed, renamed or moved in the reporting
line) cannot be traced this way, and every page is rendered again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

from generator.render.pages import RenderedUnit
from generator.render.renderer import Renderer
from generator.source.model import Handbook, Role

# Fields of a role that only the pages reading the role show. Every other field (and any
# field added later) changes which pages list the role or what they compute from it: the
# reporting line, the department, external, buddies, former ids, metrics (the metrics page
# gathers them in Python), and the id itself.
TEXT_FIELDS = frozenset(
    {"title", "summary", "responsibilities", "tools", "accounts", "first_deliverable", "path", "at", "id_at"}
)


def roles_edited_in_text(old: Handbook, new: Handbook) -> frozenset[str] | None:
    """The ids of the roles whose text alone changed from `old` to `new`; None when anything else changed."""
    for field in fields(Handbook):
        if field.name != "roles" and getattr(old, field.name) != getattr(new, field.name):
            return None
    if len(old.roles) != len(new.roles):
        return None
    edited = set()
    for before, after in zip(old.roles, new.roles, strict=True):
        if before == after:
            continue
        if any(getattr(before, f.name) != getattr(after, f.name) for f in fields(Role) if f.name not in TEXT_FIELDS):
            return None
        edited.add(after.id)
    return frozenset(edited)


def render_units(
    renderer: Renderer, *, last: Sequence[RenderedUnit] = (), last_handbook: Handbook | None = None
) -> list[RenderedUnit]:
    """The renderer's pages, keeping the units of `last` (rendered from `last_handbook`) that no edit touched.

    `last` must come from a renderer with the same language and site settings.
    """
    edited = roles_edited_in_text(last_handbook, renderer.handbook) if last_handbook is not None else None
    if edited is None or not last:
        return renderer.rendered_units()
    by_key = {unit.key: unit for unit in last}

    def kept(key: str) -> RenderedUnit | None:
        unit = by_key.get(key)
        return unit if unit is not None and not (unit.roles_read & edited) else None

    return renderer.rendered_units(kept=kept)
