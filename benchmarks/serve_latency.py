"""How long `handbook serve` takes to show a YAML edit: edit a role's title, poll its page until the change shows.

    python benchmarks/serve_latency.py [--edits 5] [--handbook .]
    python benchmarks/serve_latency.py --roles 250 --processes 50   # a synthetic handbook (make_handbook.py)

Works on a copy of the handbook (the example by default), or a synthetic one, in a
temporary folder, so the real files are never touched. Prints each edit's latency,
the median, and the rebuild lines `handbook serve` printed (each with the time the
rebuild itself took).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_handbook import write_handbook  # noqa: E402

from generator.engines.serve import preview_url  # noqa: E402

COPIED = ("roles", "processes", "handbook", "docs", "mkdocs.yml", "glossary.yml")


def copy_handbook(source_root: Path, target: Path) -> None:
    """The files of the handbook in `source_root` that a build reads, copied into `target`."""
    for name in COPIED:
        source = source_root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, *, timeout: float) -> float:
    """Seconds until the page at `url` contains `text`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


def cpu_seconds(pid: int, *, children: bool = False) -> float:
    """User and system CPU time of a process so far: unlike the wall clock, barely moved by other load.

    With `children`, also the time of the programs it runs (Pagefind) and has run.
    """
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    used = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    if not children:
        return used
    used += (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")
    for child in _running_children(pid):
        with contextlib.suppress(FileNotFoundError):  # it ended meanwhile: its time went to the parent
            used += cpu_seconds(child, children=True)
    return used


def _running_children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(FileNotFoundError):  # a thread that ended
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def wait_until_idle(pid: int, *, quiet: float = 1.0, timeout: float = 600) -> float:
    """Seconds until the process (and the programs it runs) used no CPU for `quiet` seconds.

    `handbook serve` indexes a Pagefind site in the background after the page shows:
    the next edit waits for it, so each edit is timed on a machine that serve leaves idle.
    """
    start = time.perf_counter()
    last = cpu_seconds(pid, children=True)
    while time.perf_counter() - start < timeout:
        time.sleep(quiet)
        now = cpu_seconds(pid, children=True)
        if now - last < 0.1 * quiet:
            return time.perf_counter() - start - quiet
        last = now
    return time.perf_counter() - start


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handbook", type=Path, default=REPO, help="the handbook to copy (default: the example)")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--roles", type=int, help="serve a synthetic handbook of this many roles instead")
    parser.add_argument("--processes", type=int, default=0, help="with --roles: this many processes (5×10 steps)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="handbook-serve-") as scratch:
        root = Path(scratch)
        if args.roles:
            processes = args.processes or max(1, args.roles // 5)
            write_handbook(root, roles=args.roles, processes=processes, stages=5, steps=10, seed=1)
            print(f"synthetic handbook: {args.roles} roles, {processes} processes, {processes * 50} steps")
        else:
            copy_handbook(args.handbook, root)
        role = sorted((root / "roles").glob("*.yml"))[0]
        port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [str(Path(sys.executable).parent / "handbook"), "serve", ".", "--dev-addr", f"127.0.0.1:{port}"]
        log = root / "serve.log"
        output = log.open("w", encoding="utf-8")
        server = subprocess.Popen(command, cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            # `mkdocs serve` serves the site under the path of its site_url (the example's is /marketing/).
            url = preview_url(root, f"127.0.0.1:{port}") + f"roles/{role.stem}/"
            started = wait_for(url, "</html>", timeout=1800)
            print(f"first page served after {started:.2f} s")
            original = role.read_text(encoding="utf-8")
            wait_until_idle(server.pid)
            latencies, cpu, cpu_to_idle, loads = [], [], [], []
            for edit in range(1, args.edits + 1):
                marker = f"改版{edit}號"
                cpu_before, all_before = cpu_seconds(server.pid), cpu_seconds(server.pid, children=True)
                loads.append(os.getloadavg()[0])
                role.write_text(original.replace("\ntitle: ", f"\ntitle: {marker}", 1), encoding="utf-8")
                latency = wait_for(url, marker, timeout=600)
                latencies.append(latency)
                cpu.append(cpu_seconds(server.pid) - cpu_before)
                after_shown = wait_until_idle(server.pid)
                cpu_to_idle.append(cpu_seconds(server.pid, children=True) - all_before)
                print(
                    f"edit {edit}: the change showed after {latency:.2f} s ({cpu[-1]:.2f} s of serve's CPU); "
                    f"idle {after_shown:.1f} s later ({cpu_to_idle[-1]:.2f} s of CPU with Pagefind); "
                    f"load average {loads[-1]:.1f}"
                )
            print(
                f"edit → shown: median {spread(latencies)}; serve's CPU until shown: median {spread(cpu)}; "
                f"CPU until idle (background search index included): median {spread(cpu_to_idle)}; "
                f"load average {min(loads):.1f}–{max(loads):.1f}"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
            output.close()
            print("handbook serve printed:")
            print(log.read_text(encoding="utf-8"), end="")


if __name__ == "__main__":
    main()
