"""mkdocs.yml must name the site and give each setting MkDocs checks a value of the right kind.

Why: MkDocs refuses to build when `site_name` is missing, when a setting that takes
text gets a number or a list, when `docs_dir` names no folder (or the folder of
mkdocs.yml itself, or one inside `site_dir`), when the theme is not installed, or when
`site_url` or `repo_url` is not a whole web address. The check says so first, at the
line, so that `handbook validate` never passes a file `handbook build` then refuses.

Failing example: a mkdocs.yml without `site_name`, or with `theme: materail`.

Passing example::

    site_name: 市場營銷部手冊
    docs_dir: handbook
    theme:
      name: material
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import yaml

from generator.source.model import Location
from generator.source.problems import Finding
from generator.source.site_config import DEFAULT_DOCS_DIR, SiteSettings
from generator.source.site_file import (
    SiteFile,
    env_value,
    installed,
    is_null,
    is_plain,
    is_text,
    material_languages,
    quoted,
    read_site_file,
    setting,
)
from generator.words.languages import material_language
from generator.words.messages import Message, msg

ID = "HB091"
NAME = "site-config-settings"
SEVERITY = "error"
SCOPE = "site"

# The settings MkDocs takes as text or as true/false (mkdocs.config.defaults), by kind.
TEXT_SETTINGS = (
    "site_name",
    "site_description",
    "site_author",
    "copyright",
    "repo_name",
    "edit_uri",
    "edit_uri_template",
    "docs_dir",
    "site_dir",
    "dev_addr",
    "remote_branch",
    "remote_name",
    "google_analytics",
)
TRUE_FALSE_SETTINGS = ("use_directory_urls", "strict")
LIST_SETTINGS = ("extra_css", "extra_javascript", "watch", "exclude_docs", "not_in_nav")
URL_SETTINGS = ("site_url", "repo_url")
DEFAULT_SITE_DIR = "site"


def check(site: SiteSettings) -> Iterator[Finding]:
    read = read_site_file(site)
    if read is None or read.root is None:
        return  # no file to check, or one the readable-file rule reports
    yield from _kinds(read)
    yield from _folders(read, site)
    yield from _theme(read, site)


def _kinds(read: SiteFile) -> Iterator[Finding]:
    root = read.root
    assert root is not None
    if setting(root, "site_name") is None:
        yield Finding(Location(read.source.path, 1, 1), msg("site.setting_missing", name="site_name"))
    for names, expected, fits in (
        (TEXT_SETTINGS, "site.kind_text", _is_text_or_unset),
        (TRUE_FALSE_SETTINGS, "site.kind_true_false", _is_true_false),
        (LIST_SETTINGS, "site.kind_list", lambda node: isinstance(node, yaml.SequenceNode) or is_null(node)),
        (URL_SETTINGS, "site.kind_text", _is_text_or_unset),
    ):
        for name in names:
            found = setting(root, name)
            if found is not None and is_plain(found[1]) and not fits(found[1]):
                yield Finding(read.location(found[1]), msg("site.setting_kind", name=name, kind=msg(expected)))
    site_name = setting(root, "site_name")
    if site_name is not None and is_text(site_name[1]) and not str(site_name[1].value).strip():
        yield Finding(read.location(site_name[1]), msg("site.setting_missing", name="site_name"))
    for name in URL_SETTINGS:
        found = setting(root, name)
        if found is None or not is_text(found[1]) or not found[1].value.strip():
            continue
        parts = urlsplit(found[1].value.strip()) if "\x00" not in found[1].value else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            yield Finding(read.location(found[1]), msg("site.url_invalid", name=name, value=quoted(found[1].value)))


def _is_text_or_unset(node: yaml.Node) -> bool:
    return is_text(node) or is_null(node)


def _is_true_false(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool")


def _folder_setting(read: SiteFile, name: str, default: str) -> tuple[str, yaml.Node | None] | None:
    """The folder a setting names (its default when unset); None when it is not plain text (reported above)."""
    assert read.root is not None
    found = setting(read.root, name)
    if found is None or is_null(found[1]):
        return default, None
    if not is_text(found[1]):
        return None
    return str(found[1].value), found[1]


def _folders(read: SiteFile, site: SiteSettings) -> Iterator[Finding]:
    if not site.folder:
        return
    docs = _folder_setting(read, "docs_dir", DEFAULT_DOCS_DIR)
    output = _folder_setting(read, "site_dir", DEFAULT_SITE_DIR)
    if docs is None or output is None:
        return
    (docs_dir, docs_node), (site_dir, site_node) = docs, output
    where = read.location(docs_node) if docs_node is not None else Location(read.source.path, 1, 1)
    docs_path = os.path.normpath(os.path.join(site.folder, docs_dir))
    site_path = os.path.normpath(os.path.join(site.folder, site_dir))
    if "\x00" in docs_dir or not os.path.isdir(docs_path):
        # Unset and missing is fine: every page is made from the handbook (`handbook build` gives MkDocs
        # an empty folder). Written and missing is a slip.
        if docs_node is not None:
            yield Finding(where, msg("site.docs_dir_missing", path=quoted(docs_dir)))
    elif docs_path == os.path.normpath(site.folder):
        yield Finding(where, msg("site.docs_dir_is_config_folder"))
    elif "\x00" not in site_dir and (_within(docs_path, site_path) or _within(site_path, docs_path)):
        at = read.location(site_node) if site_node is not None else where
        yield Finding(at, msg("site.dirs_nested", docs=quoted(docs_dir), site=quoted(site_dir)))


def _within(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


def _theme(read: SiteFile, site: SiteSettings) -> Iterator[Finding]:
    assert read.root is not None
    found = setting(read.root, "theme")
    if found is None:
        return  # MkDocs' own theme
    _, node = found
    if not is_plain(node):
        return
    name_node: yaml.Node | None = node
    custom_dir = None
    if isinstance(node, yaml.MappingNode):
        name_node = None
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "name":
                name_node = value
            elif isinstance(key, yaml.ScalarNode) and key.value == "custom_dir":
                custom_dir = value
    elif not is_text(node):
        yield Finding(read.location(node), msg("site.theme_shape"))
        return
    if custom_dir is not None and is_text(custom_dir) and site.folder:
        folder = os.path.join(site.folder, str(custom_dir.value))
        if "\x00" in folder or not os.path.isdir(folder):
            yield Finding(read.location(custom_dir), msg("site.custom_dir_missing", path=quoted(custom_dir.value)))
    if name_node is None or is_null(name_node):
        if custom_dir is None:
            yield Finding(read.location(node), msg("site.theme_unnamed"))
        return
    if name_node.tag == "!ENV":
        name = env_value(name_node)  # MkDocs reads the variable at build time; so does the check
    elif not is_plain(name_node):
        return  # a Python tag: HB094 reports it
    elif not is_text(name_node):
        yield Finding(read.location(name_node), msg("site.theme_shape"))
        return
    else:
        name = name_node.value
    themes = installed("mkdocs.themes")
    if name not in themes:
        yield Finding(read.location(name_node), _unknown("site.theme_unknown", str(name), themes))
    elif name == "material" and isinstance(node, yaml.MappingNode):
        yield from _material_language(read, node)


def _material_language(read: SiteFile, theme: yaml.MappingNode) -> Iterator[Finding]:
    """Material's `language` must be one it has words for: it looks for partials/languages/<language>.html."""
    language = next(
        (value for key, value in theme.value if isinstance(key, yaml.ScalarNode) and key.value == "language"), None
    )
    if language is None or is_null(language) or not is_plain(language):
        return
    known = material_languages()
    if not known:
        return  # Material's templates not found where they are installed: MkDocs will say
    written = str(language.value) if isinstance(language, yaml.ScalarNode) else ""
    # The plugin hands Material a Chinese tag it has words for (`zh_TW` → `zh-TW`, `zh-HK` → `zh-Hant`).
    if not is_text(language) or (material_language(written) or written) not in known:
        yield Finding(read.location(language), _unknown("site.language_unknown", written, known))


def _unknown(key: str, name: str, known: tuple[str, ...]) -> Message:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    listed = ", ".join(known) if len(known) <= 12 else ", ".join(known[:12]) + " …"
    hint = msg("site.did_you_mean", name=close[0]) if close else msg("site.installed", names=listed)
    return msg(key, name=quoted(name), hint=hint)
