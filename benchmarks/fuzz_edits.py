"""A seeded campaign of one-mutation edits: no traceback, no hang, no "validate passed, build failed".

    python benchmarks/fuzz_edits.py --cases 1500 --seed 2026 --jobs 2
    python benchmarks/fuzz_edits.py --cases 30 --seed 1          # the slice `make test` runs

Each case copies a handbook (the example in this repository, or tests/examples/company),
picks one of its files — a role, a process, a department, the glossary or mkdocs.yml — and
applies one mutation the way an editor slips or an attacker tries: a flipped byte, a line
deleted, duplicated or re-indented, a tab, odd Unicode, a huge number, a 100,000-character
value, 500-deep nesting, an alias bomb, a YAML or Python tag, a misspelt key, a cut-off file,
UTF-16, an empty file, a misnamed file, a value moved to another line. Then it runs
`handbook validate` and, when that passes, `handbook build`; when it fails, one case in five
also runs `build` and checks that it refuses and leaves the site already there untouched.

Counted as a failure: a traceback on either output, a run past its time limit, exit code 3
(an error the tool did not foresee), a finding list over 20 kB, a validate that passes
followed by a build that fails, a refused build that changed the site. The same seed gives
the same cases. Every command runs in a child forked from this process, which has imported
MkDocs and the tool once (a build costs a second instead of three), under a 4 GB memory cap.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_FILES = ("mkdocs.yml", "glossary.yml", "roles", "processes", "departments", "people", "handbook")
HANDBOOKS = {"example": REPO, "company": REPO / "tests" / "examples" / "company"}
VALIDATE_SECONDS = 60
BUILD_SECONDS = 300
MEMORY_CAP = 4 * 1024**3
MAX_FINDINGS_BYTES = 20_000
REFUSED_BUILDS_CHECKED = 5  # one refused build in this many is run and checked

Mutation = Callable[[random.Random, bytes], bytes]


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def _pick_line(rng: random.Random, data: bytes) -> tuple[list[bytes], int]:
    lines = _lines(data)
    return lines, rng.randrange(len(lines))


def flip_byte(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return b"\xff"
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]


def delete_line(rng: random.Random, data: bytes) -> bytes:
    lines, at = _pick_line(rng, data)
    del lines[at]
    return b"".join(lines)


def duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines, at = _pick_line(rng, data)
    lines.insert(at, lines[at])
    return b"".join(lines)


def indent(rng: random.Random, data: bytes) -> bytes:
    lines, at = _pick_line(rng, data)
    line = lines[at]
    lines[at] = b"  " + line if rng.random() < 0.5 or not line.startswith(b"  ") else line[2:]
    return b"".join(lines)


def tab_indent(rng: random.Random, data: bytes) -> bytes:
    lines, at = _pick_line(rng, data)
    lines[at] = re.sub(rb"^ +", b"\t", lines[at]) if lines[at].startswith(b" ") else b"\t" + lines[at]
    return b"".join(lines)


ODD_CHARACTERS = [
    "\u3000".encode(),
    "\u00a0".encode(),
    "\ufeff".encode(),
    "\u202e".encode(),
    b"\x00",
    b"\x1b",
    "😀".encode(),
    b"\xed\xa0\x80",  # a lone surrogate, as some editors write it
    "\u200b".encode(),
    b"\r",
]


def odd_unicode(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(ODD_CHARACTERS) + data[at:]


_VALUE = re.compile(rb"^(\s*(?:- )?[A-Za-z_][\w-]*: )(\S.*)$", re.MULTILINE)


def _replace_value(rng: random.Random, data: bytes, new: bytes) -> bytes:
    found = list(_VALUE.finditer(data))
    if not found:
        return data + b"\nextra: " + new + b"\n"
    match = rng.choice(found)
    return data[: match.start(2)] + new + data[match.end(2) :]


def huge_number(rng: random.Random, data: bytes) -> bytes:
    return _replace_value(rng, data, rng.choice([b"9" * 5000, b"1e999", b"-0x" + b"f" * 400, b".inf"]))


def long_value(rng: random.Random, data: bytes) -> bytes:
    return _replace_value(rng, data, b"x" * 100_000)


def deep_nesting(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([60, 500, 5000])
    return data.rstrip(b"\n") + b"\ndeep: " + b"[" * depth + b"]" * depth + b"\n"


BOMB = b"".join(
    [b"lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
    + [f"lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n".encode() for n in range(1, 10)]
)


def alias_bomb(rng: random.Random, data: bytes) -> bytes:
    if rng.random() < 0.5:
        return data.rstrip(b"\n") + b"\n" + BOMB
    # Inside a setting's value: under the first mapping key that has nested lines.
    return _replace_value(rng, data, b"*l9") + b"\n" + BOMB


TAGS = [
    b"!!python/object:collections.OrderedDict {}",
    b"!!python/object/apply:os.system ['echo pwned > /tmp/fuzz-pwned']",
    b"!!python/name:os.system",
    b"!ENV [HOME]",
    b"!foo bar",
    b"!!binary aGVsbG8=",
    b"!!set {a, b}",
    b"!!timestamp 2026-13-45",
    b"!!int x",
    b"&anchor value",
]


def yaml_tag(rng: random.Random, data: bytes) -> bytes:
    tag = rng.choice(TAGS)
    if rng.random() < 0.3 and b"markdown_extensions:" in data:
        return data.replace(b"markdown_extensions:\n", b"markdown_extensions:\n  - " + tag + b"\n", 1)
    return _replace_value(rng, data, tag)


_KEY = re.compile(rb"^\s*(?:- )?([A-Za-z_][\w-]{2,}):", re.MULTILINE)


def key_typo(rng: random.Random, data: bytes) -> bytes:
    found = list(_KEY.finditer(data))
    if not found:
        return flip_byte(rng, data)
    match = rng.choice(found)
    key = bytearray(match.group(1))
    at = rng.randrange(len(key) - 1)
    key[at], key[at + 1] = key[at + 1], key[at]
    if bytes(key) == match.group(1):
        key[at] = ord("q")
    return data[: match.start(1)] + bytes(key) + data[match.end(1) :]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def utf16(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    return text.encode(rng.choice(["utf-16", "utf-16-le", "utf-32"]))


def empty(rng: random.Random, data: bytes) -> bytes:
    return rng.choice([b"", b"\n", b"# nothing here\n", b"---\n", b"~\n", b"[]\n"])


def value_swap(rng: random.Random, data: bytes) -> bytes:
    found = list(_VALUE.finditer(data))
    if len(found) < 2:
        return duplicate_line(rng, data)
    source, target = rng.sample(found, 2)
    return data[: target.start(2)] + source.group(2) + data[target.end(2) :]


def comment(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice([b" #", b"#", b"\n# ", b": "]) + data[at:]


MUTATIONS: dict[str, Mutation] = {
    "flip-byte": flip_byte,
    "delete-line": delete_line,
    "duplicate-line": duplicate_line,
    "indent": indent,
    "tab": tab_indent,
    "unicode": odd_unicode,
    "huge-number": huge_number,
    "long-value": long_value,
    "deep-nesting": deep_nesting,
    "alias-bomb": alias_bomb,
    "tag": yaml_tag,
    "key-typo": key_typo,
    "truncate": truncate,
    "utf-16": utf16,
    "empty": empty,
    "value-swap": value_swap,
    "comment": comment,
    "rename": lambda rng, data: data,  # the file keeps its bytes and gets a misnamed name (see _rename)
}


def _renamed(rng: random.Random, path: Path) -> Path:
    name = path.name
    if name == "mkdocs.yml":
        return path.with_name(rng.choice(["MKDOCS.yml", "Mkdocs.yml", "mkdocs.txt", "mkdocs.yaml", "mkdocs.yml.txt"]))
    stem = path.name.removesuffix(".yml")
    return path.with_name(rng.choice([f"{stem}.YML", f"{stem}.yml.txt", f"{stem}.yml ", f"{stem.upper()}.yml", stem]))


@dataclass
class Outcome:
    case: int
    handbook: str
    kind: str
    file: str
    mutation: str
    validate_exit: int | None
    build_exit: int | None
    findings_bytes: int
    failures: list[str]
    seconds: float


def run_handbook(args: list[str], cwd: Path, seconds: float) -> tuple[int | None, str, str]:
    """`handbook ARGS` in a child forked from this process: (exit code or None after a hang, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 99
            try:
                os.setsid()
                resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
                os.chdir(cwd)
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", closefd=False), encoding="utf-8", line_buffering=True)
                sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", closefd=False), encoding="utf-8", line_buffering=True)
                from generator.cli import main

                try:
                    main.main(args, prog_name="handbook")
                    code = 0
                except SystemExit as done:
                    code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 98
            finally:
                for stream in (sys.stdout, sys.stderr):
                    with contextlib.suppress(Exception):
                        stream.flush()
                os._exit(code)
        deadline = time.monotonic() + seconds
        status = None
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.02)
        else:
            os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status) if status is not None else None
        out.seek(0)
        err.seek(0)
        return code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")


