"""Hand the glossary to MkDocs: abbreviation tooltips on every page and whole words in search.

Both need files MkDocs reads by path, so they are written to a cache folder next
to mkdocs.yml (`.cache/handbook/`, git-ignored), never into the docs folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator.source.files import read_text_if_regular, write_replacing
from generator.source.site_config import CACHE_DIR

ABBREVIATIONS_FILE = "handbook-abbreviations.md"
SNIPPETS = "pymdownx.snippets"


def config_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent


def cache_dir(config: MkDocsConfig) -> Path:
    return config_dir(config) / CACHE_DIR / "handbook"


def _write_if_changed(path: Path, content: str, config: MkDocsConfig) -> None:
    """Write a cache file, never through a link (a committed `.cache/` could hold one): see generator.source.files."""
    # Rewriting an unchanged file would only churn its mtime on every `mkdocs serve` rebuild.
    if read_text_if_regular(path) != content:
        write_replacing(path, content, within=config_dir(config))


def add_abbreviations(config: MkDocsConfig, content: str) -> Path | None:
    """Append `content` (abbr definitions) to every page through `abbr` + `pymdownx.snippets`.

    The extensions are added when mkdocs.yml lacks them. The snippets' base path
    gets the one file itself (snippets accepts a file as a base), so no other file
    next to it becomes includable.
    """
    if not content:
        return None
    path = cache_dir(config) / ABBREVIATIONS_FILE
    _write_if_changed(path, content, config)
    # A site that uses snippets itself keeps its own base path (snippets' default is ".").
    own_default = ["."] if SNIPPETS in config.markdown_extensions else []
    for extension in ("abbr", SNIPPETS):
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    options: dict[str, Any] = config.mdx_configs.setdefault(SNIPPETS, {})
    base_path = options.get("base_path", own_default)
    base_paths = [base_path] if isinstance(base_path, str) else list(base_path)
    if str(path) not in base_paths:
        base_paths.append(str(path))
    options["base_path"] = base_paths
    auto_append = list(options.get("auto_append", []))
    if ABBREVIATIONS_FILE not in auto_append:
        auto_append.append(ABBREVIATIONS_FILE)
    options["auto_append"] = auto_append
    return path
