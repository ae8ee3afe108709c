"""mkdocs.yml as the site rules read it: composed by the handbook's own loader, with positions, never constructed.

`handbook build` hands mkdocs.yml to MkDocs, whose loader builds Python objects from its
tags and expands every alias; a file it cannot load ends the build with a traceback (or
fills the memory). The site rules (rules/site/) read the same bytes first, as nodes, so
whatever would stop MkDocs because of this file is a finding at mkdocs.yml:line:column.
"""

from __future__ import annotations

import builtins
import importlib
import importlib.machinery
import importlib.util
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from types import GeneratorType
from typing import NamedTuple

import yaml

from generator.source.loading import MAX_FILE_BYTES, SourceFile, iter_nodes, source_from_bytes
from generator.source.model import Location
from generator.source.site_config import MAX_CONFIG_DEPTH, MAX_CONFIG_VALUES, ConfigTooBig, SiteSettings, check_size
from generator.words.messages import Message, msg

STANDARD_TAG = "tag:yaml.org,2002:"
# The tags MkDocs' loader adds to YAML's own: an environment variable, a path relative to the file.
MKDOCS_TAGS = frozenset({"!ENV", "!relative"})
# PyYAML's Python tags (MkDocs loads with its full loader); each names a module, or something in one.
PYTHON_TAG = STANDARD_TAG + "python/"
# How much of a written value a finding quotes.
QUOTED = 80


@dataclass(frozen=True, slots=True)
class SiteFile:
    """mkdocs.yml's nodes (`root`, None when it could not be read) and, then, where and why not."""

    source: SourceFile
    root: yaml.MappingNode | None
    unreadable: tuple[Location, Message] | None

    def location(self, node: yaml.Node) -> Location:
        return self.source.location(node)


def read_site_file(site: SiteSettings) -> SiteFile | None:
    """The settings file of `site` read as nodes; None when the settings came without the file (as in some tests)."""
    source = SourceFile(path=site.path, kind="site")
    start = Location(site.path, 1, 1)
    if site.raw is None:
        return None if site.unread is None else SiteFile(source, None, (start, site.unread))
    if len(site.raw) > MAX_FILE_BYTES:
        return SiteFile(source, None, (start, msg("site.config_too_big", size=len(site.raw), limit=MAX_FILE_BYTES)))
    source = source_from_bytes(site.path, "site", site.raw)
    failure = source.failure
    if failure is not None:
        message = msg("site.config_empty") if failure.reason == "empty" else failure.message
        return SiteFile(source, None, (failure.at, message))
    root = source.root
    assert root is not None  # no failure: the loader composed a document
    try:
        check_size(root)
    except ConfigTooBig as error:
        aliases = [feature.at for feature in source.features if feature.name == "alias"]
        where = aliases[0] if aliases else start
        if error.too_deep:
            return SiteFile(source, None, (where, msg("load.too_deep", depth=MAX_CONFIG_DEPTH)))
        return SiteFile(source, None, (where, msg("site.config_alias_bomb", limit=MAX_CONFIG_VALUES)))
    if not isinstance(root, yaml.MappingNode):
        return SiteFile(source, None, (source.location(root), msg("site.config_not_mapping")))
    return SiteFile(source, root, None)


def items(node: yaml.MappingNode) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    yield from node.value


