"""Where each generated page lives and the links between pages: the one scheme of the site's paths and URLs."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from generator.source.documents import documents_of, metrics_of
from generator.source.model import Handbook, Process, Stage


def role_path(role_id: str) -> str:
    return f"roles/{role_id}.md"


def process_path(process: Process) -> str:
    return process_path_of(process.id)


def process_path_of(process_id: str) -> str:
    return f"processes/{process_id}/index.md"


def stage_path(process: Process, stage: Stage) -> str:
    return f"processes/{process.id}/{stage.id}.md"


DOCUMENTS_PATH = "documents.md"
METRICS_PATH = "metrics.md"
GLOSSARY_PATH = "glossary.md"
PEOPLE_PATH = "people.md"
# The maintainers' list of reviews that are due (always generated, in the editors' section).
REVIEWS_PAGE = "reviews.md"


def page_url(path: str, *, directory_urls: bool = True) -> str:
    """The address MkDocs gives the page written from `path` (`roles/x.md` → `roles/x/`), below the site root."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@lru_cache(maxsize=1 << 16)
def relative_path(target: str, start: str) -> str:
    """posixpath.relpath for two paths below the site root, without its calls to the file system.

    posixpath.relpath makes both paths absolute against the working folder (a system
    call each time): with links on every page in every row, that was a fifth of
    rendering a big handbook. A path holding `..` still goes to relpath.
    """
    if ".." in target or ".." in start:
        return posixpath.relpath(target, start)
    target_parts = [part for part in target.split("/") if part and part != "."]
    start_parts = [part for part in start.split("/") if part and part != "."]
    shared = 0
    for mine, theirs in zip(target_parts, start_parts, strict=False):
        if mine != theirs:
            break
        shared += 1
    return "/".join([".."] * (len(start_parts) - shared) + target_parts[shared:]) or "."


def relative_url(target: str, *, start: str) -> str:
    """`target` (an address below the site root) as a link from the page at address `start`."""
    start_folder = start if start.endswith("/") or not start else posixpath.dirname(start) + "/"
    relative = relative_path(target or ".", start_folder.rstrip("/") or ".")
    if target.endswith("/") or not target:
        relative = "./" if relative == "." else relative + "/"
    return relative


def role_url(role_id: str) -> str:
    """The address of a role page below the site root, as MkDocs' directory URLs write it."""
    return page_url(role_path(role_id))


def reference_paths(handbook: Handbook) -> list[str]:
    """The people, documents, metrics and glossary pages a handbook gets: each only when it has content."""
    wanted = {
        PEOPLE_PATH: bool(handbook.people),
        DOCUMENTS_PATH: bool(documents_of(handbook)),
        METRICS_PATH: bool(metrics_of(handbook)),
        GLOSSARY_PATH: bool(handbook.glossary),
    }
    return [path for path, has_content in wanted.items() if has_content]
