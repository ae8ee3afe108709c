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

from generator.source.files import FileTooBig, NotRegularFile, read_regular_file
from generator.words.messages import Message, msg

CONFIG_FILE = "mkdocs.yml"
# MkDocs' own defaults for the two folders the check looks at.
DEFAULT_DOCS_DIR = "docs"
CACHE_DIR = ".cache"
# Far more than any real mkdocs.yml; a bigger one is not read (the limit of every handbook file,
# so that validate, which reads it with the handbook's loader, and build refuse the same files).
MAX_CONFIG_BYTES = 256 * 1024


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


class ConfigTooBig(ConfigUnreadable):
    """mkdocs.yml, its aliases expanded, is nested too deep (`too_deep`) or holds too many values."""

    def __init__(self, reason: str, *, too_deep: bool) -> None:
        super().__init__(reason)
        self.too_deep = too_deep


def check_size(root: yaml.Node) -> None:
    """Raise ConfigTooBig when the tree, with every alias expanded, is too deep or too big."""
    values = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        values += 1
        if values > MAX_CONFIG_VALUES:
            raise ConfigTooBig(
                f"with its aliases expanded it holds more than {MAX_CONFIG_VALUES:,} values", too_deep=False
            )
        if depth > MAX_CONFIG_DEPTH:
            raise ConfigTooBig(f"it is nested more than {MAX_CONFIG_DEPTH} levels deep", too_deep=True)
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
        check_size(root)
        config = _DataOnlyLoader(text).construct_document(root)
    except yaml.YAMLError as error:
        raise ConfigUnreadable(str(error)) from error
    except RecursionError as error:
        raise ConfigUnreadable(f"it is nested more than {MAX_CONFIG_DEPTH} levels deep") from error
    except (ValueError, TypeError, OverflowError, IndexError, KeyError, AttributeError) as error:
        # PyYAML's constructors fail in these ways on a forced or impossible value (`!!int x`,
        # `!!timestamp 2026-13-45`, a number of 5,000 digits); rule HB090 names the line.
        raise ConfigUnreadable(f"a value cannot be read: {type(error).__name__}") from error
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
    """What the "site" rules check in mkdocs.yml; `path` is the file's, relative to the handbook folder.

    `raw` is the file as read (None when it was not: `unread` says why) and `folder` the
    absolute folder it is in, for the rules that check the file itself (rules/site/).
    """

    path: str
    site_url: str | None
    raw: bytes | None = None
    unread: Message | None = None
    folder: str = ""
    # What the `handbook` plugin's own option schema says of its options in this file, as
    # (option, "unknown" or "value", detail): worked out where that schema may be read (commands/).
    handbook_option_problems: tuple[tuple[str, str, str], ...] = ()


def site_settings(folder: Path, config: Mapping[str, Any], *, handbook_root: Path) -> SiteSettings | None:
    """The settings of the mkdocs.yml in `folder` (read as `config`), or None when there is none."""
    site_url = config.get("site_url")
    return site_settings_of_file(
        folder / CONFIG_FILE,
        handbook_root=handbook_root,
        site_url=site_url if isinstance(site_url, str) and site_url.strip() else None,
    )


def site_settings_of_file(config_file: Path, *, handbook_root: Path, site_url: str | None) -> SiteSettings | None:
    """The site rules' view of `config_file` (read again, as bytes), or None when there is no such file."""
    if not os.path.lexists(config_file):
        return None
    path = Path(os.path.relpath(config_file, handbook_root)).as_posix()
    raw: bytes | None = None
    unread: Message | None = None
    try:
        raw = read_regular_file(config_file, limit=MAX_CONFIG_BYTES)
    except FileTooBig as error:
        unread = msg("site.config_too_big", size=error.size, limit=MAX_CONFIG_BYTES)
    except NotRegularFile:
        unread = msg("load.not_regular")
    except OSError as error:
        unread = msg("load.cannot_read", reason=str(error.strerror or error))
    folder = os.path.abspath(config_file.parent)
    return SiteSettings(path=path, site_url=site_url, raw=raw, unread=unread, folder=folder)


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
