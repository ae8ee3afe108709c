"""Each person is written once: one file per person, and no role twice in one person's list.

Why: two files for one person (the same `id`, e-mail address or `github` handle)
drift apart — one is updated when the person changes role, the other is not — and
the role page then lists the person twice or under a role they left. A role written
twice in `roles` or `deputy_for` is a slip of the same kind.

Failing example (`people/xiaoan.yml` has the same address)::

    id: zhou-xiaoan
    name: 周小安
    contact:
      email: xiaoan.zhou@example.com

Passing example: one file, `people/zhou-xiaoan.yml`, for 周小安.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.model import Handbook, Location, Person
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB081"
NAME = "person-once"
SEVERITY = "error"
SCOPE = "handbook"


def _keys(person: Person) -> Iterator[tuple[str, str, Location]]:
    """What names one person, and where each is written: the id, the e-mail address, the handle."""
    if person.id:
        yield "id", person.id, person.id_at
    if person.contact is not None and person.contact.email is not None:
        email = person.contact.email
        yield "email", email.value.casefold(), email.at
    if person.github and person.github_at is not None:
        yield "github", person.github.casefold(), person.github_at


def check(handbook: Handbook) -> Iterator[Finding]:
    first: dict[tuple[str, str], Person] = {}
    for person in handbook.people:
        for kind, value, at in _keys(person):
            earlier = first.setdefault((kind, value), person)
            if earlier is not person and earlier.path != person.path:
                yield Finding(at, msg(f"person_once.{kind}", value=value, path=earlier.path))
        for field, refs in (("roles", person.roles), ("deputy_for", person.deputy_for)):
            seen: set[str] = set()
            for ref in refs:
                if ref.role_id in seen:
                    yield Finding(ref.at, msg("person_once.role", field=field, role=ref.role_id))
                seen.add(ref.role_id)
