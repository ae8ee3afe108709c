"""The folders of generator/ are its layers: each imports only its own and those below, never in a circle.

The import graph is read with `ast` from the source (every `import`, also those inside a
function or under TYPE_CHECKING: an import moved into a function still runs, and hiding
one there to dodge a circle is what this test is for).
"""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"

# Bottom to top. A module may import its own layer and the layers before it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("words", ("generator", "generator.words")),
    ("source", ("generator.source",)),
    ("rules", ("generator.rules",)),
    ("render", ("generator.render",)),
    # The site's search index: reads the built pages and the model, after the pages are rendered.
    ("search", ("generator.search",)),
    ("engines", ("generator.engines",)),
    ("commands", ("generator.commands",)),
    ("cli", ("generator.cli", "generator.cli_help")),
)
# What generator/ itself may hold besides the layer folders: the entry modules.
TOP_LEVEL_MODULES = {"__init__.py", "cli.py", "cli_help.py"}


def module_name(path: Path) -> str:
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The modules of generator/ that `path` imports anywhere in its text."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            # `from generator.rules import circles` imports a module; `… import RULES` a name.
            candidates = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found |= {candidate for candidate in candidates if candidate in modules and candidate != name}
    return found


def import_graph() -> dict[str, set[str]]:
    files = {module_name(path): path for path in GENERATOR.rglob("*.py")}
    return {name: imported_modules(path, set(files)) for name, path in files.items()}


def layer_of(module: str) -> int:
    best: tuple[int, int] | None = None  # (length of the matching prefix, layer)
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), rank)
    assert best is not None, f"{module} is in no layer: add its folder to LAYERS"
    return best[1]


def test_every_module_is_in_a_layer_and_the_top_level_holds_only_entry_modules() -> None:
    for module in import_graph():
        layer_of(module)
    loose = {path.name for path in GENERATOR.glob("*.py")} - TOP_LEVEL_MODULES
    assert not loose, f"modules at generator/'s top level: put them in the folder of their layer: {sorted(loose)}"


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = [
        f"{module} ({LAYERS[layer_of(module)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for module, targets in import_graph().items()
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle of `graph`, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def test_no_import_circle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " → ".join(cycle or [])


def test_the_cycle_finder_finds_a_circle_and_the_layer_check_an_upward_import() -> None:
    # The checks themselves, on small graphs: a test that can never fail proves nothing.
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    assert layer_of("generator.words.messages") < layer_of("generator.source.loading") < layer_of("generator.cli")
    assert layer_of("generator.rules.text.safe_links") == layer_of("generator.rules")
