"""MINIMAL with one department, `team`, that its roles and process name; for the department rule tests.

Line numbers the tests rely on: in departments/team.yml `head:` is line 3 (value at
column 7) and `parent:`, when a test adds it, line 6 (value at column 9).
"""

from __future__ import annotations

import textwrap

from tests.conftest import MINIMAL


def team(*, head: str = "lead", maintainers: str = '  - "@team-leads"\n', parent: str = "") -> str:
    text = f"id: team\ntitle: 小組\nhead: {head}\nmaintainers:\n{maintainers}"
    return text + (f"parent: {parent}\n" if parent else "")


ONE_DEPARTMENT: dict[str, str] = {
    "departments/team.yml": team(),
    "roles/lead.yml": "id: lead\ntitle: 組長\ndepartment: team\n",
    "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\ndepartment: team\n",
    "processes/weekly.yml": textwrap.dedent(MINIMAL["processes/weekly.yml"]).replace(
        "owner: lead\n", "owner: lead\ndepartment: team\n"
    ),
}


def with_department(files: dict[str, str | None] | None = None) -> dict[str, str | None]:
    return {**ONE_DEPARTMENT, **(files or {})}
