"""Every rule stays linear: over 4 MB of hostile text, and 10,000-long structures, each check in under 2 s.

The corpus is generated here, in a temporary folder, by benchmarks/rules_adversarial.py
(which also prints the figures): long runs of each character and pattern opening the
rules look for, nested brackets, many values and keys, a 10,000-role reporting chain,
a 5,000-role circle, a step naming 10,000 roles. A quadratic rule takes minutes on it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from benchmarks.rules_adversarial import hostile_structure, prepare, time_rule, write_hostile_files
from generator.rules import RULES, Rule
from generator.rules.checking import check_handbook
from generator.source.files import InputScan
from generator.source.loading import MAX_FILE_BYTES, SourceFile
from generator.source.model import Handbook

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow

BUDGET_SECONDS = 2.0


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, int, list[SourceFile], list[Handbook], list[InputScan]]:
    root = tmp_path_factory.mktemp("hostile")
    size = write_hostile_files(root)
    sources, handbooks, scans = prepare(root)
    return root, size, sources, handbooks, scans


def test_the_corpus_is_over_4_mb_of_files_the_loader_reads(hostile):
    root, size, sources, _, _ = hostile
    assert size > 4 * 1024 * 1024
    files = [path for path in root.rglob("*.yml")]
    assert len(files) == len(sources) > 16
    assert all(path.stat().st_size <= MAX_FILE_BYTES for path in files)
    # Every file is read into data: a file the loader refused would reach no rule at all.
    assert [source.path for source in sources if source.tree is None] == []


def test_the_hostile_values_reach_the_rules(hostile):
    _, _, sources, handbooks, scans = hostile
    by_id = {rule.id: rule for rule in RULES}
    for code in ("HB053", "HB052", "HB056", "HB057", "HB004", "HB011"):
        assert time_rule(by_id[code], sources, handbooks, scans)[1] > 0, code
    # 2,000 each of upper-case names, backups, notes and links
    assert time_rule(by_id["HB006"], sources, handbooks, scans)[1] == 2_000
    assert time_rule(by_id["HB007"], sources, handbooks, scans)[1] == 2_000
    assert time_rule(by_id["HB008"], sources, handbooks, scans)[1] == 4_000
    structure = hostile_structure()
    assert len(list(by_id["HB031"].check(structure))) == 1  # the 5,000-role circle, once
    assert len(list(by_id["HB022"].check(structure))) == 10_000  # each former id claimed twice


@pytest.mark.parametrize("rule", RULES, ids=[f"{rule.id}-{rule.name}" for rule in RULES])
def test_each_rule_checks_the_hostile_corpus_within_budget(rule: Rule, hostile):
    _, _, sources, handbooks, scans = hostile
    elapsed, _ = time_rule(rule, sources, handbooks, scans)
    assert elapsed < BUDGET_SECONDS, f"{rule.id} {rule.name} took {elapsed:.2f}s"


def test_the_whole_check_of_the_hostile_files_ends_without_a_traceback(hostile):
    root, _, _, _, _ = hostile
    started = time.perf_counter()
    report = check_handbook(root)
    # Reading 4 MB of YAML with positions is most of it; every rule together stays near its own budget.
    assert time.perf_counter() - started < 10 * BUDGET_SECONDS
    assert report.errors


def test_reading_order_and_reports_are_linear_on_a_10000_role_chain():
    structure = hostile_structure()
    started = time.perf_counter()
    ordered = structure.roles_in_reading_order
    reports = [structure.direct_reports_of(role) for role in structure.roles]
    participations = structure.participations_by_role
    assert time.perf_counter() - started < BUDGET_SECONDS
    assert ordered[0].id == "c0" and ordered[-1].id == "c9999"  # top of the chain first, its bottom last
    assert sum(map(len, reports)) == len(structure.roles) - 1  # everyone but the top has a manager
    assert participations["c5"][0].letters == ("R", "C")
