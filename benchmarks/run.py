"""Time `handbook validate` and `handbook build` on a synthetic handbook, against baselines measured in the same run.

    python benchmarks/run.py --roles 1000 --processes 200 [--runs 3] [--validate-only]

Every figure is a whole process, started fresh each run (interpreter start and
imports included), because that is what a pull-request author waits for. The
commands take turns within each run, so a busy machine slows all of them alike:

- `validate`: `handbook validate .` with no cache (its folder removed first): a first run,
  which also writes the cache;
- `validate_warm`: `handbook validate .` again, nothing changed since: the cache answers;
- `validate_edited`: `handbook validate .` after one role file was edited (a comment added):
  that file is parsed, the others come from the cache, the rules across files run again;
- `build`: `handbook build .` (validates, then builds the site)
- `control`: a plain `mkdocs build` of a CONTROL site: the very pages and files the
  plugin generates for this handbook, written once into a docs folder as ordinary
  Markdown, with the same mkdocs.yml (theme, extensions, navigation, the search box's
  script), the plugin off. What is left between the two is the plugin's own work (check,
  render, navigation, and the search index it writes after the build: generator.search);
- `compose`: a Python process that only reads the same YAML files and composes them with
  libyaml (`yaml.compose(..., Loader=yaml.CSafeLoader)`, garbage collector paused):
  the floor for any validator that keeps line and column positions.

It prints a table with median and min–max seconds and the ratios build/control and
validate/compose, and writes JSON into benchmarks/out/: the machine (CPUs, load average
before and after, Python), the versions of the packages that matter, every run's wall and
CPU seconds, and the search index's size raw and gzip'd (all of it, and the part a reader's
first search fetches). `benchmarks/table.py` renders the README's table from such files.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_handbook import site_config, write_handbook

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# `  - handbook` in mkdocs.yml's plugin list, with the indented options below it.
PLUGIN_ENTRY = re.compile(r"^  - handbook\b[^\n]*\n(?:[ ]{4,}[^\n]*\n)*", re.MULTILINE)

COMPOSE_ONLY = """\
import gc, sys, yaml
from pathlib import Path
gc.disable()
files = sorted(Path(sys.argv[1]).glob("roles/*.yml")) + sorted(Path(sys.argv[1]).glob("processes/*.yml"))
for file in files:
    yaml.compose(file.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)
