"""Every `department` and `parent` must name a department that has a file in `departments/`.

Why: a misspelt department id leaves a role outside every department page, its
files approved by nobody in CODEOWNERS. The message suggests the closest id.

Failing example::

    # roles/market-research.yml
    department: marketting

Passing example::

    # departments/marketing.yml
    id: marketing
    # roles/market-research.yml
    department: marketing
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from generator.source.departments import department_by_id
from generator.source.model import DepartmentRef, Handbook
from generator.source.problems import Finding
from generator.words.messages import Message, msg

ID = "HB070"
NAME = "known-department"
SEVERITY = "error"
SCOPE = "handbook"


def _references(handbook: Handbook) -> Iterator[tuple[DepartmentRef, str]]:
    for role in handbook.roles:
        if role.department:
            yield role.department, "department"
    for process in handbook.processes:
        if process.department:
            yield process.department, "department"
    for department in handbook.departments:
        if department.parent:
            yield department.parent, "parent"


# Close spellings cost one comparison per department for each unknown id: at most this many in
# all, so thousands of typos in a huge handbook stay cheap (the message then names the id alone).
_SPELLING_COMPARISONS = 20_000


def check(handbook: Handbook) -> Iterator[Finding]:
    known = department_by_id(handbook)
    compared = 0
    hints: dict[str, Message | str] = {}
    # A department file that cannot be read may define the id: that file's own problem comes first.
    if any(path.startswith("departments/") for path in handbook.unreadable_files):
        return
    for ref, key in _references(handbook):
        if ref.department_id in known:
            continue
        if ref.department_id not in hints:
            compared += len(known)
            close = (
                difflib.get_close_matches(ref.department_id, list(known), n=1, cutoff=0.6)
                if compared <= _SPELLING_COMPARISONS
                else []
            )
            hints[ref.department_id] = msg("known_department.did_you_mean", department=close[0]) if close else ""
        yield Finding(
            ref.at, msg("known_department", key=key, department=ref.department_id, hint=hints[ref.department_id])
        )