def setting(root: yaml.MappingNode, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key node and value node of the top-level setting `name` (the last one, as YAML keeps)."""
    found = None
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            found = (key, value)
    return found


class NamedItem(NamedTuple):
    """One item of a list of named things (`plugins`, `markdown_extensions`): its name and its options.

    `shaped` is False for an item that is neither a name nor one `name:` with options under it;
    then `name` is the item itself, for its position.
    """

    name: yaml.Node
    options: yaml.Node | None
    shaped: bool = True


def named_items(listed: yaml.SequenceNode | yaml.MappingNode) -> Iterator[NamedItem]:
    """The items of a setting MkDocs reads as names with options: a list of `- name` / `- name: {…}`, or a mapping."""
    if isinstance(listed, yaml.MappingNode):
        for key, options in listed.value:
            yield NamedItem(key, options)
        return
    for item in listed.value:
        if is_text(item):
            yield NamedItem(item, None)
        elif isinstance(item, yaml.MappingNode) and is_plain(item) and len(item.value) == 1:
            key, options = item.value[0]
            yield NamedItem(key, options)
        else:
            yield NamedItem(item, None, shaped=False)


def is_plain(node: yaml.Node) -> bool:
    """True when no tag of MkDocs or Python decides the node's value (YAML's own tags only)."""
    return node.tag.startswith(STANDARD_TAG) and not node.tag.startswith(PYTHON_TAG)


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == STANDARD_TAG + "null"


def is_text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == STANDARD_TAG + "str"


def quoted(text: str) -> str:
    """`text` as a finding quotes it: at most QUOTED characters, then "…"."""
    return text if len(text) <= QUOTED else text[:QUOTED] + "…"


def module_exists(dotted: str) -> bool:
    """True when an installed module is named `dotted`; found on the import path without importing anything."""
    parts = dotted.split(".")
    if not all(part.isidentifier() for part in parts):
        return False
    try:
        # A top-level name is looked up without running it; below it, each package's folders are searched.
        spec = importlib.util.find_spec(parts[0])
        for depth in range(1, len(parts)):
            locations = spec.submodule_search_locations if spec is not None else None
            if not locations:
                return False
            spec = importlib.machinery.PathFinder.find_spec(".".join(parts[: depth + 1]), list(locations))
    except (ImportError, ValueError):
        return False
    return spec is not None


def names_something_installed(dotted: str, *, is_module: bool = False) -> bool:
    """True when the module `dotted` names exists: all of it when `is_module`, else all but its last part.

    As PyYAML reads `!!python/name:package.module.attribute` (a name without a dot is a builtin).
    """
    if is_module:
        return module_exists(dotted)
    module, dot, _ = dotted.rpartition(".")
    return module_exists(module) if dot else dotted.isidentifier()


@cache
def installed(group: str) -> tuple[str, ...]:
    """The names installed packages register under the entry-point `group` (`mkdocs.plugins`, `mkdocs.themes` …)."""
    return tuple(sorted({point.name for point in entry_points(group=group)}))


# The text values Python-Markdown reads as true or false for an option whose default is one.
MARKDOWN_BOOLEANS = frozenset({"true", "yes", "y", "on", "1", "false", "no", "n", "off", "0", "none"})


@cache
def extension_options(name: str) -> dict[str, object] | None:
    """The options the Markdown extension `name` takes, with their defaults; None when unknown.

    Known only for an extension of Python-Markdown or PyMdown Extensions (MARKDOWN_PACKAGES):
    its module is imported and the extension made with no options, as MkDocs does at every
    build. A module of any other package is never imported here.
    """
    module_name, _, class_name = name.partition(":")
    try:
        points = entry_points(group="markdown.extensions", name=name)
        if points:
            extension = next(iter(points)).load()()
        elif _is_markdown_package(module_name):
            module = importlib.import_module(module_name)
            extension = getattr(module, class_name)() if class_name else module.makeExtension()
        else:
            return None
        return {key: value[0] for key, value in extension.config.items()}
    except Exception:
        return None  # an extension that cannot be made without options: MkDocs reports it at build


# The packages of Markdown extensions whose modules may be imported to read their options: Python-Markdown
# and PyMdown Extensions, both pinned in requirements.lock. Another package's extension is only found on disk.
MARKDOWN_PACKAGES = frozenset({"markdown", "pymdownx"})


def _is_markdown_package(module_name: str) -> bool:
    return module_name.split(".")[0] in MARKDOWN_PACKAGES


_SAFE = yaml.constructor.SafeConstructor()


def unreadable_values(root: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Each value YAML's own constructors cannot make (`!!int x`, `!!timestamp 2026-13-45`, 5,000 digits)."""
    constructors = _SAFE.yaml_constructors
    for node in iter_nodes(root):
        if not isinstance(node, yaml.ScalarNode) or node.tag == STANDARD_TAG + "str":
            continue
        construct = constructors.get(node.tag)
        if construct is None or not node.tag.startswith(STANDARD_TAG):
            continue
        try:
            value = construct(_SAFE, node)
            if isinstance(value, GeneratorType):  # a collection tag forced onto a scalar
                list(value)
        except Exception:
            yield node


def env_value(node: yaml.Node) -> object:
    """What MkDocs' `!ENV` gives for `node`: the first variable set (read as YAML reads a value), else the default."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [node.value], None
    elif isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in node.value):
        items = node.value
        names = [item.value for item in (items[:-1] if len(items) > 1 else items)]
        default = plain_value(items[-1]) if len(items) > 1 else None
    else:
        return None
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name].strip() else os.environ[name]
    return default


def _stub(*_args: object, **_kwargs: object) -> None:
    """Stands for what a Python tag would build (a function, an object): checked, never run."""


def plain_value(node: yaml.Node) -> object:
    """The value MkDocs would see at `node`, with every Python tag replaced by a stand-in that runs nothing."""
    if node.tag.startswith(PYTHON_TAG):
        return _stub
    if node.tag == "!ENV":
        return env_value(node)
    if isinstance(node, yaml.SequenceNode):
        return [plain_value(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {
            plain_value(key) if isinstance(key, yaml.ScalarNode) else "?": plain_value(value)
            for key, value in node.value
        }
    construct = _SAFE.yaml_constructors.get(node.tag) if node.tag.startswith(STANDARD_TAG) else None
    if construct is None:
        return node.value
    try:
        return construct(_SAFE, node)
    except Exception:
        return node.value


def markdown_extension(name: str, options: dict[str, object]) -> Exception | None:
    """What Python-Markdown says when it loads the extension `name` with `options` (None: it loads).

    Only for MARKDOWN_PACKAGES (see extension_options); Python tags in the options are stand-ins.
    """
    import markdown  # type: ignore[import-untyped]

    module_name, _, class_name = name.partition(":")
    try:
        points = entry_points(group="markdown.extensions", name=name)
        if points:
            extension = next(iter(points)).load()(**options)
        elif _is_markdown_package(module_name):
            module = importlib.import_module(module_name)
            extension = getattr(module, class_name)(**options) if class_name else module.makeExtension(**options)
        else:
            return None
        markdown.Markdown(extensions=[extension])
    except Exception as error:
        return error
    return None


def python_name_exists(dotted: str) -> bool:
    """True when `!!python/name:dotted` names something MkDocs' loader finds.

    A name without a dot is a builtin; in a MARKDOWN_PACKAGES module the attribute is looked up
    (the module imported); elsewhere only the module is found on disk.
    """
    module, dot, attribute = dotted.rpartition(".")
    if not dot:
        return hasattr(builtins, dotted)
    if not module_exists(module):
        return False
    if not _is_markdown_package(module):
        return True
    try:
        return hasattr(importlib.import_module(module), attribute)
    except Exception:
        return False


@cache
def material_languages() -> tuple[str, ...]:
    """The languages Material for MkDocs has interface words for, read from its installed templates (not imported)."""
    spec = importlib.util.find_spec("material")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return ()
    languages = Path(next(iter(folders))) / "templates" / "partials" / "languages"
    try:
        return tuple(sorted(path.stem for path in languages.glob("*.html") if path.stem != "custom"))
    except OSError:
        return ()
