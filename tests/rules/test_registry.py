"""The registry (generator/rules/__init__.py) names every rule module once, and each rule has its test file."""

from __future__ import annotations

from pathlib import Path

from generator.rules import REGISTRY, RULES

RULES_FOLDER = Path(__file__).resolve().parents[2] / "generator" / "rules"
TESTS_FOLDER = Path(__file__).resolve().parent


def test_every_rule_module_in_a_family_folder_is_in_the_registry_once() -> None:
    on_disk = sorted(
        f"{path.parent.name}/{path.stem}" for path in RULES_FOLDER.glob("*/*.py") if path.name != "__init__.py"
    )
    registered = [f"{family}/{name}" for family, names in REGISTRY for name in names]
    assert sorted(registered) == on_disk
    assert len(set(registered)) == len(registered)


def test_codes_and_names_are_unique_and_each_rule_has_a_test_file() -> None:
    assert len({rule.id for rule in RULES}) == len(RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)
    modules = [name for _, names in REGISTRY for name in names]
    assert [name for name in modules if not (TESTS_FOLDER / f"test_{name}.py").is_file()] == []
