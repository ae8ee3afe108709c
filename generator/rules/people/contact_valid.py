"""A contact is an e-mail address, a chat link or channel name, and a phone number, each plain; `github` a handle.

Why: the role page turns each contact into a link a new hire clicks: `mailto:`,
the chat address, `tel:`. Only a plain address (no `?`, `,` or line break, which
would add recipients or headers), an `https://` link or a channel name such as
`#market-research`, and a number of digits, spaces, `+`, `-`, `(` and `)` become
links; `javascript:` and other schemes never do. `github` is a user name as the
host spells it (letters, digits, `-`, `_`, `.`; no `@`): CODEOWNERS names it.

Failing example::

    contact:
      email: "xiaoan.zhou@example.com?bcc=all@example.com"
      chat: "javascript:alert(1)"
      phone: "tel:0223456789"

Passing example::

    contact:
      email: xiaoan.zhou@example.com
      chat: "#market-research"
      phone: "+886 2 2345-6789"
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.people import GITHUB_HANDLE, contact_problem, contact_values
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB083"
NAME = "contact-valid"
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook) -> Iterator[Finding]:
    for person in handbook.people:
        if person.github and person.github_at is not None and not GITHUB_HANDLE.fullmatch(person.github):
            yield Finding(person.github_at, msg("contact_valid.github", value=_shown(person.github)))
        for kind, value in contact_values(person.contact):
            expected = contact_problem(kind, value.value)
            if expected is not None:
                yield Finding(value.at, msg(f"contact_valid.{expected}", value=_shown(value.value)))


def _shown(value: str) -> str:
    """The value as the message quotes it: a line break or control character as its escape.

    The message is cut short where every finding is (generator.words.messages.bounded).
    """
    return "".join(c if c.isprintable() else json.dumps(c)[1:-1] for c in value)
