"""Compiled Jinja templates kept between runs, so a build does not compile the same templates again.

Compiling is a good part of a small build: about 0.7 of the 2.5 s `handbook build` takes on
the example, for Material's templates (MkDocs makes a new Jinja environment per build) and
ours (once per process). Jinja's FileSystemBytecodeCache keeps them in a folder of the
user's own (`_jinja2-cache-<uid>` in the temporary folder, which Jinja refuses to use
unless only that user may write to it); a template is found by its file name and
compiled anew whenever its source changed.

The cache only ever saves time: a folder that cannot be used, a full disk or a damaged
file means compiling as without it, never a failed build.
"""

from __future__ import annotations

import contextlib

import jinja2
from jinja2.bccache import Bucket


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, where any failure to read or write is a miss."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged or unreadable file: compiled anew
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # not kept: compiled again next time
            super().dump_bytecode(bucket)


def compiled_templates() -> jinja2.BytecodeCache | None:
    """A cache of compiled templates, or None where the user's cache folder cannot be used safely."""
    try:
        return CompiledTemplates()
    except (OSError, RuntimeError):  # RuntimeError: Jinja found the folder unsafe (another owner, open to others)
        return None
