"""A one-step `weekly` process with the RACI lines given, for the RACI rule tests."""

from __future__ import annotations

WEEKLY = "processes/weekly.yml"


def weekly(raci: str, *, extra: str = "") -> str:
    """The process with `raci` under its one step (its lines start at column 11); `extra` lines follow the step.

    The `raci:` key is on line 10, column 9; the first RACI line is line 11.
    """
    lines = "".join(f"          {line}\n" for line in raci.splitlines())
    return (
        "id: weekly\n"
        "title: 每週例行\n"
        "owner: lead\n"
        "stages:\n"
        "  - id: plan\n"
        "    title: 計劃\n"
        "    steps:\n"
        "      - id: write-plan\n"
        "        title: 撰寫計劃\n"
        "        raci:\n" + lines + extra
    )
