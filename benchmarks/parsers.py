"""Time the YAML parsers `handbook validate` could use on a handbook's files, in one process (CPU seconds).

    python benchmarks/parsers.py benchmarks/out/1000r-200p-5x10/handbook

PyYAML with libyaml is what the loader uses. rapidyaml and ruamel.yaml are not
dependencies; install them into a scratch virtualenv to compare
(`python -m venv /tmp/p && /tmp/p/bin/pip install pyyaml rapidyaml ruamel.yaml`, then run
this script with /tmp/p/bin/python); a parser that is not installed is skipped.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cpu_seconds(work: Callable[[], Any]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("handbook", type=Path)
    args = parser.parse_args()
    files = sorted(args.handbook.glob("roles/*.yml")) + sorted(args.handbook.glob("processes/*.yml"))
    raws = [file.read_bytes() for file in files]
    texts = [raw.decode("utf-8") for raw in raws]
    gc.disable()
    print(f"{len(files)} files, {sum(map(len, raws)) / 1e6:.1f} MB")

    import yaml

    seconds = cpu_seconds(lambda: [yaml.compose(text, Loader=yaml.CSafeLoader) for text in texts])
    print(f"PyYAML {yaml.__version__} + libyaml, compose (nodes with line and column): {seconds:.2f} s")
    # Every tenth file for the pure-Python composers, scaled up.
    tenth = texts[::10]
    seconds = cpu_seconds(lambda: [yaml.compose(text, Loader=yaml.SafeLoader) for text in tenth]) * 10
    print(f"PyYAML pure Python, compose: {seconds:.2f} s (every tenth file, times 10)")

    try:
        import ryml
    except ImportError:
        print("rapidyaml: not installed, skipped")
    else:
        trees: list[Any] = []
        seconds = cpu_seconds(lambda: trees.extend(ryml.parse_in_arena(raw) for raw in raws))
        print(f"rapidyaml {ryml.version}, parse (no line or column in its Python binding): {seconds:.2f} s")

        def walk(tree: Any) -> None:
            stack = [tree.root_id()]
            while stack:
                node = stack.pop()
                if tree.has_key(node):
                    tree.key(node)
                if tree.has_val(node):
                    tree.val(node)
                child = tree.first_child(node)
                while child != ryml.NONE:
                    stack.append(child)
                    child = tree.next_sibling(child)

        seconds = cpu_seconds(lambda: [walk(tree) for tree in trees])
        print(f"rapidyaml, visiting every node's key and value from Python: {seconds:.2f} s")

    try:
        from ruamel.yaml import YAML, __version__
    except ImportError:
        print("ruamel.yaml: not installed, skipped")
    else:
        reader = YAML(typ="safe", pure=True)
        seconds = cpu_seconds(lambda: [reader.compose(text) for text in tenth]) * 10
        print(f"ruamel.yaml {__version__} pure Python, compose: {seconds:.2f} s (every tenth file, times 10)")


if __name__ == "__main__":
    main()
