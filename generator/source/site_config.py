"""mkdocs.yml read as plain data, for the commands that only check (`validate`, `diff`, `new`).

MkDocs loads mkdocs.yml with a loader that builds Python objects from tags such as
`!!python/name:` (the example needs that for Mermaid's fence) and
`!!python/object/apply:`, which calls any function. That is fine for a build, where
mkdocs.yml is code (see the README's "Trust boundary"), but a check that users and
the pre-commit hook take to be parse-only must never run anything. So this reader is
PyYAML's safe loader with every unknown tag (`!!python/…`, `!ENV`, `!relative`)
turned into the data written under it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.source.files import read_regular_file

CONFIG_FILE = "mkdocs.yml"
# MkDocs' own defaults for the two folders the check looks at.
DEFAULT_DOCS_DIR = "docs"
CACHE_DIR = ".cache"
# Far more than any real mkdocs.yml; a bigger one is not read.
MAX_CONFIG_BYTES = 1024 * 1024


class _DataOnlyLoader(yaml.SafeLoader):
    """The safe loader; a tag it does not know gives the plain value written under it."""


def _tagged_as_data(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


# The empty prefix matches every tag no constructor claims, local (`!ENV`) and global (`!!python/…`).
_DataOnlyLoader.add_multi_constructor("", _tagged_as_data)


class ConfigUnreadable(Exception):
    """mkdocs.yml exists but cannot be read as a mapping; the text says why."""


# What a settings file may hold before it is refused unread by anything else: MkDocs' own
# loader recurses into deep nesting (a traceback), and expands aliases when it formats the
# settings for a log line (a "billion laughs" file took 24 GB before the kernel stopped it).
MAX_CONFIG_DEPTH = 50
MAX_CONFIG_VALUES = 100_000


def _check_size(root: yaml.Node) -> None:
    """Raise ConfigUnreadable when the tree, with every alias expanded, is too deep or too big."""
    values = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        values += 1
        if values > MAX_CONFIG_VALUES:
            raise ConfigUnreadable(f"with its aliases expanded it holds more than {MAX_CONFIG_VALUES:,} values")
        if depth > MAX_CONFIG_DEPTH:
            raise ConfigUnreadable(f"it is nested more than {MAX_CONFIG_DEPTH} levels deep")
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)


def parse_site_config(text: str | bytes) -> Mapping[str, Any]:
    """mkdocs.yml text as plain data; no tag ever calls anything. Raises `ConfigUnreadable`."""
    try:
        root = yaml.compose(text, Loader=_DataOnlyLoader)  # a SafeLoader subclass: no Python tags
        if root is None:
            return {}
        _check_size(root)
        config = _DataOnlyLoader(text).construct_document(root)
    except yaml.YAMLError as error:
        raise ConfigUnreadable(str(error)) from error
    except RecursionError as error:
        raise ConfigUnreadable(f"it is nested more than {MAX_CONFIG_DEPTH} levels deep") from error
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise ConfigUnreadable("its top level is not a mapping of settings")
    return config


def read_site_config(folder: Path) -> Mapping[str, Any]:
    """The mkdocs.yml in `folder` as plain data, {} when there is none. Raises `ConfigUnreadable`."""
    path = folder / CONFIG_FILE
    if not os.path.lexists(path):
        return {}
    try:
        raw = read_regular_file(path, limit=MAX_CONFIG_BYTES)
    except OSError as error:
        raise ConfigUnreadable(str(error.strerror or error)) from error
    return parse_site_config(raw)


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """What the "site" rules check in mkdocs.yml; `path` is the file's, relative to the handbook folder."""

    path: str
    site_url: str | None


def site_settings(folder: Path, config: Mapping[str, Any], *, handbook_root: Path) -> SiteSettings | None:
    """The settings of the mkdocs.yml in `folder` (read as `config`), or None when there is none to check."""
    if not config:
        return None  # no mkdocs.yml, or one that could not be read (already reported)
    path = Path(os.path.relpath(folder / CONFIG_FILE, handbook_root)).as_posix()
    site_url = config.get("site_url")
    return SiteSettings(path=path, site_url=site_url if isinstance(site_url, str) and site_url.strip() else None)


def theme_language(config: Mapping[str, Any]) -> str | None:
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return language if isinstance(language, str) else None


def site_folders(folder: Path, config: Mapping[str, Any]) -> Sequence[Path]:
    """The folders besides roles/ and processes/ the site is made from: the docs folder and the plugin's cache.

    The same two folders the MkDocs plugin checks (MkDocs makes docs_dir absolute
    from the folder of mkdocs.yml, without resolving links, and so does this).
    """
    docs_dir = config.get("docs_dir", DEFAULT_DOCS_DIR)
    folders = [folder / CACHE_DIR]
    if isinstance(docs_dir, str):
        folders.insert(0, folder / docs_dir)
    return [Path(os.path.abspath(path)) for path in folders]
