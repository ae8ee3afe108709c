"""Each plugin mkdocs.yml lists must be installed, written as a name or as `name:` with its options.

Why: MkDocs loads every plugin under `plugins` before it builds; a misspelt or missing
plugin, or options that are not `key: value` lines, stop the build. The `handbook`
plugin's own options are checked too (a misspelt option, or `mermaid: locl`).

Failing example: `- serach`, or `- handbook: local`.

Passing example::

    plugins:
      - handbook:
          mermaid: local
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from generator.source.problems import Finding
from generator.source.site_config import SiteSettings
from generator.source.site_file import (
    SiteFile,
    installed,
    is_null,
    is_plain,
    is_text,
    named_items,
    quoted,
    read_site_file,
    setting,
)
from generator.words.messages import msg

ID = "HB093"
NAME = "site-config-plugins"
SEVERITY = "error"
SCOPE = "site"


def check(site: SiteSettings) -> Iterator[Finding]:
    read = read_site_file(site)
    if read is None or read.root is None:
        return
    found = setting(read.root, "plugins")
    if found is None or is_null(found[1]) or not is_plain(found[1]):
        return
    listed = found[1]
    theme = _theme_name(read)
    if not isinstance(listed, (yaml.SequenceNode, yaml.MappingNode)):
        yield Finding(read.location(listed), msg("site.plugin_list"))
        return
    for item in named_items(listed):
        if item.shaped:
            yield from _plugin(read, item.name, item.options, theme, site)
        else:
            yield Finding(read.location(item.name), msg("site.plugin_shape"))


def _theme_name(read: SiteFile) -> str | None:
    assert read.root is not None
    found = setting(read.root, "theme")
    if found is None:
        return None
    node = found[1]
    if is_text(node):
        return str(node.value)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "name" and is_text(value):
                return str(value.value)
    return None


def _plugin(
    read: SiteFile, name: yaml.Node, options: yaml.Node | None, theme: str | None, site: SiteSettings
) -> Iterator[Finding]:
    if not is_text(name):
        yield Finding(read.location(name), msg("site.plugin_shape"))
        return
    written = str(name.value)
    plugins = installed("mkdocs.plugins")
    # MkDocs tries the theme's own plugin first (`search` is `material/search` under Material).
    known = written.lstrip("/") in plugins or (theme is not None and f"{theme}/{written}" in plugins)
    if not known:
        yield Finding(read.location(name), msg("site.plugin_unknown", name=quoted(written)))
        return
    if options is not None and is_plain(options) and not (isinstance(options, yaml.MappingNode) or is_null(options)):
        yield Finding(read.location(options), msg("site.plugin_options", name=quoted(written)))
        return
    if written == "handbook" and isinstance(options, yaml.MappingNode):
        for key, kind, detail in site.handbook_option_problems:
            node = _option_node(options, key, value=kind == "value")
            at = read.location(node if node is not None else options)
            if kind == "unknown":
                yield Finding(at, msg("site.handbook_option_unknown", option=quoted(key)))
            else:
                yield Finding(at, msg("site.handbook_option_value", option=quoted(key), detail=quoted(detail)))


def _option_node(options: yaml.MappingNode, key: str, *, value: bool) -> yaml.Node | None:
    """The option's key node, or with `value` its value's (the key's when the value is left empty)."""
    for option, written in options.value:
        if isinstance(option, yaml.ScalarNode) and option.value == key:
            return written if value and (not isinstance(written, yaml.ScalarNode) or written.value) else option
    return None
