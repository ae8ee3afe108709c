"""Tags in mkdocs.yml (`!ENV`, `!relative`, `!!python/name:…`) must be ones MkDocs reads and name what is installed.

Why: MkDocs builds a value from each tag when it loads mkdocs.yml. A tag it does not know
(`!env`, `!include`), or a Python tag naming a module that is not installed, stops the
build with a technical trace; a Python object put where MkDocs expects a name or a list of
options (`!!python/object:collections.OrderedDict {}` as a Markdown extension) stops it with
an error that names neither the file nor the line. Python tags are only ever read here, never run.

Failing example: `format: !!python/name:pymdownx.superfence.fence_code_format` (a letter short).

Passing example::

    format: !!python/name:pymdownx.superfences.fence_code_format
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.source.problems import Finding
from generator.source.site_config import SiteSettings
from generator.source.site_file import MKDOCS_TAGS, names_something_installed, quoted, read_site_file
from generator.words.messages import msg

ID = "HB094"
NAME = "site-config-tags"
SEVERITY = "error"
SCOPE = "site"

# Tags as the file writes them: YAML's own that PyYAML reads, and its Python tags that name something.
YAML_TAGS = frozenset(
    "!!" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary", "map", "seq", "omap", "pairs", "set")
)
PYTHON_TAG = "!!python/"
NAMING_TAGS = ("name:", "module:", "object:", "object/new:", "object/apply:")


def check(site: SiteSettings) -> Iterator[Finding]:
    read = read_site_file(site)
    if read is None or read.root is None:
        return
    for feature in read.source.features:
        if feature.name != "tag":
            continue
        tag = feature.detail
        if tag in MKDOCS_TAGS or tag in YAML_TAGS:
            continue
        if tag.startswith(PYTHON_TAG):
            kind = tag.removeprefix(PYTHON_TAG)
            naming = next((prefix for prefix in NAMING_TAGS if kind.startswith(prefix)), None)
            if naming is None:
                continue  # !!python/str, /tuple …: plain values PyYAML builds itself
            named = kind.removeprefix(naming)
            if not names_something_installed(named, is_module=naming == "module:"):
                yield Finding(feature.at, msg("site.python_missing", name=quoted(named)))
            continue
        yield Finding(feature.at, msg("site.tag_unknown", tag=quoted(tag)))
