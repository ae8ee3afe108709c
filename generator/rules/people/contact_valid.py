"""A contact is an e-mail address, a chat link or channel name, and a phone number, each plain.

Why: the role page turns each contact into a link a new hire clicks: `mailto:`,
the chat address, `tel:`. Only a plain address (no `?`, `,` or line break, which
would add recipients or headers), an `https://` link or a channel name such as
`#market-research`, and a number of digits, spaces, `+`, `-`, `(` and `)` become
links; `javascript:` and other schemes never do.

Failing example::

    contact:
      email: "meiling.lin@example.com?bcc=all@example.com"
      chat: "javascript:alert(1)"
      phone: "tel:0223456789"

Passing example::

    contact:
      email: meiling.lin@example.com
      chat: "#market-research"
      phone: "+886 2 2345-6789"
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from generator.source.model import Handbook
from generator.source.people import contact_problem, contact_values
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB093"
NAME = "contact-valid"
SEVERITY = "error"
SCOPE = "handbook"

_SHOWN = 80  # characters of a refused value quoted in the message


def check(handbook: Handbook) -> Iterator[Finding]:
    for person in handbook.people:
        for kind, value in contact_values(person.contact):
            expected = contact_problem(kind, value.value)
            if expected is not None:
                shown = value.value if len(value.value) <= _SHOWN else value.value[:_SHOWN] + "…"
                # A line break or control character is shown as its escape: the message stays one line.
                shown = "".join(c if c.isprintable() else json.dumps(c)[1:-1] for c in shown)
                yield Finding(value.at, msg(f"contact_valid.{expected}", value=shown))