def _files_of(root: Path) -> dict[str, list[Path]]:
    kinds: dict[str, list[Path]] = {
        "role": sorted((root / "roles").glob("*.yml")),
        "process": sorted((root / "processes").glob("*.yml")),
        "department": sorted((root / "departments").glob("*.yml")),
        "person": sorted((root / "people").glob("*.yml")),
        "glossary": [root / "glossary.yml"] if (root / "glossary.yml").is_file() else [],
        "mkdocs.yml": [root / "mkdocs.yml"],
    }
    return {kind: files for kind, files in kinds.items() if files}


def _copy(name: str, into: Path) -> Path:
    source = HANDBOOKS[name]
    target = into / name
    if name == "example":
        target.mkdir()
        for entry in EXAMPLE_FILES:
            if (source / entry).is_dir():
                shutil.copytree(source / entry, target / entry)
            elif (source / entry).exists():
                shutil.copy2(source / entry, target / entry)
    else:
        shutil.copytree(source, target)
    return target


def _tracebacks(*texts: str) -> bool:
    return any("Traceback (most recent call last)" in text for text in texts)


def run_case(case: int, seed: int) -> Outcome:
    rng = random.Random(f"{seed}:{case}")
    name = rng.choice(sorted(HANDBOOKS))
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        root = _copy(name, Path(folder))
        files = _files_of(root)
        kind = rng.choice(sorted(files))
        path = rng.choice(files[kind])
        mutation = rng.choice(sorted(MUTATIONS))
        data = path.read_bytes()
        mutated = MUTATIONS[mutation](rng, data)
        if mutation == "rename":
            path.rename(_renamed(rng, path))
        else:
            path.write_bytes(mutated)
        failures: list[str] = []
        validate_exit, out, err = run_handbook(
            ["validate", ".", "--no-cache", "--format", "json"], root, VALIDATE_SECONDS
        )
        findings = len(out.encode())
        if validate_exit is None:
            failures.append("validate hung")
        elif validate_exit not in (0, 1, 2):
            failures.append(f"validate exit {validate_exit}: {err.strip()[-300:]}")
        if _tracebacks(out, err):
            failures.append("validate traceback")
        if findings > MAX_FINDINGS_BYTES:
            failures.append(f"findings {findings} bytes")
        build_exit = None
        if validate_exit == 0:
            build_exit, bout, berr = run_handbook(["build", "."], root, BUILD_SECONDS)
            if build_exit != 0:
                failures.append(f"validate passed, build exit {build_exit}: {berr.strip()[-300:]}")
            if _tracebacks(bout, berr):
                failures.append("build traceback")
        elif validate_exit == 1 and case % REFUSED_BUILDS_CHECKED == 0:
            site = root / "site"
            site.mkdir(exist_ok=True)
            (site / "index.html").write_text("the site before", encoding="utf-8")
            build_exit, bout, berr = run_handbook(["build", "."], root, BUILD_SECONDS)
            if build_exit in (0, None):
                failures.append(f"validate failed, build exit {build_exit}")
            if _tracebacks(bout, berr):
                failures.append("build traceback")
            if (site / "index.html").read_text(encoding="utf-8") != "the site before":
                failures.append("a refused build changed the site")
        relative = path.relative_to(root).as_posix()
        return Outcome(
            case,
            name,
            kind,
            relative,
            mutation,
            validate_exit,
            build_exit,
            findings,
            failures,
            round(time.monotonic() - started, 2),
        )


