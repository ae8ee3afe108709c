"""Time every validation rule on hostile input: the budget test's corpus, run several times.

    python benchmarks/rules_adversarial.py [--runs 5]

The corpus is what a hostile or careless pull request could hold, as large as the
loader accepts: files just under the 256 KB cap (over 4 MB in all) made of long runs
of each character the rules' patterns look for (`-`, `[`, `<`, `{`, `` ` `` …), of each
pattern's opening (`](`, `{:`, `-8<`, `<a `, `![` …), nested brackets, and files of
many short values; plus handbooks of long structures built directly as models
(a 10,000-role reporting chain, a 5,000-role circle, a step naming 10,000 roles,
10,000 former ids, 2,000 misspelt role ids; a 10,000-long chain of departments and a
5,000 circle of them), which 10,000 small files would also give.

Files are read once; each rule is then timed alone over all of them, with the
values every rule shares (the data tree, the text values, the schema findings)
worked out beforehand, so each figure is the rule's own cost. It prints, per rule,
the median and the range of `--runs` runs, in seconds. tests/test_rule_budget.py
holds every rule to 2 seconds on the same corpus.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.rules import RULES, Rule  # noqa: E402
from generator.source.building import build_handbook  # noqa: E402
from generator.source.files import InputScan, scan_inputs  # noqa: E402
from generator.source.loading import MAX_FILE_BYTES, SourceFile, read_sources  # noqa: E402
from generator.source.model import (  # noqa: E402
    Department,
    DepartmentRef,
    Handbook,
    HandbookFolder,
    Location,
    Process,
    Raci,
    Role,
    RoleRef,
    Stage,
    Step,
)
from generator.source.reviews import ReviewedHandbook, ReviewSettings  # noqa: E402
from generator.source.schema import schema_findings  # noqa: E402
from generator.source.site_config import SiteSettings  # noqa: E402
from generator.source.text_values import text_values  # noqa: E402

# Each file's payload stays this far under the loader's cap, leaving room for the keys around it.
PAYLOAD_CHARACTERS = MAX_FILE_BYTES - 4 * 1024
# Repeated to fill one value: single characters the patterns look for, and the openings of each pattern.
UNITS = (
    "-", "[", "]", "(", ")", "{", "}", "<", ">", "!", "`", "*", "_", "#", ":", ".", "&", "|", "\\", "/",
    "](", "](<", "[a]:", "{:", "{#", "{.", "{ ", "-8<", "--8<--", "<a", "<a ", "</", "<!-", "<a:", "<http:",
    "![", "[a](", "&#", "[[", "((", "<<a", "<a b=",
)  # fmt: skip
# Runs of these break a line or hide text: the safe-text rules meet them one value at a time.
LINE_UNITS = ("\u200b", "\u202e", "\u3000")


def _block(payload: str, *, indent: str = "  ") -> str:
    """A literal block scalar holding `payload` exactly, whatever characters it has."""
    return "|-\n" + "\n".join(indent + line for line in payload.split("\n")) + "\n"


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _bytes_fill(unit: str) -> str:
    # Characters past ASCII take several bytes in UTF-8: fill by bytes, not by characters.
    return _fill(unit, PAYLOAD_CHARACTERS // len(unit.encode("utf-8")))


def _files() -> Iterator[tuple[str, str]]:
    # Units are paired two to a file (each half the size), so the corpus stays a few dozen files.
    for number, start in enumerate(range(0, len(UNITS), 2)):
        pair = UNITS[start : start + 2]
        half = PAYLOAD_CHARACTERS // 2
        body = "".join(f"  - {_block(_fill(unit, half), indent='    ')}" for unit in pair)
        yield f"roles/hostile-{number:02d}.yml", f"id: hostile-{number:02d}\ntitle: 敵意\nresponsibilities:\n{body}"
    for number, unit in enumerate(LINE_UNITS):
        # A paragraph field (line breaks allowed) and one-line items, each a long run.
        text = f"id: lines-{number}\ntitle: 敵意\nsummary: {_block(_bytes_fill(unit)[: PAYLOAD_CHARACTERS // 8])}"
        text += "metrics:\n" + "".join(f"  - {_block(_bytes_fill(unit)[:2000], indent='    ')}" for _ in range(20))
        yield f"roles/lines-{number}.yml", text
    # Nested brackets: `[[[[…]]]]` and `([([…])])` as Markdown would try to pair them.
    depth = PAYLOAD_CHARACTERS // 4
    nested = "[" * depth + "](" * depth
    yield "roles/nested-brackets.yml", f"id: nested-brackets\ntitle: 敵意\nsummary: {_block(nested)}"
    # Many short values: every rule meets thousands of items, each one a hostile opening.
    items = "".join(f"  - '{unit}{index}'\n" for index in range(2000) for unit in ("[a](", "<a ", "{:"))
    yield "roles/many-values.yml", f"id: many-values\ntitle: 敵意\nresponsibilities:\n{items}"
    # Many keys, unknown and repeated, in one mapping: the schema and duplicate-key rules.
    keys = "".join(f"titel{index % 500}: x\n" for index in range(12000))
    yield "roles/many-keys.yml", f"id: many-keys\ntitle: 敵意\n{keys}"
    # A process of many steps, each naming roles by a misspelt id.
    steps = "".join(
        f"      - id: step-{index}\n        title: 步驟\n        raci:\n"
        f"          R: [hostile-0{index % 10}, hostil-{index}]\n          A: hostile-00\n"
        "        checklist: [做]\n"
        for index in range(1500)
    )
    yield (
        "processes/many-steps.yml",
        (
            "id: many-steps\ntitle: 敵意\nowner: hostile-00\nstages:\n  - id: only\n    title: 階段\n    steps:\n"
            + steps
        ),
    )


def write_hostile_files(root: Path) -> int:
    """Write the hostile files under `root`; return their total size in bytes."""
    total = 0
    for relative, text in _files():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        assert len(data) <= MAX_FILE_BYTES, (relative, len(data))
        path.write_bytes(data)
        total += len(data)
    return total + _write_hostile_names(root)


def _write_hostile_names(root: Path, count: int = 2_000) -> int:
    """Names the input rules look at: case variants, backups, notes and links, `count` of each."""
    for index in range(count):
        (root / "roles" / f"upper{index}.YML").write_bytes(b"")
        (root / "processes" / f"backup{index}.yml.bak").write_bytes(b"")
        (root / "roles" / f"note{index}.txt").write_bytes(b"")
        (root / "processes" / f"link{index}.Yml").symlink_to(root / "roles" / f"note{index}.txt")
    return 0


def hostile_structure(size: int = 10_000) -> Handbook:
    """A handbook of long structures, built as a model: chains, a circle, a huge RACI, many former ids."""
    at = Location("roles/x.yml", 1, 1)

    def ref(role_id: str) -> RoleRef:
        return RoleRef(role_id, at)

    def role(role_id: str, manager: str | None, aliases: tuple[str, ...] = ()) -> Role:
        return Role(
            id=role_id,
            title=role_id,
            summary="",
            reports_to=ref(manager) if manager else None,
            external=False,
            aliases=tuple(ref(alias) for alias in aliases),
            responsibilities=(),
            metrics=(),
            path=f"roles/{role_id}.yml",
            at=at,
            id_at=at,
        )

    chain = [role(f"c{n}", f"c{n - 1}" if n else None, (f"old-c{n}", f"old-{n % (size // 2)}")) for n in range(size)]
    circle_size = size // 2
    circle = [role(f"o{n}", f"o{(n + 1) % circle_size}") for n in range(circle_size)]
    everyone = [item.id for item in chain]
    raci = Raci(
        responsible=tuple(map(ref, everyone)),
        accountable=tuple(map(ref, everyone[:3])),
        consulted=tuple(map(ref, everyone)),
        informed=tuple(ref(f"old-c{n}") for n in range(size)),
        at=at,
    )
    typos = [
        Step(
            id=f"typo-{n}",
            title="t",
            details="",
            raci=Raci((ref(f"c{n}x"),), (ref(f"zz{n}"),), (), (), at),
            checklist=(),
            due="",
            outputs=(),
            at=at,
            id_at=at,
        )
        for n in range(size // 5)
    ]
    big = Step(id="big", title="t", details="", raci=raci, checklist=(), due="", outputs=(), at=at, id_at=at)
    stage = Stage(id="s", title="t", summary="", steps=(big, *typos), at=at, id_at=at)
    process = Process(
        id="p",
        title="t",
        summary="",
        owner=ref("c0"),
        stages=(stage,),
        path="processes/p.yml",
        at=at,
        id_at=at,
        aliases=tuple(ref(f"old-{n}") for n in range(size)),
    )
    return Handbook(roles=(*chain, *circle), processes=(process,))


def hostile_departments(size: int = 10_000) -> Handbook:
    """Departments at scale: a 10,000-long `parent` chain, a 5,000 circle, their heads and 2,000 more roles.

    Each head reports to the head above, as a company's do; every other role reports
    across departments, names an unknown department or none, so every department rule
    has all the work it can get.
    """
    at = Location("departments/x.yml", 1, 1)

    def department(identifier: str, parent: str | None, head: str) -> Department:
        return Department(
            id=identifier,
            title=identifier,
            summary="",
            head=RoleRef(head, at),
            parent=DepartmentRef(parent, at) if parent else None,
            maintainers=tuple(f"@team-{n}" for n in range(20)),
            path=f"departments/{identifier}.yml",
            at=at,
            id_at=at,
            maintainers_at=at,
        )

    def role(role_id: str, manager: str | None, department_id: str | None) -> Role:
        return Role(
            id=role_id,
            title=role_id,
            summary="",
            reports_to=RoleRef(manager, at) if manager else None,
            external=False,
            aliases=(),
            responsibilities=(),
            metrics=(),
            path=f"roles/{role_id}.yml",
            at=at,
            id_at=at,
            department=DepartmentRef(department_id, at) if department_id else None,
        )

    chain = [department(f"d{n}", f"d{n - 1}" if n else None, f"h{n}") for n in range(size)]
    circle = [department(f"o{n}", f"o{(n + 1) % (size // 2)}", f"h{n}") for n in range(size // 2)]
    heads = [role(f"h{n}", f"h{n - 1}" if n else None, f"d{n}") for n in range(size)]
    others = [
        role(f"r{n}", f"h{(n + 7) % size}", f"d{n}" if n % 3 == 0 else f"unknown-{n}" if n % 3 == 1 else None)
        for n in range(size // 5)
    ]
    return Handbook(roles=(*heads, *others), processes=(), departments=(*chain, *circle))


def prepare(root: Path) -> tuple[list[SourceFile], list[Handbook], list[InputScan]]:
    """Read the hostile files and work out what rules share, so each timing is one rule's own work."""
    sources = read_sources(root)
    for source in sources:
        schema_findings(source)
        text_values(source)
    # A CODEOWNERS file as large as a hostile pull request could commit, for HB077 to compare.
    (root / ".github").mkdir(exist_ok=True)
    (root / ".github" / "CODEOWNERS").write_text("/roles/x.yml @someone\n" * 100_000, encoding="utf-8")
    return sources, [build_handbook(sources), hostile_structure(), hostile_departments()], [scan_inputs(root)]


