"""A role, process or glossary file must be named so the tool reads it: `roles/<id>.yml`, directly in its folder.

Why: the tool reads only files directly in `roles/` or `processes/` whose names end
in `.yml` (or `.yaml`), in lower case, without spaces before or after, and the
glossary only as `glossary.yml`. A file named `market-research.YML`, one whose
name ends in a space after `.yml`, `market-research.yml.txt` (Windows' Notepad adds
`.txt`), one put in a subfolder, or one in a folder named almost right (`People/`,
`person/`) would silently be left out of the handbook: its role would vanish from
the site. The message says the name to use.

The site's settings are read only from `mkdocs.yml`: `MKDOCS.yml`, `mkdocs.yaml` or
`mkdocs.txt` next to the handbook, with no `mkdocs.yml`, gets the same message.

Failing example: `roles/team/market-research.yml` (in a subfolder), or
`roles/market-research.YML`.

Passing example: `roles/market-research.yml`.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.files import SITE_CONFIG_FILE, InputScan
from generator.source.model import Location
from generator.source.problems import Finding
from generator.words.messages import msg

ID = "HB007"
NAME = "file-name-read"
SEVERITY = "error"
SCOPE = "inputs"


def check(scan: InputScan) -> Iterator[Finding]:
    for entry in scan.unread:
        if entry.meant is None:
            continue  # not meant as a handbook file: the stray-file rule reports it
        if entry.in_misnamed_folder:
            folder = entry.path.split("/", 1)[0]
            yield Finding(Location(entry.path, 1, 1), msg("inputs.unread_folder", folder=folder, meant=entry.meant))
            continue
        if entry.meant == SITE_CONFIG_FILE:
            key = "inputs.unread_site_config"
        else:
            key = "inputs.unread_subfolder" if entry.in_subfolder else "inputs.unread_name"
        yield Finding(Location(entry.path, 1, 1), msg(key, meant=entry.meant))
