from __future__ import annotations

from tests.conftest import codes


def _person(identifier: str, extra: str = "") -> str:
    return f"id: {identifier}\nname: 林美玲\nroles: [member]\n{extra}"


def test_one_person_in_two_files_by_address_or_handle_is_an_error_at_the_second(check):
    contact = "contact:\n  email: Meiling.Lin@example.com\ngithub: meiling\n"
    report = check(
        {
            "people/lin-meiling.yml": _person("lin-meiling", contact),
            "people/meiling.yml": _person("meiling", contact.replace("Meiling.Lin", "meiling.lin")),
        }
    )
    assert codes(report) == ["HB081", "HB081"]
    email, handle = report.problems
    assert (email.path, email.line, email.column) == ("people/meiling.yml", 5, 10)
    assert "people/lin-meiling.yml already has the e-mail address" in email.message
    assert (handle.line, handle.column) == (6, 9) and "handle `meiling`" in handle.message


def test_a_role_written_twice_is_an_error_at_the_second(check):
    report = check({"people/lin-meiling.yml": "id: lin-meiling\nname: 林美玲\nroles: [member, lead, member]\n"})
    assert codes(report) == ["HB081"]
    (problem,) = report.problems
    assert (problem.line, problem.column) == (3, 23)
    assert "lists the role `member` twice" in problem.message


def test_two_people_pass_even_with_the_same_name(check):
    files = {
        "people/lin-meiling.yml": _person("lin-meiling", "contact:\n  email: a@example.com\n"),
        "people/lin-meiling-2.yml": _person("lin-meiling-2", "contact:\n  email: b@example.com\n"),
    }
    assert check(files).problems == ()
