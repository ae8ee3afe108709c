"""Every role named in a RACI, an `owner`, a `reports_to` or a `buddy` must exist in `roles/`.

Why: a misspelt role id would leave a step with an owner nobody can find.
The message suggests the closest existing id. A former id listed under a
role's `aliases` still counts as that role (rule HB033 asks to update it).
An id written in a role file that cannot be read is not called unknown: that
file may define it or list it as a former id; the file's own problem comes first.

Failing example::

    raci:
      R: [market-reserch]
      A: marketing-head

Passing example::

    raci:
      R: [market-research]
      A: marketing-head
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator

from generator.source.model import Handbook, Role, RoleRef
from generator.source.problems import Finding
from generator.words.messages import Message, msg

ID = "HB030"
NAME = "known-roles"
SEVERITY = "error"
SCOPE = "handbook"


def role_references(handbook: Handbook, wanted: Callable[[RoleRef], bool]) -> Iterator[tuple[RoleRef, Message]]:
    """Every place a `wanted` role id is written (reports_to, buddy, owner, RACI letters), with its name in words.

    A 1,000-role handbook writes 80,000 references and nearly all are fine: only the wanted
    ones get their place put into words.
    """
    for role in handbook.roles:
        if role.reports_to and wanted(role.reports_to):
            yield role.reports_to, msg("where.reports_to")
        if role.buddy and wanted(role.buddy):
            yield role.buddy, msg("where.buddy")
        if role.owner and wanted(role.owner):
            yield role.owner, msg("where.owner")
    for department in handbook.departments:
        # Who reviews the department's file (generator.source.reviews); its head has a rule of its own.
        if department.owner and wanted(department.owner):
            yield department.owner, msg("where.owner")
    for process in handbook.processes:
        if process.owner and wanted(process.owner):
            yield process.owner, msg("where.owner")
        for _, step in process.steps():
            if step.raci is None:
                continue
            for letter, ref in step.raci.letters():
                if wanted(ref):
                    yield ref, msg("where.raci", letter=letter, step=step.id)


# Close spellings cost one comparison per role for each different unknown id: this many
# comparisons in all, so thousands of typos in a huge handbook stay cheap. Past that the
# message still names the unknown id, without a guess (a 15-role handbook never gets there).
_SPELLING_COMPARISONS = 20_000


class RoleSuggestions:
    """The "did you mean" hint for unknown ids, each worked out once."""

    def __init__(self, handbook: Handbook) -> None:
        self.role_ids = list(handbook.role_by_id)
        self.file_order = {id(role): index for index, role in enumerate(handbook.roles)}
        # A title written for the id, or the id in other letter case; the first role in file order wins.
        self.by_title: dict[str, Role] = {}
        self.by_folded_id: dict[str, Role] = {}
        self.by_id: dict[str, Role] = {}
        for role in handbook.roles:
            self.by_title.setdefault(role.title, role)
            self.by_folded_id.setdefault(role.id.casefold(), role)
            self.by_id.setdefault(role.id, role)
        self.known: dict[str, Message | str] = {}
        self.compared = 0

    def hint(self, written: str) -> Message | str:
        if written not in self.known:
            self.known[written] = self._work_out(written)
        return self.known[written]

    def _work_out(self, written: str) -> Message | str:
        found = [self.by_title.get(written), self.by_folded_id.get(written), self.by_id.get(written.casefold())]
        candidates = [role for role in found if role is not None]
        if candidates:
            role = min(candidates, key=lambda candidate: self.file_order[id(candidate)])
            return msg("known_roles.did_you_mean_titled", role=role.id, title=role.title)
        self.compared += len(self.role_ids)
        if self.compared > _SPELLING_COMPARISONS:
            return ""
        close = difflib.get_close_matches(written, self.role_ids, n=1, cutoff=0.6)
        return msg("known_roles.did_you_mean", role=close[0]) if close else ""


def check(handbook: Handbook) -> Iterator[Finding]:
    if handbook.role_ids_named <= handbook.role_by_id.keys():
        return  # every id named is a role's (nearly always): no need to visit the 80,000 references
    suggestions = RoleSuggestions(handbook)
    # A former id (alias) was already resolved to its role by the builder.
    for ref, where in role_references(handbook, lambda ref: ref.role_id not in handbook.role_by_id):
        if {f"roles/{ref.role_id}.yml", f"roles/{ref.role_id}.yaml"} & handbook.unreadable_files:
            continue  # the role's file exists but is broken: that file's own problem says what to fix
        if ref.role_id in handbook.words_in_unreadable_roles:
            continue  # a broken role file may list it as an id or a former id: hear that file first
        yield Finding(
            ref.at, msg("known_roles.unknown", where=where, role=ref.role_id, hint=suggestions.hint(ref.role_id))
        )
