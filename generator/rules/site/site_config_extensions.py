"""Each Markdown extension mkdocs.yml lists must be installed, written as a name or as `name:` with its options.

Why: MkDocs loads every extension under `markdown_extensions` before it builds a page;
a misspelt name, an extension that is not installed, an item with two names, or options
that are not a list of `key: value` lines stop the whole build. The check finds the
module on disk without running it and says which item to fix.

Failing example: `- pymdownx.superfence` (a letter short), or `- toc: true`.

Passing example::

    markdown_extensions:
      - admonition
      - toc:
          permalink: true
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

import yaml

from generator.source.problems import Finding
from generator.source.site_config import SiteSettings
from generator.source.site_file import (
    MARKDOWN_BOOLEANS,
    SiteFile,
    extension_options,
    installed,
    is_null,
    is_plain,
    is_text,
    markdown_extension,
    module_exists,
    named_items,
    plain_value,
    quoted,
    read_site_file,
    setting,
)
from generator.words.messages import msg

ID = "HB092"
NAME = "site-config-extensions"
SEVERITY = "error"
SCOPE = "site"


def check(site: SiteSettings) -> Iterator[Finding]:
    read = read_site_file(site)
    if read is None or read.root is None:
        return
    found = setting(read.root, "markdown_extensions")
    if found is None or is_null(found[1]) or not is_plain(found[1]):
        return
    listed = found[1]
    if not isinstance(listed, (yaml.SequenceNode, yaml.MappingNode)):
        yield Finding(read.location(listed), msg("site.extension_list"))
        return
    for item in named_items(listed):
        if item.shaped:
            yield from _extension(read, item.name, item.options)
        else:
            yield Finding(read.location(item.name), msg("site.extension_shape"))


def _extension(read: SiteFile, name: yaml.Node, options: yaml.Node | None) -> Iterator[Finding]:
    if not is_text(name):
        yield Finding(read.location(name), msg("site.extension_shape"))
        return
    written = str(name.value)
    if not extension_installed(written):
        yield Finding(read.location(name), msg("site.extension_unknown", name=quoted(written)))
    elif options is not None and is_plain(options) and not (isinstance(options, yaml.MappingNode) or is_null(options)):
        yield Finding(read.location(options), msg("site.extension_options", name=quoted(written)))
    elif isinstance(options, yaml.MappingNode) and is_plain(options):
        yield from _options(read, written, options)


def _options(read: SiteFile, name: str, options: yaml.MappingNode) -> Iterator[Finding]:
    """Each option the extension does not take, and each true/false option given another value."""
    known = extension_options(name)
    if known is None:
        return
    wrong = False
    for key, value in options.value:
        if not is_text(key):
            continue
        if key.value not in known:
            close = difflib.get_close_matches(key.value, list(known), n=1, cutoff=0.6)
            hint = msg("site.did_you_mean", name=close[0]) if close else msg("site.installed", names=", ".join(known))
            yield Finding(
                read.location(key),
                msg("site.extension_option_unknown", name=quoted(name), option=quoted(key.value), hint=hint),
            )
        elif (
            isinstance(known[key.value], bool)
            and is_text(value)
            and str(value.value).strip().lower() not in MARKDOWN_BOOLEANS
        ):
            yield Finding(read.location(value), msg("site.extension_option_true_false", option=quoted(key.value)))
            wrong = True
    if wrong:
        return
    # Every option is one the extension takes: load it with them, as MkDocs will (Python tags stand-ins).
    values = plain_value(options)
    refused = markdown_extension(name, values) if isinstance(values, dict) else None
    if refused is not None:
        detail = quoted(f"{type(refused).__name__}: {refused}".splitlines()[0])
        yield Finding(read.location(options), msg("site.extension_refused", name=quoted(name), detail=detail))


def extension_installed(name: str) -> bool:
    """True when Python-Markdown can load `name`: a short name it registers, or a module (`module:Class` too)."""
    if name in installed("markdown.extensions"):
        return True
    return module_exists(name.partition(":")[0])
