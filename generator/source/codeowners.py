"""The CODEOWNERS file that follows ownership: each department's files to its maintainers.

GitHub and GitLab both read CODEOWNERS (`.github/`, the repository root, `docs/`,
and for GitLab `.gitlab/`), and both let the *last* matching line decide. The file
written here never lets two lines match one file, so the order does not matter and
each file is owned by exactly one group of people:

- the tool and its configuration (`mkdocs.yml`, `generator/`, `.github/`, `Makefile`)
  and the files every department shares (the docs folder, `glossary.yml`) belong to
  the handbook's maintainers, named in mkdocs.yml (`plugins: - handbook: maintainers:`);
- each department file, and every role and process file naming that department,
  belongs to the department's `maintainers` and to its people who have a `github:`
  handle in people/ (`@handle`).

GitLab sections (`[Department sales]`) keep the file readable there; GitHub gets a
comment line instead. Paths are relative to the folder of mkdocs.yml, which is the
repository root in the usual layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from generator.source.departments import files_of_departments, is_maintainer, people_of
from generator.source.files import GLOSSARY_FILE
from generator.source.model import Handbook, Process, Role
from generator.source.site_config import CONFIG_FILE, DEFAULT_DOCS_DIR

Syntax = Literal["github", "gitlab"]
SYNTAXES: tuple[Syntax, ...] = ("github", "gitlab")
# Where GitHub and GitLab look for the file, in the order they do; `handbook codeowners` writes the first.
PLACES: Mapping[Syntax, tuple[str, ...]] = {
    "github": (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"),
    "gitlab": ("CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"),
}
# The tool's own code and configuration, named in the issue that asked for this file.
TOOL_PATHS = (f"/{CONFIG_FILE}", "/generator/", "/.github/", "/Makefile")
# Wherever else the hosts read CODEOWNERS from: whoever may change it may change every approval.
_CODEOWNERS_ELSEWHERE = ("/CODEOWNERS", "/.gitlab/")
HEADER = "# Written by `handbook codeowners` from departments/ and mkdocs.yml: edit those and run it again."
# A path CODEOWNERS reads literally on both hosts: no spaces, no glob or comment characters.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._/-]+")


@dataclass(frozen=True, slots=True)
class Section:
    """A group of paths and the people who approve changes to them."""

    name: str
    owners: tuple[str, ...]
    paths: tuple[str, ...]


def handbook_maintainers(config: Mapping[str, Any]) -> tuple[str, ...]:
    """The `maintainers` of the handbook plugin in mkdocs.yml (read as plain data), usable ones only."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("handbook"), dict):
            found = plugin["handbook"].get("maintainers")
            if isinstance(found, list):
                return tuple(item.strip() for item in found if isinstance(item, str) and is_maintainer(item.strip()))
    return ()


def _usable(owners: Sequence[str]) -> tuple[str, ...]:
    # Only what CODEOWNERS reads as an owner: anything else could add a line or a pattern (HB073 says so).
    return tuple(dict.fromkeys(owner for owner in owners if is_maintainer(owner)))


def sections(
    handbook: Handbook, *, maintainers: Sequence[str], config: Mapping[str, Any], prefix: str = ""
) -> list[Section]:
    """The CODEOWNERS sections: the handbook's maintainers first, then one per department with maintainers.

    `prefix` is the handbook's folder relative to mkdocs.yml's (`""` when they are the same).
    """
    docs_dir = config.get("docs_dir", DEFAULT_DOCS_DIR)
    shared = [*TOOL_PATHS, *_CODEOWNERS_ELSEWHERE]
    if isinstance(docs_dir, str) and _PLAIN_PATH.fullmatch(docs_dir.strip("/")):
        shared.append(f"/{docs_dir.strip('/')}/")
    shared.append(f"/{prefix}{GLOSSARY_FILE}")
    paths_by_department: dict[str, list[str]] = {}
    owned_paths = set()
    for owned in files_of_departments(handbook):
        path = f"{prefix}{owned.path}"
        owned_paths.add(owned.path)
        if _PLAIN_PATH.fullmatch(path):
            paths_by_department.setdefault(owned.department.id, []).append(f"/{path}")
    # Teams outside the company (and files naming no known department) are shared by every department.
    items: Iterable[Role | Process] = (*handbook.roles, *handbook.processes)
    for item in items:
        if item.path not in owned_paths and _PLAIN_PATH.fullmatch(f"{prefix}{item.path}"):
            shared.append(f"/{prefix}{item.path}")
    found = [Section("Handbook maintainers", _usable(maintainers), tuple(dict.fromkeys(shared)))]
    for department in handbook.departments:
        paths = paths_by_department.pop(department.id, None)
        handles = (f"@{person.github}" for person in people_of(handbook, department) if person.github)
        owners = _usable((*department.maintainers, *handles))
        if paths and owners:
            found.append(Section(f"Department {department.id}", owners, tuple(paths)))
    return found


def _lines(found: Sequence[Section], syntax: Syntax) -> Iterator[str]:
    yield HEADER
    for section in found:
        if not section.owners:
            continue  # a path without owners would mean "no owner": leave it to the host's default
        yield ""
        yield f"[{section.name}]" if syntax == "gitlab" else f"# {section.name}"
        width = max(len(path) for path in section.paths)
        for path in section.paths:
            yield f"{path.ljust(width)} {' '.join(section.owners)}"


def codeowners_text(found: Sequence[Section], *, syntax: Syntax) -> str:
    """The CODEOWNERS file for `syntax`; sections without owners are left out."""
    return "\n".join(_lines(found, syntax)) + "\n"


def first_difference(committed: str, expected: str) -> int | None:
    """The 1-based line where the committed file first differs from the expected one, or None."""
    have, want = committed.splitlines(), expected.splitlines()
    for number, (line, wanted) in enumerate(zip(have, want, strict=False), start=1):
        if line.rstrip() != wanted.rstrip():
            return number
    return None if len(have) == len(want) else min(len(have), len(want)) + 1


def committed_file(folder: Path) -> tuple[str, Syntax] | None:
    """The CODEOWNERS path that exists in `folder` (as the hosts look for it) and the syntax it is written in."""
    for place in dict.fromkeys((*PLACES["github"], *PLACES["gitlab"])):
        if (folder / place).is_file() and not (folder / place).is_symlink():
            return place, "gitlab" if place.startswith(".gitlab/") else "github"
    return None
