"""Ids are lowercase ASCII slugs: letters a–z, digits and single hyphens, at most 63 characters.

Why: ids become file names and web addresses (`roles/<id>/`). Upper case,
spaces, Chinese characters or `..` would break links or collide on some
computers; the Chinese name belongs in `title`. The ids `index` and Windows
device names such as `con` are reserved.

Failing example::

    id: Market Research

Passing example::

    id: market-research
    title: 市場調研專員
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.source.model import Handbook, Location
from generator.source.problems import Finding
from generator.words.messages import Message, msg

ID = "HB020"
NAME = "id-format"
SEVERITY = "error"
SCOPE = "handbook"

# Always used with fullmatch: `$` would also accept an id that ends in a line break.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_LENGTH = 63
# `index` would collide with the generated index pages; the others are device names on Windows.
RESERVED = frozenset(
    {"index", "con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)


def suggest_slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:MAX_LENGTH].rstrip("-")


def problem_with(identifier: str) -> Message | None:
    """Why an id is not acceptable, or None when it is."""
    if len(identifier) > MAX_LENGTH:
        return msg("id.too_long", length=len(identifier), limit=MAX_LENGTH)
    if identifier in RESERVED:
        return msg("id.reserved")
    if not SLUG.fullmatch(identifier):
        suggestion = suggest_slug(identifier)
        usable = suggestion and SLUG.fullmatch(suggestion) and suggestion not in RESERVED
        return msg("id.not_slug", hint=msg("id.such_as", slug=suggestion) if usable else "")
    return None


def _check(what: str, identifier: str, at: Location) -> Iterator[Finding]:
    # An empty id was already reported as missing or of the wrong type.
    if identifier:
        reason = problem_with(identifier)
        if reason:
            yield Finding(at, msg("id_format", what=msg(f"thing.{what}"), id=identifier, reason=reason))


def check(handbook: Handbook) -> Iterator[Finding]:
    for role in handbook.roles:
        yield from _check("role", role.id, role.id_at)
        for alias in role.aliases:
            yield from _check("alias", alias.role_id, alias.at)
    for person in handbook.people:
        yield from _check("person", person.id, person.id_at)
    for process in handbook.processes:
        yield from _check("process", process.id, process.id_at)
        for alias in process.aliases:
            yield from _check("alias", alias.role_id, alias.at)
        for stage in process.stages:
            yield from _check("stage", stage.id, stage.id_at)
            for step in stage.steps:
                yield from _check("step", step.id, step.id_at)
