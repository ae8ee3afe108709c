"""Each fast path gives exactly what the reference path gives, on the whole corpus and a synthetic handbook.

Two shortcuts stand in for slower reference code (STYLE.md, 12): libyaml composes a file
instead of the recording pure-Python composer, and a compiled fastjsonschema validator
confirms a valid file before jsonschema is asked for its errors. Here both roads run on
the same files and must agree: the same nodes at the same lines and columns, the same
valid/invalid verdict, and the same problems from `check_handbook`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.rules.checking import check_handbook
from generator.source import loading, schema
from generator.source.loading import read_source
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from make_handbook import write_handbook

CORPUS = REPO / "tests" / "corpus"
HANDBOOKS = [*sorted(path for path in CORPUS.iterdir() if path.is_dir()), REPO]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    write_handbook(out, roles=60, processes=12, stages=3, steps=4, seed=7)
    return out


def _yaml_files(root: Path) -> Iterator[Path]:
    for pattern in ("roles/*", "processes/*", "glossary.yml"):
        yield from (path for path in sorted(root.glob(pattern)) if path.is_file() and not path.is_symlink())


def _shape(node: yaml.Node | None) -> object:
    """A node tree as plain data: kind, tag, value, style and both ends' line and column, all the way down."""
    if node is None:
        return None
    ends = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        # The one known difference: libyaml marks the plain style "" and PyYAML None; the only
        # reader of `style` (generator.source.slips) tests `not node.style`, which takes both alike.
        return ("scalar", node.tag, node.value, node.style or None, ends)
    if isinstance(node, yaml.SequenceNode):
        return ("sequence", node.tag, node.flow_style, ends, [_shape(child) for child in node.value])
    return ("mapping", node.tag, node.flow_style, ends, [(_shape(k), _shape(v)) for k, v in node.value])


def _composed_both_ways(text: str) -> tuple[object, object] | None:
    """The tree from the fast path and from the recording composer, when the loader takes the fast path."""
    source = loading.SourceFile(path="x.yml", kind="role")
    if not loading._compose_with_libyaml(source, text):
        return None  # the loader sends this file through the recording composer itself
    composer = loading._Composer(text, "x.yml")
    try:
        reference = composer.get_single_node()
    finally:
        composer.dispose()
    return _shape(source.root), _shape(reference)


def test_libyaml_gives_the_recording_composers_nodes_on_every_corpus_file(synthetic: Path) -> None:
    compared = 0
    for root in [*HANDBOOKS, synthetic]:
        for file in _yaml_files(root):
            try:
                text = file.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            except UnicodeDecodeError:
                continue
            both = _composed_both_ways(text)
            if both is not None:
                fast, reference = both
                assert fast == reference, file
                compared += 1
    assert compared > 150  # most of the corpus, the example and 72 synthetic files


@pytest.mark.parametrize(
    "text",
    [
        "a: \nb: ~\nc: yes\nd: No\ne: 012\nf: 0x1F\ng: 1_000\nh: 3.5e3\ni: .inf\nj: 2024-02-30\nk: 12:30:00\n",
        "a: '12'\nb: \"yes\"\nc: <<\nd: =\ne: -x\nf: '-1'\ng: +1\nh: 中文 1\ni: null\nj: ''\n",
        "- [a, 1, true, ~]\n- {x: 1.0, y: on}\n- |\n  12\n- >\n  yes\n",
        "a: FALSE\nb: Off\nc: falsey\nd: nullable\ne: onward\nf: Yes!\ng: n\nh: Nothing\ni: true\n  \n",
    ],
)
def test_libyaml_resolves_every_implicit_type_as_pyyaml_does(text: str) -> None:
    both = _composed_both_ways(text)
    assert both is not None
    assert both[0] == both[1]


def _reference_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send every file through the recording composer, the reference the fast path stands in for."""
    monkeypatch.setattr(loading, "_compose_with_libyaml", lambda source, text: False)


@pytest.mark.parametrize("root", HANDBOOKS, ids=[path.name for path in HANDBOOKS])
def test_same_problems_at_the_same_places_with_and_without_libyaml(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = check_handbook(root).problems
    _reference_loading(monkeypatch)
    assert check_handbook(root).problems == fast


def test_same_problems_with_and_without_libyaml_on_a_synthetic_handbook_with_slips(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "handbook"
    write_handbook(root, roles=40, processes=8, stages=2, steps=3, seed=3)
    process = next((root / "processes").glob("*.yml"))
    # A repeated key, a wrong type, an unknown key and an unknown role, so there is something to find.
    slips = "title: 再一次\nowner: [nobody]\ncolour: red\nstages:"
    process.write_text(process.read_text(encoding="utf-8").replace("stages:", slips, 1), encoding="utf-8")
    fast = check_handbook(root).problems
    assert {problem.code for problem in fast} >= {"HB004", "HB011", "HB012"}
    _reference_loading(monkeypatch)
    assert check_handbook(root).problems == fast


def _data_of_every_file(roots: list[Path]) -> Iterator[tuple[Path, schema.Kind, object]]:
    for root in roots:
        for file in _yaml_files(root):
            source = read_source(root, file)
            if source.tree is not None:
                yield file, source.kind, source.tree.data


def test_fastjsonschema_and_jsonschema_agree_on_every_file(synthetic: Path) -> None:
    verdicts = {True: 0, False: 0}
    for file, kind, data in _data_of_every_file([*HANDBOOKS, synthetic]):
        reference = not any(schema._validator(kind).iter_errors(data))
        assert schema._is_valid(data, kind) == reference, file
        verdicts[reference] += 1
    # Both verdicts are exercised: the corpus holds files the schema rejects.
    assert verdicts[True] > 100 and verdicts[False] > 10


@pytest.mark.parametrize("root", HANDBOOKS, ids=[path.name for path in HANDBOOKS])
def test_same_problems_with_and_without_fastjsonschema(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = check_handbook(root).problems
    # Without the compiled validator every file goes through jsonschema, the reference.
    monkeypatch.setattr(schema, "_is_valid", lambda data, kind: False)
    assert check_handbook(root).problems == fast
