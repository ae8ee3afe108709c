"""What the pages show of people: a role's holders or its deputies, each with their contact links.

The handbook given here is already the published one (generator.source.people.published):
under `people: hidden` it has no people, under `names` no contacts, so no page can show
more than the handbook chose to publish. Links are made only from contacts that pass the
contact rule's checks (`contact_link`); every value is escaped by the templates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.source.departments import people_of
from generator.source.model import Department, Handbook, Person, Role
from generator.source.people import ContactKind, contact_link, contact_values, is_vacant


@dataclass(frozen=True, slots=True)
class ContactEntry:
    """One contact as a page shows it: its kind (for the label), the text, and the link (None: text only)."""

    kind: ContactKind
    text: str
    href: str | None


@dataclass(frozen=True, slots=True)
class PersonEntry:
    person: Person
    contacts: tuple[ContactEntry, ...]
    # The titles of the roles the person holds and stands in for (known roles only, file order).
    roles: tuple[Role, ...]
    deputy_for: tuple[Role, ...]


@dataclass(frozen=True, slots=True)
class RolePeople:
    """Who a role page names: its holders, or, when it is vacant, the people standing in for it."""

    holders: tuple[PersonEntry, ...]
    vacant: bool
    deputies: tuple[PersonEntry, ...]


class PeopleView:
    """The people of a (published) handbook, as the templates ask for them."""

    def __init__(self, handbook: Handbook) -> None:
        self.handbook = handbook
        self._entries: dict[str, PersonEntry] = {}

    @property
    def enabled(self) -> bool:
        return bool(self.handbook.people)

    def entry(self, person: Person) -> PersonEntry:
        found = self._entries.get(person.path)
        if found is None:
            role_by_id = self.handbook.role_by_id
            found = self._entries[person.path] = PersonEntry(
                person,
                tuple(
                    ContactEntry(kind, value.value, contact_link(kind, value.value))
                    for kind, value in contact_values(person.contact)
                ),
                tuple(dict.fromkeys(role_by_id[ref.role_id] for ref in person.roles if ref.role_id in role_by_id)),
                tuple(dict.fromkeys(role_by_id[ref.role_id] for ref in person.deputy_for if ref.role_id in role_by_id)),
            )
        return found

    @property
    def has_contacts(self) -> bool:
        """Whether any contact is published (none under `people: names`)."""
        return any(person.contact is not None for person in self.handbook.people)

    def everyone(self) -> tuple[PersonEntry, ...]:
        return tuple(self.entry(person) for person in self.handbook.people)

    def of_role(self, role: Role) -> RolePeople:
        """The role's holders; a vacant department role also gets its deputies. Empty without people."""
        handbook = self.handbook
        holders = tuple(self.entry(person) for person in handbook.holders_of(role.id))
        vacant = self.enabled and is_vacant(handbook, role)
        deputies = tuple(self.entry(person) for person in handbook.deputies_of(role.id)) if vacant else ()
        return RolePeople(holders, vacant, deputies)

    def names_of(self, role: Role) -> tuple[str, ...]:
        """The names shown beside a role where a page names it (the onboarding plan, the org chart)."""
        return tuple(person.name for person in self.handbook.holders_of(role.id) if person.name)

    def deputy_names_of(self, role: Role) -> tuple[str, ...]:
        """The names of the people standing in for a vacant role (none when someone holds it)."""
        if not (self.enabled and is_vacant(self.handbook, role)):
            return ()
        return tuple(person.name for person in self.handbook.deputies_of(role.id) if person.name)

    def of_department(self, department: Department) -> tuple[PersonEntry, ...]:
        """The people holding a role of the department, in file order."""
        return tuple(self.entry(person) for person in people_of(self.handbook, department))


def contact_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """The label of each kind of contact, in the page's language."""
    return {kind: labels[f"contact_{kind}"] for kind in ("email", "chat", "phone")}