def time_rule(
    rule: Rule, sources: list[SourceFile], handbooks: list[Handbook], scans: list[InputScan]
) -> tuple[float, int]:
    """Seconds one rule takes over every target, and how many findings it yields."""
    # The handbooks' folder: the common folder of the files read (the corpus fills roles/ and processes/).
    root = Path(os.path.commonpath([str(path) for scan in scans for path in scan.sources]))
    targets_by_scope: dict[
        str,
        list[SourceFile]
        | list[Handbook]
        | list[InputScan]
        | list[SiteSettings]
        | list[HandbookFolder]
        | list[ReviewedHandbook],
    ] = {
        "file": sources,
        "handbook": handbooks,
        "inputs": scans,
        # mkdocs.yml's settings are a few values, whatever the handbook: one without a site_url.
        "site": [SiteSettings(path="mkdocs.yml", site_url=None)],
        "folder": [HandbookFolder(root, handbook) for handbook in handbooks],
        # Today far after every date, so every reviewed thing is due: the most work the review rules do.
        "review": [ReviewedHandbook(handbook, ReviewSettings(today=date(2100, 1, 1))) for handbook in handbooks],
    }
    targets = targets_by_scope[rule.scope]
    started = time.perf_counter()
    found = sum(1 for target in targets for _ in rule.check(target))
    return time.perf_counter() - started, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        size = write_hostile_files(root)
        sources, handbooks, scans = prepare(root)
        print(f"{len(sources)} hostile files, {size / 1e6:.1f} MB; {args.runs} runs per rule (seconds)")
        print(f"{'rule':<28} {'median':>8} {'min':>8} {'max':>8} {'findings':>9}")
        for rule in RULES:
            timings = [time_rule(rule, sources, handbooks, scans) for _ in range(args.runs)]
            seconds = [elapsed for elapsed, _ in timings]
            name = f"{rule.id} {rule.name}"
            print(
                f"{name:<28} {statistics.median(seconds):>8.3f} {min(seconds):>8.3f} {max(seconds):>8.3f}"
                f" {timings[0][1]:>9}"
            )


if __name__ == "__main__":
    main()
