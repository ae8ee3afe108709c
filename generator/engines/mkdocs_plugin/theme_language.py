"""Material for MkDocs in the handbook's language, including the strings it writes in English.

Material translates most of its interface from the theme language (search box,
edit button, "back to top", previous/next), but writes some words in English
whatever the language: the footer's "Made with", the 404 page's heading. The
Markdown `toc` extension titles every heading anchor "Permanent link", and MkDocs
names a repository on a host of its own after the host ("Git" for
git.example.com). This module gives each of them the handbook's words, by
configuration where MkDocs has a setting and otherwise through two small
template overrides in `overrides/`, a folder placed after the user's own
`custom_dir` and before Material's templates, so a handbook's own overrides still win.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from generator.words.languages import Language, handbook_language, material_language

OVERRIDES = Path(__file__).parent / "overrides"
# Hosts MkDocs names after the product (GitHub, GitLab, Bitbucket): proper nouns, kept.
_NAMED_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org"})


def adopt_theme_language(config: MkDocsConfig) -> Language:
    """The handbook's language from `theme.language`, which is set to a name Material has translations for.

    Material loads `partials/languages/<language>.html` and stops the build when the file
    is missing, as it is for `zh_TW` or `zh-HK`: those become `zh-TW` and `zh-Hant`.
    """
    theme = config.theme
    name = theme["language"] if theme is not None and "language" in theme else None
    if isinstance(name, str) and theme is not None and theme.name == "material":
        theme["language"] = material_language(name)
    return handbook_language(theme_language=name if isinstance(name, str) else None)


def localise_theme(config: MkDocsConfig, labels: Mapping[str, str]) -> None:
    """Give the theme the handbook's words where Material or MkDocs would write English."""
    toc = config.mdx_configs.setdefault("toc", {})
    # A title the user chose in mkdocs.yml wins.
    toc.setdefault("permalink_title", labels["heading_permalink"])
    if config.repo_url and config.repo_name == _name_mkdocs_derives(config.repo_url):
        config.repo_name = labels["repository"]
    theme = config.theme
    if theme is None or theme.name != "material":
        return
    overrides = str(OVERRIDES)
    # `mkdocs serve` may hand the same config to on_config again: add the folder once.
    if overrides not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, overrides)


def theme_globals(labels: Mapping[str, str]) -> dict[str, Any]:
    """What the template overrides read."""
    return {"handbook_labels": labels}


def _name_mkdocs_derives(repo_url: str) -> str | None:
    """The `repo_name` MkDocs makes up for a host it does not know (`Git` for git.example.com), else None."""
    host = urlsplit(repo_url).netloc.lower()
    if not host or host in _NAMED_HOSTS:
        return None
    return host.split(".")[0].title()