def _warm() -> None:
    """Import what the commands import, once, before forking (each child then starts warm)."""
    import mkdocs.commands.build
    import mkdocs.config  # noqa: F401

    import generator.cli
    import generator.commands.build
    import generator.commands.validate
    import generator.engines.mkdocs_plugin.plugin  # noqa: F401


def _worker(cases: list[int], seed: int) -> list[Outcome]:
    _warm()
    return [run_case(case, seed) for case in cases]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write every case's outcome here")
    args = parser.parse_args()
    started = time.monotonic()
    shares = [list(range(job, args.cases, args.jobs)) for job in range(args.jobs)]
    if args.jobs == 1:
        outcomes = _worker(shares[0], args.seed)
    else:
        with ProcessPoolExecutor(args.jobs) as pool:
            outcomes = [o for part in pool.map(_worker, shares, [args.seed] * args.jobs) for o in part]
    outcomes.sort(key=lambda outcome: outcome.case)
    failed = [outcome for outcome in outcomes if outcome.failures]
    kinds = Counter(outcome.kind for outcome in outcomes)
    passed = sum(outcome.validate_exit == 0 for outcome in outcomes)
    print(f"{len(outcomes)} cases (seed {args.seed}) in {time.monotonic() - started:.0f} s")
    print("by file kind: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))
    print(f"validate passed {passed}, then built {sum(o.build_exit == 0 for o in outcomes if o.validate_exit == 0)}")
    print(f"largest finding list: {max((o.findings_bytes for o in outcomes), default=0):,} bytes")
    for label, test in (
        ("tracebacks", lambda f: "traceback" in f),
        ("hangs", lambda f: "hung" in f),
        ("unforeseen errors (exit 3 or other)", lambda f: "exit 3" in f or "exit 98" in f or "exit 99" in f),
        ("validate passed, build failed", lambda f: f.startswith("validate passed")),
        ("finding lists over 20 kB", lambda f: f.startswith("findings")),
    ):
        print(f"{label}: {sum(any(test(f) for f in o.failures) for o in outcomes)}")
    for outcome in failed:
        print(f"  case {outcome.case}: {outcome.handbook} {outcome.file} {outcome.mutation}: {outcome.failures}")
    if args.json:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
