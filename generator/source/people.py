"""People (people/<id>.yml): who holds each role, how to reach them, and what the site may publish of them.

A contact is what an attacker writes first: a `javascript:` chat link, a `mailto:` with
headers after `?`, a phone "number" with a scheme in it. What counts as a usable
e-mail address, chat link or channel name and phone number is decided here, once: the
contact rule (HB083) reports anything else, and the pages link only a value that passes
(`contact_link`), so even with the rule switched off a bad value is never a link.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from generator.source.model import Contact, ContactValue, Handbook, Person, Role
from generator.source.texts import is_safe_link

ContactKind = Literal["email", "chat", "phone"]

# What a handbook publishes of its people (the plugin's `people:` option).
Privacy = Literal["names_and_contacts", "names", "hidden"]
PRIVACY: tuple[Privacy, ...] = ("names_and_contacts", "names", "hidden")
DEFAULT_PRIVACY: Privacy = "names_and_contacts"

# A plain address, ASCII only: nothing a mail program reads as a second recipient or a header
# (`,` `;` `?` `&`), no space, quote or angle bracket. Always used with fullmatch.
_DOMAIN_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL = re.compile(rf"[A-Za-z0-9._%+-]{{1,64}}@{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})*\.[A-Za-z]{{2,63}}")
# A web address to a chat: http(s), a host, and no character that would end an attribute or a URL.
CHAT_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[^\s\"'<>`\\{}|^]*)?", re.IGNORECASE)
# A channel or group name as a chat program shows it: `#market-research`, `@xiaoan`, `行銷部群組`.
CHANNEL = re.compile(r"[#@]?[\w](?:[\w.\-]| (?! )){0,78}[\w]?")
# Digits with the punctuation people write in numbers; `tel:` gets the digits (and a leading +) only.
PHONE = re.compile(r"\+?[0-9 ()\-]{3,30}")
_MIN_PHONE_DIGITS = 3
# A git-host user name as GitHub and GitLab spell it (written without `@`); CODEOWNERS gets `@name`.
GITHUB_HANDLE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,37}[A-Za-z0-9])?")
MAX_CONTACT_CHARACTERS = 254


def contact_problem(kind: ContactKind, value: str) -> Literal["email", "chat", "phone"] | None:
    """None when `value` is a usable contact of `kind`; else the kind of value that was expected."""
    if len(value) > MAX_CONTACT_CHARACTERS:
        return kind
    if kind == "email":
        return None if EMAIL.fullmatch(value) else "email"
    if kind == "chat":
        if CHAT_URL.fullmatch(value) and is_safe_link(value):
            return None
        return None if ":" not in value and CHANNEL.fullmatch(value) else "chat"
    digits = sum(character.isdigit() for character in value)
    return None if PHONE.fullmatch(value) and digits >= _MIN_PHONE_DIGITS else "phone"


def contact_link(kind: ContactKind, value: str) -> str | None:
    """The address a page links a contact to (`mailto:`, the chat URL, `tel:`); None for a channel
    name (shown as text) and for anything the contact rule refuses."""
    if contact_problem(kind, value) is not None:
        return None
    if kind == "email":
        return f"mailto:{value}"
    if kind == "chat":
        return value if CHAT_URL.fullmatch(value) else None
    digits = re.sub(r"[^0-9]", "", value)
    return f"tel:{'+' if value.startswith('+') else ''}{digits}"


def is_vacant(handbook: Handbook, role: Role) -> bool:
    """A department role no person holds (external teams are never vacant: their people are not ours)."""
    return not role.external and not handbook.holders_of(role.id)


def published(handbook: Handbook, privacy: str) -> Handbook:
    """The handbook as the site may show it: `hidden` drops every person, `names` every contact.

    The pages, the navigation, the search index and the downloads are all made from what this
    returns, so a hidden person cannot reach any of them, whichever page forgets to ask.
    """
    if privacy == "hidden" or not handbook.people:
        return replace(handbook, people=()) if handbook.people else handbook
    if privacy == "names":
        return replace(handbook, people=tuple(_without_contact(person) for person in handbook.people))
    return handbook


def _without_contact(person: Person) -> Person:
    return replace(person, contact=None, github="", github_at=None)


def contact_values(contact: Contact | None) -> tuple[tuple[ContactKind, ContactValue], ...]:
    """The contact's values in the order email, chat, phone (none without a contact)."""
    return tuple(contact.values()) if contact is not None else ()
