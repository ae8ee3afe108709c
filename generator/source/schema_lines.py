"""The `# yaml-language-server: $schema=…` line a handbook's files start with (VS Code completes keys from it).

New files get the line their neighbours have: `handbook new` writes it, and the editor at
/admin/ keeps it as the first line of every file it writes.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.source.files import GLOSSARY_FILE, is_source_name, read_regular_file
from generator.source.loading import MAX_FILE_BYTES, Kind

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=\S+[ \t]*$", re.MULTILINE)


def schema_line_in(file: Path) -> str | None:
    """The schema line near the top of `file`, or None (also when it cannot be read; never through a link)."""
    try:
        head = read_regular_file(file, limit=MAX_FILE_BYTES)[:2000]
    except OSError:
        return None
    match = SCHEMA_LINE.search(head.decode("utf-8", errors="replace"))
    return match.group(0).strip() if match else None


def schema_line(folder: Path, kind: Kind) -> str:
    """The schema line the folder's other files use, or one pointing at `../schema/` (`handbook schema`'s output)."""
    if folder.is_dir() and not folder.is_symlink():
        for file in sorted(folder.iterdir()):
            if is_source_name(file.name):
                line = schema_line_in(file)
                if line:
                    return line
    return f"# yaml-language-server: $schema=../schema/{kind}.schema.json"


def glossary_schema_line(root: Path) -> str:
    """The glossary's schema line (glossary.yml sits at the handbook's root, beside schema/)."""
    return schema_line_in(root / GLOSSARY_FILE) or "# yaml-language-server: $schema=schema/glossary.schema.json"
