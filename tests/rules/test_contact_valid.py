from __future__ import annotations

import pytest

from tests.conftest import codes


def _person(contact: str) -> dict[str, str]:
    return {"people/lin-meiling.yml": f"id: lin-meiling\nname: 林美玲\nroles: [member]\ncontact:\n{contact}"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('  email: "meiling@example.com?bcc=all@example.com"\n', "not a plain e-mail address"),
        ('  email: "meiling@example.com\\nBcc: all@example.com"\n', "not a plain e-mail address"),
        ("  email: mailto:meiling@example.com\n", "not a plain e-mail address"),
        ('  email: "\\"><script>alert(1)</script>"\n', "not a plain e-mail address"),
        ('  chat: "javascript:alert(1)"\n', "neither a chat link nor a channel name"),
        ('  chat: " JavaScript:alert(1)"\n', "neither a chat link nor a channel name"),
        ('  chat: "data:text/html,<b>x</b>"\n', "neither a chat link nor a channel name"),
        ('  chat: "https://chat.example.com/\\"onmouseover=alert(1)"\n', "neither a chat link nor a channel name"),
        ('  chat: "#mr <img src=x>"\n', "neither a chat link nor a channel name"),
        ('  phone: "tel:0223456789"\n', "not a phone number"),
        ('  phone: "javascript:alert(1)"\n', "not a phone number"),
        ('  phone: "12"\n', "not a phone number"),
    ],
)
def test_a_contact_that_is_not_an_address_link_or_number_is_an_error_at_the_value(check, line, expected):
    report = check(_person(line))
    assert codes(report) == ["HB083"], report.problems
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.severity) == ("people/lin-meiling.yml", 5, "error")
    assert expected in problem.message
    assert "\n" not in problem.message


def test_addresses_links_channels_and_numbers_pass(check):
    good = [
        "  email: meiling.lin@example.com\n  chat: https://chat.example.com/channel/market-research\n"
        '  phone: "+886 2 2345-6789"\n',
        '  chat: "#market-research"\n  phone: "(02) 2345 6789"\n',
        "  chat: 行銷部群組\n",
    ]
    for contact in good:
        assert check(_person(contact)).problems == (), contact
