"""A one-step `weekly` process with the RACI lines given, for the RACI rule tests."""

from __future__ import annotations

WEEKLY = "processes/weekly.yml"


def weekly(raci: str, *, extra: str = "") -> str:
    """The process with `raci` (lines at 6 spaces) under its one step; `extra` lines follow the step."""
    lines = "".join(f"              {line}\n" for line in raci.splitlines())
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
        "        raci:\n" + lines.replace("              ", "          ") + extra
    )
