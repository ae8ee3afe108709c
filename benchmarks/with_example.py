"""A company-sized handbook that contains the example: the search benchmark's big site.

    .venv/bin/python benchmarks/with_example.py --roles 1000 --processes 200 --out /tmp/company

Writes benchmarks/make_handbook.py's synthetic handbook (its words overlap the
example's: 市場, 活動, 品牌 …), then adds the example's roles, processes, glossary and
hand-written pages, each role and process placed in the synthetic `marketing`
department (a company handbook requires one). The example's pages keep their
addresses, so the findability query sets run unchanged against it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.make_handbook import write_handbook  # noqa: E402

_TOP_LEVEL_ID = re.compile(r"^id: .*$", re.MULTILINE)


def with_department(text: str, department: str) -> str:
    """The YAML with `department:` after its top-level id (external teams keep none)."""
    if re.search(r"^external: true", text, re.MULTILINE) or re.search(r"^department:", text, re.MULTILINE):
        return text
    return _TOP_LEVEL_ID.sub(lambda match: f"{match.group(0)}\ndepartment: {department}", text, count=1)


def write_company_with_example(out: Path, *, roles: int, processes: int, seed: int = 1) -> None:
    write_handbook(out, roles=roles, processes=processes, stages=5, steps=10, seed=seed)
    for folder in ("roles", "processes"):
        for source in sorted((REPO / folder).glob("*.yml")):
            text = with_department(source.read_text(encoding="utf-8"), "marketing")
            (out / folder / source.name).write_text(text, encoding="utf-8")
    shutil.copy(REPO / "glossary.yml", out / "glossary.yml")
    for page in (REPO / "handbook").glob("*.md"):
        shutil.copy(page, out / "docs" / page.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    arguments = parser.parse_args()
    if arguments.out.exists():
        shutil.rmtree(arguments.out)
    write_company_with_example(arguments.out, roles=arguments.roles, processes=arguments.processes, seed=arguments.seed)


if __name__ == "__main__":
    main()
