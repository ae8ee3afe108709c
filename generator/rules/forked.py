"""Work done in a forked copy of this process, on another core, handed back as bytes.

The first `handbook validate` of a big handbook spends most of its time parsing files,
and a laptop or CI runner has two cores or more: a child forked after the imports parses
some of the files while the parent parses the others, and another writes the cache while
the parent runs the rules across files. A child hands back only bytes, through a pipe; it
prints nothing, writes nothing but what its work writes, and never returns into the
caller's code (it ends with `os._exit`). Whatever goes wrong in the child (an exception, a
crash, a kill), `result()` says None and the caller does that work itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable


def cores() -> int:
    """How many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether forking can help: a second core, `os.fork`, and no other thread (a fork copies only this one)."""
    threading = sys.modules.get("threading")
    return hasattr(os, "fork") and cores() > 1 and (threading is None or threading.active_count() == 1)


class Forked:
    """`work()` running in a forked child; `result()` waits for the bytes it returned."""

    _pid: int | None
    _read_end: int | None

    def __init__(self, work: Callable[[], bytes]) -> None:
        # Output buffered now would be written twice: by the parent and by the child.
        sys.stdout.flush()
        sys.stderr.flush()
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no memory or process left for a child: the caller does the work itself
            os.close(read_end)
            os.close(write_end)
            self._pid, self._read_end = None, None
            return
        if pid == 0:
            self._run_child(work, read_end, write_end)
        os.close(write_end)
        self._pid, self._read_end = pid, read_end

    @staticmethod
    def _run_child(work: Callable[[], bytes], read_end: int, write_end: int) -> None:
        code = 1
        try:
            os.close(read_end)
            payload = work()
            with open(write_end, "wb") as pipe:
                pipe.write(payload)
            code = 0
        except BaseException:
            pass  # the parent sees the exit code and does the work itself
        finally:
            # Never back into the caller's code, nor through atexit handlers or buffered output.
            os._exit(code)

    def result(self) -> bytes | None:
        """What `work()` returned, or None when the child failed (or could not be started)."""
        if self._pid is None or self._read_end is None:
            return None
        try:
            with open(self._read_end, "rb") as pipe:
                payload = pipe.read()
        finally:
            _, status = os.waitpid(self._pid, 0)
        return payload if os.waitstatus_to_exitcode(status) == 0 else None
