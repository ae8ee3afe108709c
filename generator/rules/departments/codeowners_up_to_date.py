"""The committed CODEOWNERS file says what the departments say.

Why: CODEOWNERS decides whose approval a pull request needs. When a role moves to
another department, or a department gets new maintainers, the file must follow,
or the old department keeps approving changes it no longer owns. The rule looks
at the CODEOWNERS file GitHub or GitLab would read in the handbook's folder; it
says nothing when there is none, or when the handbook has no `departments/`.

Failing example::

    # departments/sales.yml says maintainers: ["@sales-leads"]
    # .github/CODEOWNERS still says
    /departments/sales.yml @old-sales-lead

Passing example::

    # after running `handbook codeowners`
    /departments/sales.yml @sales-leads
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.codeowners import (
    codeowners_text,
    committed_file,
    first_difference,
    handbook_maintainers,
    sections,
)
from generator.source.files import read_text_if_regular
from generator.source.model import HandbookFolder, Location
from generator.source.problems import Finding
from generator.source.site_config import ConfigUnreadable, read_site_config
from generator.words.messages import msg

ID = "HB077"
NAME = "codeowners-up-to-date"
SEVERITY = "error"
SCOPE = "folder"


def check(folder: HandbookFolder) -> Iterator[Finding]:
    if not folder.handbook.departments:
        return
    found = committed_file(folder.root)
    if found is None:
        return
    place, syntax = found
    committed = read_text_if_regular(folder.root / place)
    if committed is None:
        return
    try:
        config = read_site_config(folder.root)
    except ConfigUnreadable:
        config = {}
    expected = sections(folder.handbook, maintainers=handbook_maintainers(config), config=config)
    # A root CODEOWNERS may be written for either host: GitLab's has section lines.
    if any(line.startswith("[") for line in committed.splitlines()):
        syntax = "gitlab"
    line = first_difference(committed, codeowners_text(expected, syntax=syntax))
    if line is not None:
        yield Finding(Location(place, line, 1), msg("codeowners.stale", line=line))
