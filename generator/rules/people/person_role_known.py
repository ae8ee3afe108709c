"""Every role a person holds (`roles`) or stands in for (`deputy_for`) must exist in `roles/`.

Why: a misspelt role id would leave the role looking vacant on its page and the
person holding a role nobody can find. The message suggests the closest existing
id (the same guess as for a RACI letter). A former id listed under a role's
`aliases` still counts as that role.

Failing example::

    id: zhou-xiaoan
    name: 周小安
    roles: [market-reseach]

Passing example::

    id: zhou-xiaoan
    name: 周小安
    roles: [market-research]
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.references.known_roles import RoleSuggestions
from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB080"
NAME = "person-role-known"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    suggestions: RoleSuggestions | None = None
    for person in handbook.people:
        for field, refs in (("roles", person.roles), ("deputy_for", person.deputy_for)):
            for ref in refs:
                if ref.role_id in handbook.role_by_id:
                    continue
                if {f"roles/{ref.role_id}.yml", f"roles/{ref.role_id}.yaml"} & handbook.unreadable_files:
                    continue  # the role's file exists but is broken: its own problem comes first
                if ref.role_id in handbook.words_in_unreadable_roles:
                    continue
                suggestions = suggestions or RoleSuggestions(handbook)
                yield Finding(
                    ref.at,
                    msg("person_role_known", field=field, role=ref.role_id, hint=suggestions.hint(ref.role_id)),
                )
