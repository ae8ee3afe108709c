"""`handbook build --engine zensical`: the same site, built by Zensical instead of MkDocs.

Zensical (Material for MkDocs' successor) reads mkdocs.yml but runs no MkDocs
plugins, and every generated page of a handbook comes from the plugin. So the
plugin runs here the way MkDocs would run it up to `on_files` (checking the
handbook, rendering the pages, the downloads, the redirect pages, the glossary's
abbreviations and the navigation), and what it made is written out as an
ordinary project for Zensical in `.cache/handbook/zensical/`:

- `docs/`: the hand-written pages, every generated page and file, and the
  shipped scripts and stylesheets;
- `mkdocs.yml`: the site's own, node for node (its `!!python/…` tags are copied,
  never run here), with the docs folder, the navigation, the scripts and the
  Markdown extensions the plugin set;
- `overrides/partials/actions.html`: the edit button of a generated page opens
  the YAML file it came from, as it does under MkDocs.

Zensical's own search is switched off: the handbook's search (generator.search)
indexes the pages Zensical wrote, exactly as it does after MkDocs, and the same
script answers the same box. What differs from the MkDocs site: no preview mode.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from generator.engines.mkdocs_plugin.assets import ASSETS, SITE_FOLDER, Asset
from generator.search import write_search_index
from generator.search.entities import SearchCatalog, search_catalog
from generator.search.labels import search_labels
from generator.source.files import write_replacing
from generator.source.site_config import CACHE_DIR
from generator.words.labels import labels_for

PROJECT_FOLDER = Path(CACHE_DIR) / "handbook" / "zensical"
EDIT_URL_KEY = "handbook_edit_url"

NO_EDIT_KEY = "handbook_no_edit"

# The edit button of Zensical's theme, reading the YAML file's address a generated page carries;
# a generated page made from no file of its own (the indexes, the org chart, the rules) has none.
_ACTIONS_OVERRIDE = """\
{#- The handbook's override: a generated page's edit button opens the YAML file it came from. -#}
{% set edit_url = page.meta.handbook_edit_url or (not page.meta.handbook_no_edit and page.edit_url) %}
{% if edit_url and "content.action.edit" in features %}
  <a href="{{ edit_url }}" title="{{ lang.t('action.edit') }}" class="md-content__button md-icon" rel="edit">
    {% set icon = config.theme.icon.edit or "material/file-edit-outline" %}
    {% include ".icons/" ~ icon ~ ".svg" %}
  </a>
{% endif %}
"""


# Zensical's footer and 404 page with the words it writes in English in the handbook's language
# (as engines/mkdocs_plugin/overrides/ does for Material); {made_with_before} … are filled in
# from the label catalog, HTML-escaped, when the project is written.
_COPYRIGHT_OVERRIDE = """\
{{#- The handbook's override: Zensical's footer line in the handbook's language. -#}}
<div class="md-copyright">
  {{% if config.copyright %}}
    <div class="md-copyright__highlight">
      {{{{ config.copyright }}}}
    </div>
  {{% endif %}}
  {{% if not config.extra.generator == false %}}
    {made_with_before}<a href="https://zensical.org/" target="_blank" rel="noopener">Zensical</a>{made_with_after}
  {{% endif %}}
</div>
"""
_NOT_FOUND_OVERRIDE = """\
{{#- The handbook's override: Zensical's 404 heading in the handbook's language. -#}}
{{% extends "main.html" %}}
{{% block content %}}
  <h1>404 - {not_found}</h1>
{{% endblock %}}
"""
# On a touch screen Zensical shows an abbreviation's tooltip only while the finger is down.
TOUCH_SCRIPT = Asset(f"{SITE_FOLDER}/zensical-touch.js", ASSETS / "zensical-touch.js")


class ZensicalFailed(Exception):
    """Zensical is missing or stopped with an error; the text says which."""


@dataclass(frozen=True, slots=True)
class ZensicalProject:
    root: Path
    config_file: Path
    site_dir: Path
    # What the handbook's search needs once Zensical has written the pages (None: search is off).
    search: SearchInput | None = None


@dataclass(frozen=True, slots=True)
class SearchInput:
    catalog: SearchCatalog
    labels: dict[str, str]
    directory_urls: bool


def zensical_command() -> list[str] | None:
    """How to run Zensical from this environment, or None when it is not installed."""
    beside = Path(sys.executable).parent / "zensical"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    return [found] if found else None


def write_project(config_file: Path) -> ZensicalProject:
    """Run the plugin as MkDocs would up to on_files, and write what it made as a Zensical project.

    Raises MkDocs' own errors (a PluginError for a handbook with errors).
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        root = Path(config.config_file_path).parent / PROJECT_FOLDER
        if root.exists():
            shutil.rmtree(root)
        docs = root / "docs"
        edit_base = urljoin((config.repo_url or "").rstrip("/") + "/", config.edit_uri or "")
        for file in files:
            _write_file(file, docs, edit_base=edit_base if config.repo_url else None)
        (docs / TOUCH_SCRIPT.url).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TOUCH_SCRIPT.source, docs / TOUCH_SCRIPT.url)
        config.extra_javascript.append(TOUCH_SCRIPT.url)
        _write_theme_override(root, config, labels_for(_language(config)))
        project_config = _project_config(Path(config.config_file_path), config)
        write_replacing(root / "mkdocs.yml", project_config, within=root.parent)
        search = _search_input(config)
    finally:
        config.plugins.on_shutdown()
    return ZensicalProject(root=root, config_file=root / "mkdocs.yml", site_dir=root / "site", search=search)


def _language(config: Any) -> str | None:
    """The handbook's language as the plugin decided it (None: the theme's, as labels_for reads it)."""
    build = getattr(config.plugins.get("handbook"), "build", None)
    language = getattr(build, "language", None)
    return language if isinstance(language, str) else None


def _search_input(config: Any) -> SearchInput | None:
    """The model the handbook plugin checked, as the search index needs it (after Zensical's build)."""
    plugin = config.plugins.get("handbook")
    build = getattr(plugin, "build", None)
    handbook = getattr(build, "handbook", None)
    if plugin is None or build is None or handbook is None or not plugin.config.search:
        return None
    catalog = search_catalog(
        handbook,
        directory_urls=config.use_directory_urls,
        maintainer_pages=tuple(plugin.config.maintainer_pages),
    )
    return SearchInput(catalog, search_labels(build.language), config.use_directory_urls)


def write_project_search_index(project: ZensicalProject) -> None:
    """The handbook's search index of the site Zensical wrote (as the plugin writes it after MkDocs)."""
    if project.search is not None:
        write_search_index(
            project.site_dir,
            project.search.catalog,
            labels=project.search.labels,
            directory_urls=project.search.directory_urls,
        )


def _write_file(file: Any, docs: Path, *, edit_base: str | None) -> None:
    target = docs / file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    generated = file.generated_by is not None
    if not generated:
        shutil.copyfile(file.abs_src_path, target)
        return
    content: bytes = file.content_bytes
    if file.src_uri.endswith(".md") and file.edit_uri and edit_base is not None:
        url = urljoin(edit_base, file.edit_uri)
        content = _with_front_matter(content.decode("utf-8"), EDIT_URL_KEY, url).encode("utf-8")
    elif file.src_uri.endswith(".md") and not file.edit_uri:
        # Zensical would point the edit button at this Markdown file, which is in no repository.
        content = _with_front_matter(content.decode("utf-8"), NO_EDIT_KEY, True).encode("utf-8")
    target.write_bytes(content)


def _with_front_matter(markdown: str, key: str, value: str | bool) -> str:
    written = "true" if value is True else yaml.safe_dump(value, default_style=chr(34), width=10_000).strip()
    line = f"{key}: {written}\n"
    if markdown.startswith("---\n"):
        return "---\n" + line + markdown[4:]
    return f"---\n{line}---\n{markdown}"


def _write_theme_override(root: Path, config: Any, labels: Mapping[str, str]) -> None:
    """The handbook's footer and 404 page, the site's own `custom_dir` over them, then the edit button."""
    overrides = root / "overrides"
    (overrides / "partials").mkdir(parents=True, exist_ok=True)
    words = {key: _template_text(labels[key]) for key in ("made_with_before", "made_with_after", "not_found")}
    (overrides / "partials" / "copyright.html").write_text(_COPYRIGHT_OVERRIDE.format(**words), encoding="utf-8")
    (overrides / "404.html").write_text(_NOT_FOUND_OVERRIDE.format(**words), encoding="utf-8")
    custom_dir = config.theme.custom_dir
    if custom_dir:
        shutil.copytree(custom_dir, overrides, dirs_exist_ok=True)
    # The edit button must open the YAML file: this one is the handbook's whatever custom_dir holds.
    (overrides / "partials" / "actions.html").write_text(_ACTIONS_OVERRIDE, encoding="utf-8")


def _template_text(text: str) -> str:
    """A label as HTML text in a template: escaped, and no `{` a template engine could read."""
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


def _node(value: Any) -> yaml.Node:
    """Plain data as a YAML node (through the safe dumper: no object can be written)."""
    node = yaml.compose(yaml.safe_dump(value, allow_unicode=True))
    assert node is not None  # safe_dump always writes a document
    return node


def _plain(value: Any) -> bool:
    try:
        yaml.safe_dump(value)
    except yaml.YAMLError:
        return False
    return True


def _project_config(original: Path, config: Any) -> str:
    """The site's mkdocs.yml with the plugin's settings, as YAML nodes: its tags are kept, never run."""
    root = yaml.compose(original.read_text(encoding="utf-8"))
    if not isinstance(root, yaml.MappingNode):
        raise ZensicalFailed(f"{original} is not a mapping of settings")
    settings: dict[str, yaml.Node] = {key.value: value for key, value in root.value}
    settings["docs_dir"] = _node("docs")
    settings["site_dir"] = _node("site")
    if config.nav is not None:
        settings["nav"] = _node(config.nav)
    settings["extra_css"] = _node([str(path) for path in config.extra_css])
    settings["extra_javascript"] = _node([str(script) for script in config.extra_javascript])
    settings["markdown_extensions"] = _extensions(settings.get("markdown_extensions"), config)
    theme = settings.get("theme")
    if isinstance(theme, yaml.MappingNode):
        theme.value = [(key, value) for key, value in theme.value if key.value != "custom_dir"]
        theme.value.append((_node("custom_dir"), _node("overrides")))
    # Zensical runs no MkDocs plugins: what the handbook plugin did is in docs/ already.
    # Its own search is switched off: the handbook's search box and index take its place.
    plugins = settings.get("plugins")
    kept = plugins.value if isinstance(plugins, yaml.SequenceNode) else []
    kept = [item for item in kept if _plugin_name(item) not in ("handbook", "search", "material/search")]
    settings["plugins"] = yaml.SequenceNode("tag:yaml.org,2002:seq", [*kept, _node({"search": {"enabled": False}})])
    root.value = [(_node(key), value) for key, value in settings.items()]
    return yaml.serialize(root, allow_unicode=True)


def _plugin_name(item: yaml.Node) -> str | None:
    if isinstance(item, yaml.ScalarNode):
        return str(item.value)
    if isinstance(item, yaml.MappingNode) and item.value:
        return str(item.value[0][0].value)
    return None


def _extensions(original: yaml.Node | None, config: Any) -> yaml.Node:
    """Every extension MkDocs will use; the site's own entry where its options hold Python objects."""
    written: Mapping[str, yaml.Node] = {}
    if isinstance(original, yaml.SequenceNode):
        written = {name: item for item in original.value if (name := _plugin_name(item)) is not None}
    items: list[yaml.Node] = []
    for name in config.markdown_extensions:
        options = config.mdx_configs.get(name)
        if name in written and not (options and _plain(options)):
            items.append(_with_plain_options(written[name], options or {}))
        elif options and _plain(options):
            items.append(_node({name: options}))
        else:
            items.append(_node(name))
    return yaml.SequenceNode("tag:yaml.org,2002:seq", items)


def _with_plain_options(item: yaml.Node, options: Mapping[str, Any]) -> yaml.Node:
    """The site's own entry, with the plain options the plugin added to it (the toc's permalink title)."""
    if not (isinstance(item, yaml.MappingNode) and item.value and isinstance(item.value[0][1], yaml.MappingNode)):
        return item
    inner = item.value[0][1]
    present = {key.value for key, _ in inner.value if isinstance(key, yaml.ScalarNode)}
    for key, value in options.items():
        if key not in present and _plain(value):
            inner.value.append((_node(key), _node(value)))
    return item


def build_project(project: ZensicalProject, *, strict: bool) -> None:
    """Run `zensical build` on the project; raises ZensicalFailed with its output when it fails."""
    command = zensical_command()
    if command is None:
        raise ZensicalFailed("zensical is not installed")
    if project.site_dir.exists():
        shutil.rmtree(project.site_dir)
    arguments = [*command, "build", "--clean", "-f", str(project.config_file)]
    if strict:
        arguments.append("--strict")
    result = subprocess.run(
        arguments,
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    if result.returncode != 0 or not project.site_dir.is_dir():
        raise ZensicalFailed((result.stdout + result.stderr).strip())
