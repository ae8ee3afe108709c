"""The model reads its places from the nodes the data points at; they equal the places looked up by JSON path.

`generator.source.building` takes each `at` from the node behind a mapping or list (a fast path);
`DataTree.at` finds the node written at a JSON path, as every rule that reports a value
does (the reference). Both must name the same line and column for every role, process,
stage, step, RACI and role reference, on the corpus, the example, the company example and
a synthetic handbook.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.source.building import file_part
from generator.source.loading import DataTree, JsonPath, read_sources
from generator.source.model import Location, Raci, RoleRef
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from make_handbook import write_handbook

CORPUS = REPO / "tests" / "corpus"
HANDBOOKS = [*sorted(path for path in CORPUS.iterdir() if path.is_dir()), REPO, REPO / "tests" / "examples" / "company"]


def _refs(tree: DataTree, data: dict[str, object], key: str, path: JsonPath) -> Iterator[Location]:
    value = data.get(key)
    if isinstance(value, str) and value.strip():
        yield tree.at((*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                yield tree.at((*path, key, index))


def _places_by_path(tree: DataTree, kind: str) -> Iterator[tuple[str, Location]]:
    """Every place the model keeps, looked up by its JSON path, in the model's order."""
    data = tree.data
    yield "at", tree.at(())
    yield "id_at", tree.at(("id",))
    for key in ("reports_to", "buddy") if kind == "role" else ("owner",):
        value = data.get(key)
        if isinstance(value, str) and value.strip():  # one role id: a list there is the schema's to report
            yield key, tree.at((key,))
    if kind != "process":
        return
    stages = data.get("stages")
    for stage_index, stage in enumerate(stages if isinstance(stages, list) else []):
        if not isinstance(stage, dict):
            continue
        stage_path: JsonPath = ("stages", stage_index)
        yield "stage", tree.at(stage_path)
        yield "stage id", tree.at((*stage_path, "id"))
        steps = stage.get("steps")
        for step_index, step in enumerate(steps if isinstance(steps, list) else []):
            if not isinstance(step, dict):
                continue
            step_path: JsonPath = (*stage_path, "steps", step_index)
            yield "step", tree.at(step_path)
            yield "step id", tree.at((*step_path, "id"))
            raci = step.get("raci")
            if isinstance(raci, dict):
                yield "raci", tree.at((*step_path, "raci"), key=True)
                for letter in "RACI":
                    for place in _refs(tree, raci, letter, (*step_path, "raci")):
                        yield letter, place


def _refs_of(raci: Raci | None) -> Iterator[tuple[str, RoleRef]]:
    if raci is not None:
        yield "raci", RoleRef("", raci.at)
        yield from raci.letters()


def _places_in_model(part: object) -> Iterator[tuple[str, Location]]:
    """The same places as the model holds them."""
    for role in getattr(part, "roles", ()):
        yield "at", role.at
        yield "id_at", role.id_at
        for key, ref in (("reports_to", role.reports_to), ("buddy", role.buddy)):
            if ref is not None:
                yield key, ref.at
    for process in getattr(part, "processes", ()):
        yield "at", process.at
        yield "id_at", process.id_at
        if process.owner is not None:
            yield "owner", process.owner.at
        for stage in process.stages:
            yield "stage", stage.at
            yield "stage id", stage.id_at
            for step in stage.steps:
                yield "step", step.at
                yield "step id", step.id_at
                for letter, ref in _refs_of(step.raci):
                    yield letter, ref.at


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    write_handbook(root, roles=60, processes=12, stages=3, steps=4, seed=11)
    return root


@pytest.mark.parametrize("root", HANDBOOKS, ids=[path.name for path in HANDBOOKS])
def test_the_models_places_are_those_found_by_json_path(root: Path) -> None:
    _compare(root)


def test_the_models_places_are_those_found_by_json_path_on_a_synthetic_handbook(synthetic: Path) -> None:
    assert _compare(synthetic) > 1_000


def _compare(root: Path) -> int:
    compared = 0
    for source in read_sources(root):
        tree = source.tree
        if tree is None or source.kind not in ("role", "process") or tree.has_repeated_paths:
            continue  # where a path names several nodes, the model keeps the value the data kept (see building)
        expected = list(_places_by_path(tree, source.kind))
        found = list(_places_in_model(file_part(source)))
        assert found == expected, source.path
        compared += len(found)
    return compared
