"""What the renderer produces: pages, the units a preview re-renders, and the navigation.

The page modules (the renderer, the department pages, the navigation) all speak in these
types, so they live below all of them; `PageRenderer` is the one method a page module
outside the renderer needs from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Page:
    """A generated Markdown page; `source` is the YAML file a reader should edit, if any."""

    path: str
    content: str
    source: str | None


@dataclass(frozen=True, slots=True)
class RenderedUnit:
    """Pages rendered together, and the roles their templates read (see Renderer.rendered_units).

    `key` names the unit the same way in every render of a handbook with the same
    roles and processes, so a preview can keep a unit whose roles did not change.
    """

    key: str
    pages: tuple[Page, ...]
    roles_read: frozenset[str]


# The label that spells out each RACI letter: one word per letter, the same on every page.


@dataclass(frozen=True, slots=True)
class Navigation:
    """The generated pages as nested (title → paths) sections, in the shape MkDocs' `nav` uses.

    `readers` are what a reader looks things up in: the roles, the processes with their
    stages, the org chart and the reference pages. `maintainers` is one section for the
    people who edit the handbook (the editing guide and the rules page): it goes last, so
    a new hire's sidebar starts with their answers, not with how to write YAML.
    """

    readers: list[Any]
    maintainers: list[Any]


# Most links a sidebar section lists before its index page stands in for them. People
# read a list of fifty links, not of a thousand; and every page carries the whole
# sidebar, so listing every page would make the build grow with the square of the
# page count (see README, Performance). The index pages
# list every role and every process with its stages, so nothing becomes unreachable.


class PageRenderer(Protocol):
    """The renderer as the page modules outside it see it (generator.render.departments)."""

    def render_page(self, template: str, path: str, source: str | None, **context: Any) -> Page: ...