"""


def write_control_site(handbook: Path, control: Path) -> int:
    """Write the control site: the plugin's generated files as plain files, the plugin switched off.

    The plugin itself produces the files and the navigation (through MkDocs' own
    config loading and events), so the control site has exactly the same pages,
    assets, nav shape and theme settings. Returns the number of Markdown pages.
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(handbook / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    shutil.rmtree(control, ignore_errors=True)
    docs = control / "docs"
    pages = 0
    for file in files:
        target = docs / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content_bytes)
        pages += file.src_uri.endswith(".md")
    text = site_config((handbook / "mkdocs.yml").read_text(encoding="utf-8"), site_name="對照組", docs_dir="docs")
    # The plugin stays listed but does nothing: its options give way to `enabled: false`.
    text, replaced = PLUGIN_ENTRY.subn("  - handbook:\n      enabled: false\n", text, count=1)
    if not replaced:
        raise SystemExit(f"cannot find the handbook plugin in {handbook / 'mkdocs.yml'}")
    extra = {
        "nav": config.nav,
        "extra_css": [str(item) for item in config.extra_css],
        "extra_javascript": [str(item) for item in config.extra_javascript],
    }
    text += "\n# Written by benchmarks/run.py from what the plugin produced.\n"
    text += yaml.safe_dump(extra, allow_unicode=True, sort_keys=False)
    (control / "mkdocs.yml").write_text(text, encoding="utf-8")
    return pages


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command`; on a shared machine CPU seconds vary less."""
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"`{' '.join(command)}` failed in {cwd}:\n{result.stdout}\n{result.stderr}")
    return elapsed, _children_cpu() - cpu


def summary(times: list[float]) -> dict[str, float]:
    return {"median": statistics.median(times), "min": min(times), "max": max(times)}


VERSIONED = (
    "role-handbook",
    "PyYAML",
    "mkdocs",
    "mkdocs-material",
    "jsonschema",
    "fastjsonschema",
    "OpenCC",
)


def versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "libyaml": yaml.__with_libyaml__ and _libyaml_version()}
    for name in VERSIONED:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return {key: str(value) for key, value in found.items()}


def _libyaml_version() -> str:
    from yaml import _yaml

    return str(_yaml.get_version_string())


def _commit() -> str:
    """The commit measured, with "+changes" when the work tree differs from it."""
    git = ["git", "-C", str(HERE)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True)
    return f"{head or 'unknown'}{'+changes' if dirty.stdout.strip() else ''}"


def machine() -> dict[str, Any]:
    cpu_model = ""
    with contextlib.suppress(OSError, StopIteration):
        cpu_model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    return {
        "system": platform.platform(),
        "cpu": cpu_model,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "tool_bytecode": _tool_bytecode(),
    }


def _tool_bytecode() -> str:
    """Whether `handbook` starts from the tool's compiled modules, as an installed package does, or compiles them.

    An editable install writes them on its first run, unless PYTHONDONTWRITEBYTECODE is set (as on the
    machine these figures come from); compiling them each run costs validate about 0.04 s.
    """
    package = HERE.parent / "generator"
    tag = sys.implementation.cache_tag
    sources = [path for path in package.rglob("*.py")]
    compiled = [path for path in sources if (path.parent / "__pycache__" / f"{path.stem}.{tag}.pyc").is_file()]
    if len(compiled) == len(sources):
        return "compiled modules"
    return f"compiled each run ({len(sources) - len(compiled)} of {len(sources)} modules)"


def index_sizes(site: Path) -> dict[str, Any]:
    """The handbook's search index (generator.search), raw and gzip'd as a web server sends them.

    The whole folder, and meta.json alone: a reader's first search fetches that, then only the
    few shards its words hash to and the section texts of the results shown.
    """
    from generator.search import SEARCH_FOLDER

    folder = site / SEARCH_FOLDER
    files = sorted(f for f in folder.rglob("*") if f.is_file())
    if not files:
        raise SystemExit(f"no search index in {folder}")

    def sizes(chosen: list[Path]) -> tuple[int, int]:
        contents = [f.read_bytes() for f in chosen]
        raw = sum(len(data) for data in contents)
        return raw, sum(len(gzip.compress(data, compresslevel=6, mtime=0)) for data in contents)

    raw, zipped = sizes(files)
    meta_raw, meta_zipped = sizes([folder / "meta.json"])
    return {
        "engine": "handbook",
        "files": len(files),
        "raw_bytes": raw,
        "gzip_bytes": zipped,
        "meta_raw_bytes": meta_raw,
        "meta_gzip_bytes": meta_zipped,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=200)
    parser.add_argument("--stages-per-process", type=int, default=5)
    parser.add_argument("--steps-per-stage", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--validate-only", action="store_true", help="time validate and compose only (minutes less)")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where the handbook, sites and JSON go")
    args = parser.parse_args()

    name = f"{args.roles}r-{args.processes}p-{args.stages_per_process}x{args.steps_per_stage}"
    work = args.out / name
    handbook, control = work / "handbook", work / "control"
    steps = args.processes * args.stages_per_process * args.steps_per_stage
    write_handbook(
        handbook,
        roles=args.roles,
        processes=args.processes,
        stages=args.stages_per_process,
        steps=args.steps_per_stage,
        seed=args.seed,
    )
    pages = 0 if args.validate_only else write_control_site(handbook, control)
    yaml_bytes = sum(f.stat().st_size for folder in ("roles", "processes") for f in (handbook / folder).iterdir())
    print(
        f"{args.roles} roles, {args.processes} processes, {steps} steps, {yaml_bytes / 1e6:.1f} MB of YAML, "
        f"{pages} pages; {args.runs} run(s); the tool's modules: {_tool_bytecode()}",
        file=sys.stderr,
    )

    started = machine()
    keys = ["compose", "validate", "validate_warm", "validate_edited"]
    keys += [] if args.validate_only else ["build", "control"]
    edited = sorted((handbook / "roles").glob("*.yml"))[0]
    original = edited.read_bytes()
    times: dict[str, list[float]] = {key: [] for key in keys}
    cpu: dict[str, list[float]] = {key: [] for key in keys}
    index: dict[str, Any] = {}

    def take(key: str, command: list[str], cwd: Path) -> None:
        wall, seconds = timed(command, cwd)
        times[key].append(wall)
        cpu[key].append(seconds)

    validate = [str(BIN / "handbook"), "validate", "."]
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch:
        for run in range(args.runs):
            take("compose", [sys.executable, "-c", COMPOSE_ONLY, str(handbook)], handbook)
            shutil.rmtree(handbook / ".cache" / "validate", ignore_errors=True)
            take("validate", validate, handbook)
            take("validate_warm", validate, handbook)
            edited.write_bytes(original + f"# edited for run {run + 1}\n".encode())
            take("validate_edited", validate, handbook)
            edited.write_bytes(original)
            if not args.validate_only:
                site = Path(scratch) / f"site-{run}"
                take("build", [str(BIN / "handbook"), "build", ".", "--site-dir", str(site)], handbook)
                index = index or index_sizes(site)
                control_site = Path(scratch) / f"control-{run}"
                take("control", [str(BIN / "mkdocs"), "build", "-q", "-d", str(control_site)], control)
            done = ", ".join(f"{key} {values[-1]:.2f}s" for key, values in times.items() if values)
            print(f"run {run + 1}: {done}", file=sys.stderr)

    results: dict[str, Any] = {
        "command": " ".join(["python", "benchmarks/run.py", *sys.argv[1:]]),
        "commit": _commit(),
        "handbook": {
            "roles": args.roles,
            "processes": args.processes,
            "steps": steps,
            "pages": pages,
            "yaml_bytes": yaml_bytes,
            "seed": args.seed,
        },
        "runs": args.runs,
        "machine": {**started, "load_average_after": os.getloadavg()},
        "versions": versions(),
        "seconds": {key: {**summary(values), "all": values} for key, values in times.items() if values},
        "cpu_seconds": {key: {**summary(values), "all": values} for key, values in cpu.items() if values},
        "ratios": {
            "validate / compose": statistics.median(times["validate"]) / statistics.median(times["compose"]),
        },
    }
    if index:
        results["search_index"] = index
    if not args.validate_only:
        results["ratios"]["build / control"] = statistics.median(times["build"]) / statistics.median(times["control"])
    rows = [
        ("handbook validate", "validate", "compose"),
        ("validate, nothing changed", "validate_warm", None),
        ("validate, one file edited", "validate_edited", None),
        ("libyaml compose only", "compose", None),
        ("handbook build", "build", "control"),
        ("control: mkdocs build", "control", None),
    ]
    print(f"\n{'command':<26} {'median s':>9} {'min–max s':>13}  {'CPU s':>6}  ratio")
    for label, key, against in rows:
        if key not in results["seconds"] or (against and against not in results["seconds"]):
            continue
        s = results["seconds"][key]
        ratio = f"{s['median'] / results['seconds'][against]['median']:.2f}× {against}" if against else ""
        used = results["cpu_seconds"][key]["median"]
        print(f"{label:<26} {s['median']:>9.2f} {s['min']:>6.2f}–{s['max']:<6.2f}  {used:>6.2f}  {ratio}")
    args.out.mkdir(parents=True, exist_ok=True)
    output = args.out / f"{name}{'-validate' if args.validate_only else ''}.json"
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
