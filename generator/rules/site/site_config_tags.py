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

import yaml

from generator.source.loading import iter_nodes
from generator.source.problems import Finding
from generator.source.site_config import SiteSettings
from generator.source.site_file import (
    MKDOCS_TAGS,
    names_something_installed,
    python_name_exists,
    quoted,
    read_site_file,
    setting,
)
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
# The Python tags PyYAML's full loader builds a plain value from.
PYTHON_VALUE_TAGS = frozenset(
    {"none", "bool", "str", "unicode", "bytes", "int", "long", "float", "complex", "list", "tuple", "dict"}
)


def check(site: SiteSettings) -> Iterator[Finding]:
    read = read_site_file(site)
    if read is None or read.root is None:
        return
    extensions = setting(read.root, "markdown_extensions")
    # Python tags belong to the options of Markdown extensions (a slugify function, a fence's format):
    # anywhere else MkDocs wants a plain value, and the object the tag builds breaks the build.
    first, last = (extensions[1].start_mark.line + 1, extensions[1].end_mark.line + 1) if extensions else (0, -1)
    for node in iter_nodes(read.root):
        if node.tag == "!ENV" and not (
            isinstance(node, yaml.ScalarNode)
            or (isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in node.value))
        ):
            yield Finding(read.location(node), msg("site.env_shape"))
        elif node.tag.startswith(_PYTHON_PREFIX) and first <= node.start_mark.line + 1 <= last:
            kind = node.tag.removeprefix(_PYTHON_PREFIX)
            naming = next((prefix for prefix in NAMING_TAGS if kind.startswith(prefix)), None)
            if naming is not None and not _shaped(naming, node):
                yield Finding(read.location(node), msg("site.python_shape", tag=quoted("!!python/" + naming)))
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
                if kind not in PYTHON_VALUE_TAGS:  # a cut-off or misspelt tag (`!!python/obj`)
                    yield Finding(feature.at, msg("site.tag_unknown", tag=quoted(tag)))
                continue  # !!python/str, /tuple …: plain values PyYAML builds itself
            named = kind.removeprefix(naming)
            if not first <= feature.at.line <= last:
                yield Finding(feature.at, msg("site.python_tag_here", tag=quoted(tag)))
            elif (naming == "name:" and not python_name_exists(named)) or not names_something_installed(
                named, is_module=naming == "module:"
            ):
                yield Finding(feature.at, msg("site.python_missing", name=quoted(named)))
            continue
        yield Finding(feature.at, msg("site.tag_unknown", tag=quoted(tag)))


_PYTHON_PREFIX = "tag:yaml.org,2002:python/"


def _shaped(naming: str, node: yaml.Node) -> bool:
    """True when the node under a Python tag has the shape PyYAML's constructor for it reads.

    A name or module takes nothing after it; a call takes its arguments as a list or a mapping
    (`kwds:`, `args:`); an object takes its attributes as a mapping.
    """
    if naming in ("name:", "module:"):
        return isinstance(node, yaml.ScalarNode) and not node.value
    if naming == "object:":
        return isinstance(node, yaml.MappingNode)
    return isinstance(node, (yaml.SequenceNode, yaml.MappingNode))
