"""A finding quotes at most 80 characters of a value, then "…": a pasted 100,000-character value is not repeated.

HB058 (text-length) already says how long the value is; every other finding that names
it (the id rules HB020 and HB021, unknown role HB030, role-takes-part HB105 …) quotes
only its start.
"""

from __future__ import annotations

import json

from generator.words.messages import QUOTED_CHARACTERS
from tests.conftest import WriteHandbook
from tests.conftest import handbook_in_process as handbook

HUGE = "x" * 100_000


def test_a_huge_id_and_reference_give_a_short_finding_list(write_handbook: WriteHandbook) -> None:
    root = write_handbook(
        {
            "roles/member.yml": f"id: {HUGE}\ntitle: 組員\nreports_to: lead\n",
            "roles/extra.yml": f"id: extra\ntitle: 額外\nreports_to: {HUGE}\n",
        }
    )
    for output_format in ("text", "json", "github"):
        result = handbook("validate", ".", "--format", output_format, cwd=root)
        assert result.returncode == 1
        assert len(result.stdout.encode()) < 20_000, output_format
    problems = json.loads(handbook("validate", ".", "--format", "json", cwd=root).stdout)
    codes = {problem["code"] for problem in problems}
    assert {"HB020", "HB021", "HB030", "HB105"} <= codes, codes
    for problem in problems:
        # No run of the value longer than the bound, and a cut value ends in "…".
        assert "x" * (QUOTED_CHARACTERS + 1) not in problem["message"], problem["code"]
    quoted = [problem for problem in problems if "x" * QUOTED_CHARACTERS in problem["message"]]
    assert quoted and all("x" * QUOTED_CHARACTERS + "…" in problem["message"] for problem in quoted)
