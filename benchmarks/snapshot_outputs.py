"""Record what the tool writes, so a refactoring can prove it changed nothing.

    python benchmarks/snapshot_outputs.py --out /tmp/baseline      # before
    python benchmarks/snapshot_outputs.py --out /tmp/after         # after
    diff -r /tmp/baseline /tmp/after && echo identical

For three handbooks — the example (this repository), tests/examples/company and a
synthetic 100-role handbook (benchmarks/make_handbook.py, seed 1) — it writes
`validate.json` (`handbook validate --format json`, cold cache, plus its exit status in
`validate.rc`) and `site/` (`handbook build --site-dir`); and, for every broken handbook of
tests/corpus/, the findings of `validate --format json` and `--format text`. Each handbook is copied to the
same fixed folder every run, and SOURCE_DATE_EPOCH is fixed, so two runs of one commit
give byte-identical trees (check it by running twice). It runs the `handbook` command
of the Python running this script.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = Path("/tmp/handbook-snapshot-sources")
# The example's own files; the rest of the repository is the tool.
EXAMPLE_FILES = ("mkdocs.yml", "glossary.yml", "roles", "processes", "handbook")
SYNTHETIC = ("--roles", "100", "--processes", "20", "--seed", "1")


def _copy(names: tuple[str, ...], source: Path, target: Path) -> None:
    for name in names:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        elif (source / name).exists():
            shutil.copy2(source / name, target / name)


def prepare_sources() -> dict[str, Path]:
    """Fresh copies of the three handbooks under WORK, at the same paths every run."""
    shutil.rmtree(WORK, ignore_errors=True)
    example = WORK / "example"
    example.mkdir(parents=True)
    _copy(EXAMPLE_FILES, REPO, example)
    company = WORK / "company"
    shutil.copytree(REPO / "tests" / "examples" / "company", company)
    synthetic = WORK / "synthetic"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "make_handbook.py"), *SYNTHETIC, "--out", str(synthetic)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return {"example": example, "company": company, "synthetic": synthetic}


def snapshot(out: Path) -> None:
    handbook = str(Path(sys.executable).parent / "handbook")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    shutil.rmtree(out, ignore_errors=True)
    for name, source in prepare_sources().items():
        target = out / name
        target.mkdir(parents=True)
        validate = subprocess.run(
            [handbook, "validate", ".", "--format", "json"], cwd=source, env=env, capture_output=True, check=False
        )
        (target / "validate.json").write_bytes(validate.stdout)
        (target / "validate.rc").write_text(f"{validate.returncode}\n")
        subprocess.run(
            [handbook, "build", ".", "--site-dir", str(target / "site")],
            cwd=source,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(f"{name}: validate exit {validate.returncode}, site in {target / 'site'}")
    # The findings themselves: every handbook of the test corpus is broken on purpose.
    corpus = sorted(path for path in (REPO / "tests" / "corpus").iterdir() if path.is_dir())

    def validate_case(case: Path) -> None:
        source = WORK / "corpus" / case.name
        shutil.copytree(case, source, ignore=shutil.ignore_patterns("expected.txt"))
        for form in ("json", "text"):
            result = subprocess.run(
                [handbook, "validate", ".", "--format", form], cwd=source, env=env, capture_output=True, check=False
            )
            target = out / "corpus" / case.name
            target.mkdir(parents=True, exist_ok=True)
            (target / f"validate.{form}").write_bytes(result.stdout + b"--- stderr\n" + result.stderr)
            (target / f"validate.{form}.rc").write_text(f"{result.returncode}\n")

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(validate_case, corpus))
    print(f"corpus: {len(corpus)} handbooks validated")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced)")
    snapshot(parser.parse_args().out)


if __name__ == "__main__":
    main()
