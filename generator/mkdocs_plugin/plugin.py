"""Connect MkDocs events to the handbook core; the work itself lives in `generator`."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from generator.build_date import set_source_date_epoch
from generator.checking import NotAHandbook, Report, check_handbook_reusing
from generator.files import LinkRefused, links_and_special_files, write_replacing
from generator.glossary import abbreviations_markdown, jieba_user_dictionary
from generator.loading import GLOSSARY_FILE, KIND_BY_FOLDER
from generator.messages import Language, language_for, msg, render
from generator.mkdocs_plugin.assets import SiteAssets, site_assets
from generator.mkdocs_plugin.config import HandbookConfig
from generator.mkdocs_plugin.glossary_wiring import add_abbreviations, add_jieba_words
from generator.mkdocs_plugin.mermaid import MermaidMissing
from generator.output_escaping import log_line
from generator.problems import Finding
from generator.redirects import redirect_html, redirects_of
from generator.render import Page, Renderer, navigation, theme_title
from generator.render.checklists import ChecklistFile, all_checklist_files
from generator.reporting import format_text
from generator.rules import real_files_only, text_length
from generator.search_index import compact_index
from generator.search_terms import PAGE_BOOSTS, add_search_terms, stage_contexts
from generator.site_config import site_folders

log = logging.getLogger("mkdocs.plugins.handbook")


class HandbookPlugin(BasePlugin[HandbookConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.report: Report | None = None
        self.pages: list[Page] = []
        self.language: str | None = None
        self.assets = SiteAssets(stylesheets=(), scripts=())
        self.downloads: list[ChecklistFile] = []
        # What generated pages are about, by page path, then by index location (see search_terms).
        self.topics: dict[str, dict[str, tuple[str, ...]]] = {}
        self.topics_by_location: dict[str, tuple[str, ...]] = {}
        # The process each stage page belongs to, by page path, then by index location (search results name it).
        self.contexts: dict[str, str] = {}
        self.contexts_by_location: dict[str, str] = {}

    @property
    def root(self) -> Path:
        assert self.config_file_dir is not None
        return (self.config_file_dir / self.config.root).resolve()

    # Before Material's search plugin (priority 0), which reads `jieba_dict_user` in its
    # own on_config: the dictionary made from the handbook must be named by then.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.config_file_dir = Path(config.config_file_path or ".").parent
        # A plain `mkdocs build` gets the same reproducible date `handbook build` sets.
        set_source_date_epoch(self.config_file_dir)
        # Material's search imports jieba, which announces its dictionary loading on every build.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self.language = config.theme.get("language") if config.theme else None
        # Messages in the handbook's language, the same choice `handbook validate` makes.
        message_language = language_for(self.language)
        try:
            self.report = check_handbook_reusing(
                self.root,
                settings=self.config.rules,  # type: ignore[arg-type]
                language=message_language,
                site_folders=site_folders(self.config_file_dir, {"docs_dir": config.docs_dir}),
            )
        except NotAHandbook as error:
            raise PluginError(log_line(f"handbook: {render(error.message, message_language)}")) from error
        if self.report.errors:
            # The same text `handbook validate` prints, so the two never disagree.
            heading = render(msg("run.has_errors"), message_language)
            raise PluginError(f"{heading}\n" + format_text(self.report.problems, message_language))
        for problem in self.report.warnings:
            log.warning(log_line(str(problem)))
        self._refuse_links(config, message_language)
        self._refuse_overlong_text(message_language)
        renderer = Renderer(self.report.handbook, language=self.language, site_url=config.site_url)
        self.topics = renderer.search_topics()
        self.topics_by_location = {}
        self.contexts = stage_contexts(self.report.handbook)
        self.contexts_by_location = {}
        self.pages = renderer.pages()
        # Material's improved tooltips show an abbreviation's title as HTML; the browser's own, as text.
        tooltips_read_html = "content.tooltips" in (config.theme.get("features") or [])
        try:
            add_abbreviations(
                config, abbreviations_markdown(self.report.handbook.glossary, tooltips_read_html=tooltips_read_html)
            )
            if self.config.search_extras:
                add_jieba_words(config, jieba_user_dictionary(self.report.handbook))
        except LinkRefused as error:
            raise _link_refused(str(error.path), message_language) from error
        self.downloads = all_checklist_files(self.report.handbook, language=self.language)
        self._add_assets(config)
        if self.config.navigation and config.nav is None:
            config.nav = self._navigation(config)
            # A big handbook's sidebar leaves pages out on purpose (the index pages list
            # them, see render.NAVIGATION_SECTION_LIMIT): don't log a thousand of them.
            config.validation.nav.omitted_files = logging.DEBUG
        return config

    def _refuse_links(self, config: MkDocsConfig, language: Language) -> None:
        """Stop before MkDocs follows a link, even when mkdocs.yml switched the rule that reports links off.

        MkDocs copies whatever a link in the docs folder points to, and a plain
        `mkdocs build` writes into site_dir as it is, through any link there
        (`handbook build` builds into a fresh folder, so the second only finds links
        in a site folder someone committed or made by hand).
        """
        assert self.config_file_dir is not None and self.report is not None
        _stop_on(real_files_only.check(self.report.inputs), language)
        site_dir = Path(config.site_dir)
        for entry in links_and_special_files(site_dir, root=self.config_file_dir):
            if entry.found == "link":
                raise _link_refused((self.config_file_dir / entry.path).as_posix(), language)

    def _refuse_overlong_text(self, language: Language) -> None:
        """Stop before rendering a value over the length limit, even when mkdocs.yml switched HB058 off.

        Python-Markdown's inline parsing slows down more than in proportion to a
        value's length: one 240 KB value would hold the build up for minutes.
        """
        assert self.report is not None
        _stop_on((finding for source in self.report.sources for finding in text_length.check(source)), language)

    def _add_assets(self, config: MkDocsConfig) -> None:
        """Link the shipped scripts and stylesheets from every page (on_files copies them)."""
        try:
            self.assets = site_assets(mermaid=self.config.mermaid, search=self.config.search_extras)
        except MermaidMissing as error:
            raise PluginError(log_line(f"handbook: {error}")) from error
        # `mkdocs serve` may hand the same config to on_config again: add each file once.
        for asset in self.assets.stylesheets:
            if asset.url not in config.extra_css:
                config.extra_css.append(asset.url)
        present = {str(script) for script in config.extra_javascript}
        scripts = [asset.url for asset in self.assets.scripts if asset.url not in present]
        # First in the list: Mermaid must be defined before any other script asks for it.
        config.extra_javascript[0:0] = scripts

    def _navigation(self, config: MkDocsConfig) -> list[Any]:
        """Home first, then the handbook's sections, other hand-written pages, and the rules page last."""
        assert self.report is not None
        generated = {page.path for page in self.pages}
        docs_dir = Path(config.docs_dir)
        written = sorted(
            path.relative_to(docs_dir).as_posix()
            for path in docs_dir.rglob("*.md")
            if path.relative_to(docs_dir).as_posix() not in generated
        )
        home = [path for path in written if path in ("index.md", "README.md")]
        others = [path for path in written if path not in home]
        renderer_nav = navigation(self.report.handbook, language=self.language)
        return [*home, *renderer_nav.sections, *others, *renderer_nav.appendix]

    def on_page_content(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str | None:
        """Hand the theme every page's title and table of contents as text it cannot read as markup.

        MkDocs takes a page's title from its first heading and hands it, and the
        headings of the table of contents, to the theme as HTML text, which Material
        prints unescaped (in `<title>` after decoding it once more). Every page:
        hand-written ones list the generated pages' titles too. All pages are
        rendered before the first template is, so every navigation gets these titles.
        """
        if self.config.enabled:
            if page.title is not None:
                page.title = theme_title(page.title)
            _retitle(page.toc)
            boost = PAGE_BOOSTS.get(page.file.src_uri) if page.file.generated_by else None
            if boost is not None and self.config.search_extras:
                # Material's search reads the boost from the page's meta, after this event.
                search = page.meta.setdefault("search", {})
                if isinstance(search, dict):
                    search.setdefault("boost", boost)
        return html

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        docs_dir = Path(config.docs_dir)
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                # Hand-written pages win: never overwrite what a person wrote.
                log.info(log_line(f"handbook: keeping the hand-written {page.path} instead of the generated page"))
                continue
            file = File.generated(config, page.path, content=page.content)
            for anchor, names in self.topics.get(page.path, {}).items():
                self.topics_by_location[file.url + (f"#{anchor}" if anchor else "")] = names
            if page.path in self.contexts:
                self.contexts_by_location[file.url] = self.contexts[page.path]
            # The edit button opens the YAML a person should change, not the generated Markdown.
            file.edit_uri = Path(os.path.relpath(self.root / page.source, docs_dir)).as_posix() if page.source else None
            files.append(file)
        # Checklist downloads and the shipped assets: plain files, copied as they are.
        for download in self.downloads:
            if files.get_file_from_path(download.path) is None:
                files.append(File.generated(config, download.path, content=download.content))
        for asset in self.assets.all:
            if files.get_file_from_path(asset.url) is None:
                files.append(File.generated(config, asset.url, abs_src_path=str(asset.source)))
        self._add_redirects(files, config)
        return files

    def _add_redirects(self, files: Files, config: MkDocsConfig) -> None:
        """A small HTML page at every address a former id had (see generator.redirects)."""
        assert self.report is not None
        live = frozenset(file.src_uri for file in files.documentation_pages())
        for redirect in redirects_of(self.report.handbook, live_pages=live):
            target = files.get_file_from_path(redirect.new_page)
            if target is None:
                continue
            # Where MkDocs would have written the old page: roles/old/index.html (or roles/old.html).
            old = File(
                redirect.old_page, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls
            )
            if files.get_file_from_path(old.dest_uri) is not None:
                continue  # a real file at that address wins
            url = get_relative_url(target.url or "./", old.dest_uri)
            files.append(File.generated(config, old.dest_uri, content=redirect_html(url)))

    # After Material's search plugin (priority 0), which writes the index in its own on_post_build.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if not self.config.enabled or not index_file.is_file():
            return
        if not (self.config.search_extras or self.config.compact_search_index):
            return
        index = json.loads(index_file.read_text(encoding="utf-8"))
        if self.config.search_extras and self.report is not None:
            add_search_terms(
                index,
                terms=self.report.handbook.glossary,
                topics=self.topics_by_location,
                contexts=self.contexts_by_location,
            )
        # Without compaction the index keeps the format Material writes (ASCII escapes).
        text = compact_index(index) if self.config.compact_search_index else json.dumps(index, separators=(",", ":"))
        write_replacing(index_file, text, within=Path(config.site_dir))

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            for folder in KIND_BY_FOLDER:
                if (self.root / folder).is_dir():
                    server.watch(str(self.root / folder))
            if (self.root / GLOSSARY_FILE).is_file():
                server.watch(str(self.root / GLOSSARY_FILE))
        return server


def _stop_on(findings: Iterable[Finding], language: Language) -> None:
    """Stop the build with the findings of a rule that holds even when mkdocs.yml switched it off."""
    lines = [log_line(f"{finding.at}: {render(finding.message, language)}") for finding in findings]
    if lines:
        raise PluginError("\n".join([render(msg("run.has_errors"), language), *lines]))


def _link_refused(path: str, language: Language) -> PluginError:
    return PluginError(log_line(f"handbook: {render(msg('write.link', path=path), language)}"))


def _retitle(toc: Iterable[AnchorLink]) -> None:
    for link in toc:
        link.title = theme_title(link.title)
        _retitle(link.children)
