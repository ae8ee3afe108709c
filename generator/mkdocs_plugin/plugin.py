"""Connect MkDocs events to the handbook core; the work itself lives in `generator`.

Each event does the one job it is for: `on_config` checks the handbook and sets
what MkDocs and Material read from the config (glossary extensions, jieba's
words, assets), `on_files` renders the pages and adds them, `on_nav`/`on_post_page`
serve an incremental preview, `on_post_build` finishes the search index. State
lives in `build_context`: a `Preview` for a serve session, a `Build` per build.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from generator.engines.build_date import reproducible_build_date
from generator.mkdocs_plugin import preview
from generator.mkdocs_plugin.assets import MATERIAL_SEARCH_SCRIPT, SiteAssets, site_assets, with_pagefind
from generator.mkdocs_plugin.build_context import Build, Preview, Rendered, jieba_dictionary_restored
from generator.mkdocs_plugin.config import HandbookConfig
from generator.mkdocs_plugin.glossary_wiring import add_abbreviations, add_jieba_words
from generator.mkdocs_plugin.mermaid import MermaidMissing
from generator.mkdocs_plugin.pagefind import (
    EmptySearchIndex,
    PagefindFailed,
    chosen_engine,
    index_site,
    marked_for_pagefind,
    write_spellings,
)
from generator.mkdocs_plugin.theme_language import adopt_theme_language, localise_theme, theme_globals
from generator.render.checklists import checklist_files_by_stage
from generator.render.escaping import theme_title
from generator.render.incremental import render_units
from generator.render.navigation import navigation
from generator.render.output_escaping import log_line
from generator.render.raw_blocks import EXTENSION_NAME as RAW_BLOCKS
from generator.render.redirects import redirect_html, redirects_of
from generator.render.renderer import Renderer
from generator.render.reporting import format_text, rules_page_url
from generator.render.urls import stage_path
from generator.rules.checking import NotAHandbook, check_handbook_reusing
from generator.rules.inputs import real_files_only
from generator.rules.text import text_length
from generator.search_index import compact_index
from generator.search_terms import (
    EXTRA_FIELDS,
    PAGE_BOOSTS,
    add_search_terms,
    add_variant_fold,
    han_characters,
    stage_contexts,
)
from generator.source.files import LinkRefused, links_and_special_files, write_replacing
from generator.source.glossary import abbreviations_markdown, jieba_user_dictionary
from generator.source.loading import GLOSSARY_FILE, KIND_BY_FOLDER
from generator.source.model import Handbook
from generator.source.problems import Finding
from generator.source.site_config import SiteSettings, site_folders
from generator.words.labels import labels_for
from generator.words.messages import Language, msg, render

log = logging.getLogger("mkdocs.plugins.handbook")
# One line per rebuild of a preview; `handbook serve` prints this logger's lines as they are.
serve_log = logging.getLogger("mkdocs.plugins.handbook.serve")


class _GeneratedFile(File):
    """A generated file that tells an incremental preview whether its content changed since the last build.

    MkDocs' `--dirty` rebuild skips files whose `is_modified()` is false; a generated
    file would otherwise always count as modified, and every page would be rebuilt.
    """

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class HandbookPlugin(BasePlugin[HandbookConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        # A serve session (on_startup → on_shutdown); None in a plain build.
        self.preview: Preview | None = None
        # The build under way (on_config → on_post_build / on_build_error).
        self.build: Build | None = None
        self.assets = SiteAssets(stylesheets=(), scripts=())

    @property
    def root(self) -> Path:
        assert self.config_file_dir is not None
        return (self.config_file_dir / self.config.root).resolve()

    # Defining on_startup also makes MkDocs keep this object for the whole serve session.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = Preview(incremental=dirty) if command == "serve" else None

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.search_index.close()
            self.preview.stop_idle_collection()
            gc.unfreeze()  # what the idle collections froze is the process's again
        self.preview = None
        self._close_build()

    def _close_build(self) -> None:
        if self.build is not None:
            self.build.close()
            self.build = None

    # Before Material's search plugin (priority 0), which reads `jieba_dict_user` in its
    # own on_config: the dictionary made from the handbook must be named by then.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self._close_build()  # a build that never reached on_post_build (MkDocs stopped it)
        if self.preview is not None:
            self.preview.stop_idle_collection()  # an edit came first: not in the middle of this build
        self.config_file_dir = Path(config.config_file_path or ".").parent
        # One language for messages, pages, search and the theme, the choice `handbook validate` makes.
        language = adopt_theme_language(config)
        localise_theme(config, labels_for(language))
        build = self.build = Build(language=language)
        # A plain `mkdocs build` gets the same reproducible date `handbook build` sets.
        build.restore.enter_context(reproducible_build_date(self.config_file_dir))
        # Material's search imports jieba, which announces its dictionary loading on every build.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        try:
            report = build.report = check_handbook_reusing(
                self.root,
                settings=self.config.rules,  # type: ignore[arg-type]
                language=language,
                site_folders=site_folders(self.config_file_dir, {"docs_dir": config.docs_dir}),
                site=SiteSettings(
                    path=Path(os.path.relpath(config.config_file_path or "mkdocs.yml", self.root)).as_posix(),
                    site_url=config.site_url or None,
                ),
                parsed=self.preview.parsed if self.preview is not None else None,
            )
        except NotAHandbook as error:
            raise PluginError(log_line(f"handbook: {render(error.message, language)}")) from error
        self._refuse_links(config, language)
        self._refuse_overlong_text(language)
        if report.errors and self.preview is None:
            # The same text `handbook validate` prints, so the two never disagree.
            heading = render(msg("run.has_errors"), language)
            rules_page = rules_page_url(config.site_url, directory_urls=config.use_directory_urls)
            raise PluginError(f"{heading}\n" + format_text(report.problems, language, rules_page=rules_page))
        for problem in report.warnings:
            log.warning(log_line(str(problem)))
        # A preview with errors keeps the pages of the last handbook that built and shows the findings.
        build.shown_errors = report.errors
        handbook = report.handbook if not report.errors else self._last_good_handbook()
        if handbook is not None:
            self._configure_glossary(config, handbook, language)
        self._add_assets(config)
        if RAW_BLOCKS not in config.markdown_extensions:
            # The pages' raw HTML tables go to Markdown as they are (most of a process page's cost).
            # By name, so the configuration stays plain data (the Zensical engine writes it out).
            config.markdown_extensions.append(RAW_BLOCKS)
        if self.config.navigation and config.nav is None and handbook is not None:
            # A big handbook's sidebar leaves pages out on purpose (the index pages list
            # them, see render.NAVIGATION_SECTION_LIMIT): don't log a thousand of them.
            config.validation.nav.omitted_files = logging.DEBUG
        return config

    def _last_good_handbook(self) -> Handbook | None:
        last = self.preview.last_good if self.preview is not None else None
        return last.handbook if last is not None else None

    def _configure_glossary(self, config: MkDocsConfig, handbook: Handbook, language: Language) -> None:
        """Abbreviation tooltips on every page, and the handbook's words in jieba's dictionary for search."""
        assert self.build is not None
        # Material's improved tooltips show an abbreviation's title as HTML; the browser's own, as text.
        tooltips_read_html = "content.tooltips" in (config.theme.get("features") or [])
        try:
            add_abbreviations(config, abbreviations_markdown(handbook.glossary, tooltips_read_html=tooltips_read_html))
            # A preview whose last build chose Pagefind skips jieba's words (half a second at
            # 1,000 roles): Material's search indexes nothing then. Should this rebuild fall
            # back to Material's search, its words come back with the next one.
            pagefind_preview = self.preview is not None and self.preview.search_engine == "pagefind"
            words = self.config.search_extras and not pagefind_preview
            if words and add_jieba_words(config, jieba_user_dictionary(handbook)) is not None:
                # Material loads the words into jieba's global dictionary: give it back afterwards.
                self.build.restore.enter_context(jieba_dictionary_restored())
        except LinkRefused as error:
            raise _link_refused(str(error.path), language) from error

    def _refuse_links(self, config: MkDocsConfig, language: Language) -> None:
        """Stop before MkDocs follows a link, even when mkdocs.yml switched the rule that reports links off.

        MkDocs copies whatever a link in the docs folder points to, and a plain
        `mkdocs build` writes into site_dir as it is, through any link there
        (`handbook build` builds into a fresh folder, so the second only finds links
        in a site folder someone committed or made by hand).
        """
        assert self.config_file_dir is not None and self.build is not None and self.build.report is not None
        _stop_on(real_files_only.check(self.build.report.inputs), language)
        if self.preview is not None and self.preview.site_checked:
            # A preview's site folder is the one it checked at its first build, written since by
            # MkDocs alone: walking its thousands of pages again took 1 s a rebuild at 1,000 roles.
            return
        site_dir = Path(config.site_dir)
        for entry in links_and_special_files(site_dir, root=self.config_file_dir):
            if entry.found == "link":
                raise _link_refused((self.config_file_dir / entry.path).as_posix(), language)
        if self.preview is not None:
            self.preview.site_checked = True

    def _refuse_overlong_text(self, language: Language) -> None:
        """Stop before rendering a value over the length limit, even when mkdocs.yml switched HB058 off.

        Python-Markdown's inline parsing slows down more than in proportion to a
        value's length: one 240 KB value would hold the build up for minutes.
        """
        assert self.build is not None and self.build.report is not None
        sources = self.build.report.sources
        _stop_on((finding for source in sources for finding in text_length.check(source)), language)

    def _add_assets(self, config: MkDocsConfig) -> None:
        """Link the shipped scripts and stylesheets from every page (on_files copies them)."""
        try:
            self.assets = site_assets(mermaid=self.config.mermaid, search=self.config.search_extras)
        except MermaidMissing as error:
            raise PluginError(log_line(f"handbook: {error}")) from error
        if self.preview is not None:
            # A preview shows the findings of a broken edit on whichever page is open.
            self.assets = SiteAssets(self.assets.stylesheets, (*self.assets.scripts, preview.SCRIPT))
        # `mkdocs serve` may hand the same config to on_config again: add each file once.
        for asset in self.assets.stylesheets:
            if asset.url not in config.extra_css:
                config.extra_css.append(asset.url)
        present = {str(script) for script in config.extra_javascript}
        scripts = [asset.url for asset in self.assets.scripts if asset.url not in present]
        # First in the list: Mermaid must be defined before any other script asks for it.
        config.extra_javascript[0:0] = scripts

    def _navigation(self, config: MkDocsConfig, rendered: Rendered) -> list[Any]:
        """Home, the readers' sections, other hand-written pages, then a last section for editors."""
        assert self.build is not None
        generated = {page.path for page in rendered.pages}
        docs_dir = Path(config.docs_dir)
        written = sorted(
            path.relative_to(docs_dir).as_posix()
            for path in docs_dir.rglob("*.md")
            if path.relative_to(docs_dir).as_posix() not in generated
        )
        home = [path for path in written if path in ("index.md", "README.md")]
        for_editors = [path for path in self.config.maintainer_pages if path in written]
        others = [path for path in written if path not in home and path not in for_editors]
        handbook_nav = navigation(rendered.handbook, language=self.build.language, maintainer_pages=for_editors)
        # Material shows the site name above the navigation; the home page's own title
        # (usually the same name) would repeat it right below.
        home_label = labels_for(self.build.language)["home"]
        return [*({home_label: path} for path in home), *handbook_nav.readers, *others, *handbook_nav.maintainers]

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
            if self.build is not None and self.build.search_engine == "pagefind":
                # Pagefind's query spellings (see _index_with_pagefind) come from what the pages say.
                self.build.characters |= han_characters(f"{page.title or ''} {html}")
            _retitle(page.toc)
            boost = PAGE_BOOSTS.get(page.file.src_uri) if page.file.generated_by else None
            if boost is not None and self.config.search_extras:
                # Material's search reads the boost from the page's meta, after this event.
                search = page.meta.setdefault("search", {})
                if isinstance(search, dict):
                    search.setdefault("boost", boost)
        return html

    def _render(self, config: MkDocsConfig) -> Rendered | None:
        """The generated pages of this build; in a preview with errors, those of the last handbook that built.

        A preview renders again only the pages an edit can have changed (see
        generator.render.incremental); MkDocs then rebuilds only those whose text did.
        """
        assert self.build is not None and self.build.report is not None
        if self.build.shown_errors:
            self.build.rendered = self.preview.last_good if self.preview is not None else None
            return self.build.rendered
        handbook, language, site_url = self.build.report.handbook, self.build.language, config.site_url
        directory_urls = config.use_directory_urls
        settings = (language, site_url, directory_urls)
        last = self.preview.last_good if self.preview is not None else None
        if last is not None and last.settings != settings:
            last = None
        if last is not None and last.handbook == handbook:
            # No YAML changed (a Markdown edit), so neither did any page.
            self.build.rendered = last
            self.build.kept_pages = frozenset(page.path for page in last.pages)
            return last
        renderer = Renderer(handbook, language=language, site_url=site_url, directory_urls=directory_urls)
        units = render_units(
            renderer,
            last=last.units if last is not None else (),
            last_handbook=last.handbook if last is not None else None,
        )
        kept_downloads = {}
        if last is not None:
            last_units = {id(unit) for unit in last.units}
            kept = [unit for unit in units if id(unit) in last_units]
            self.build.kept_pages = frozenset(page.path for unit in kept for page in unit.pages)
            # A stage's downloads name only roles its page names: a kept page keeps its downloads.
            kept_stages = {unit.key for unit in kept}
            kept_downloads = {
                (process.id, stage.id): last.downloads_by_stage[process.id, stage.id]
                for process in handbook.processes
                for stage in process.stages
                if stage_path(process, stage) in kept_stages and (process.id, stage.id) in last.downloads_by_stage
            }
        rendered = Rendered(
            handbook=handbook,
            settings=settings,
            units=tuple(units),
            downloads_by_stage=checklist_files_by_stage(handbook, language=language, kept=kept_downloads),
            topics=renderer.search_topics(),
            contexts=stage_contexts(handbook),
        )
        if self.preview is not None:
            self.preview.last_good = rendered
        self.build.rendered = rendered
        return rendered

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        assert self.build is not None
        rendered = self._render(config)
        if rendered is not None:
            self._add_generated(files, config, rendered)
            if self.config.navigation and config.nav is None:
                # Set here, not in on_config: MkDocs builds the navigation after on_files.
                config.nav = self._navigation(config, rendered)
        self._choose_search(config, files)
        for asset in self.assets.all:
            if files.get_file_from_path(asset.url) is None:
                files.append(File.generated(config, asset.url, abs_src_path=str(asset.source)))
        if self.preview is not None:
            rules_page = files.get_file_from_path(preview.RULES_PAGE)
            self.build.rules_url = rules_page.url if rules_page is not None else None
            errors = preview.errors_page(
                self.build.shown_errors, language=self.build.language, rules_page=rules_page is not None
            )
            self._append(files, config, preview.ERRORS_PAGE, errors)
        if rendered is not None:
            self._add_redirects(files, config, rendered.handbook)
        return files

    def _choose_search(self, config: MkDocsConfig, files: Files) -> None:
        """Material's search or Pagefind, now that the number of pages is known (see config.search_engine)."""
        assert self.build is not None
        pages = sum(1 for _ in files.documentation_pages())
        engine = chosen_engine(self.config.search_engine, pages=pages, pagefind_from=self.config.pagefind_from_pages)
        self.build.search_engine = engine
        if self.preview is not None:
            self.preview.search_engine = engine
        if engine != "pagefind":
            return
        material_search = config.plugins.get("material/search")
        if material_search is not None and hasattr(material_search, "search_index"):
            # No page fetches Material's index under Pagefind, and indexing it (parsing and
            # jieba-cutting every page) was most of the plugin's share of a big build.
            # Switching the plugin off would also remove the search box from the header;
            # its on_config makes a new index for every build, so this lasts one build.
            material_search.search_index = EmptySearchIndex()
        self.assets = with_pagefind(self.assets)
        # Pages read the scripts from the config when they are rendered, after this event.
        scripts = [script for script in config.extra_javascript if str(script) != MATERIAL_SEARCH_SCRIPT]
        present = {str(script) for script in scripts}
        config.extra_javascript[:] = scripts + [a.url for a in self.assets.scripts if a.url not in present]

    def _append(self, files: Files, config: MkDocsConfig, path: str, content: str) -> File:
        """Add a generated file; in an incremental preview it is rebuilt only when its content changed."""
        file = cast(_GeneratedFile, _GeneratedFile.generated(config, path, content=content))
        if self.preview is not None and self.preview.incremental:
            assert self.build is not None
            # A page kept from the last render is the same text: no need to read it all again.
            kept = path in self.build.kept_pages and path in self.preview.written
            file.changed = False if kept else self.preview.changed(path, content)
        files.append(file)
        return file

    def _add_generated(self, files: Files, config: MkDocsConfig, rendered: Rendered) -> None:
        assert self.build is not None
        docs_dir = Path(config.docs_dir)
        for page in rendered.pages:
            if files.get_file_from_path(page.path) is not None:
                # Hand-written pages win: never overwrite what a person wrote.
                log.info(log_line(f"handbook: keeping the hand-written {page.path} instead of the generated page"))
                continue
            file = self._append(files, config, page.path, page.content)
            for anchor, names in rendered.topics.get(page.path, {}).items():
                self.build.topics_by_location[file.url + (f"#{anchor}" if anchor else "")] = names
            if page.path in rendered.contexts:
                self.build.contexts_by_location[file.url] = rendered.contexts[page.path]
            # The edit button opens the YAML a person should change, not the generated Markdown.
            file.edit_uri = Path(os.path.relpath(self.root / page.source, docs_dir)).as_posix() if page.source else None
        # Checklist downloads: plain files, copied as they are.
        for download in rendered.downloads:
            if files.get_file_from_path(download.path) is None:
                self._append(files, config, download.path, download.content)

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """In an incremental preview, give the pages MkDocs will not read again their titles.

        MkDocs' `--dirty` rebuild skips reading an unchanged page, and a page never
        read has no title: the sidebar of every page rebuilt would show blanks. The
        title the page had when it was last built is set as it is; MkDocs would
        otherwise look for it in the page's Markdown each time a sidebar names the
        page (at 1,000 roles, a quarter of a rebuild).
        """
        if not (self.config.enabled and self.preview is not None and self.preview.incremental):
            return nav
        assert self.build is not None
        titles = self.preview.titles
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            self.build.page_urls.append(file.url)
            if file.is_modified():
                self.build.rebuilt_urls.add(file.url)
            elif file.src_uri in titles:
                # Its characters for Pagefind's spellings are in preview.characters since it was built.
                page.title = titles[file.src_uri]
            elif page.markdown is None:
                page.markdown = file.content_string
                if self.build.search_engine == "pagefind":
                    self.build.characters |= han_characters(page.markdown)
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if not self.config.enabled:
            return env
        if self.build is not None:
            # Material's strings that its translations leave in English (footer, 404).
            env.globals.update(theme_globals(labels_for(self.build.language)))
        if self.preview is not None and env.bytecode_cache is None:
            env.bytecode_cache = self.preview.templates
        return env

    # After Material's search plugin (priority 0) has indexed the page.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        """Mark the page for Pagefind; in an incremental preview, note the search entries Material made for it."""
        if self.config.enabled and self.build is not None and self.build.search_engine == "pagefind":
            output = marked_for_pagefind(output)
        if self.config.enabled and self.preview is not None and self.preview.incremental and self.build is not None:
            if page.title is not None:
                self.preview.titles[page.file.src_uri] = page.title
            entries = _material_search_entries(config)
            if entries is not None:
                self.build.new_entries[page.url] = entries[self.build.entries_seen :]
                self.build.entries_seen = len(entries)
        return output

    def _add_redirects(self, files: Files, config: MkDocsConfig, handbook: Handbook) -> None:
        """A small HTML page at every address a former id had (see generator.render.redirects)."""
        assert self.build is not None
        language = self.build.language
        live = frozenset(file.src_uri for file in files.documentation_pages())
        for redirect in redirects_of(handbook, live_pages=live):
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
            self._append(files, config, old.dest_uri, redirect_html(url, language=language))

    # After Material's search plugin (priority 0), which writes the index in its own on_post_build.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.build is None:
            return
        try:
            if self.build.search_engine == "pagefind" and self.preview is not None:
                self._index_with_pagefind_later(config)
            elif self.build.search_engine == "pagefind":
                # Material's index stays as its plugin wrote it: no page fetches it.
                self._index_with_pagefind(config)
            else:
                self._finish_search_index(config)
            if self.preview is not None:
                self._report_preview(config)
                self.preview.collect_when_idle()
        finally:
            self._close_build()

    def _index_with_pagefind(self, config: MkDocsConfig) -> None:
        assert self.build is not None
        site_dir = Path(config.site_dir)
        try:
            index_site(site_dir)
        except PagefindFailed as error:
            message = render(error.message, self.build.language)
            raise PluginError(log_line(f"handbook: {message}")) from error
        if self.config.search_extras:
            write_spellings(site_dir, self.build.characters)

    def _index_with_pagefind_later(self, config: MkDocsConfig) -> None:
        """In a preview, Pagefind indexes the whole site after the rebuild, while the browser already shows the edit.

        Pagefind reads every page of the site (about 13 s at 2,200 pages): waiting for
        it would hold each edit back that long. Until its line is printed, search
        answers from the site as it was before; a failure is printed, not raised, and
        the next rebuild tries again.
        """
        assert self.build is not None and self.preview is not None
        site_dir = Path(config.site_dir)
        language = self.build.language
        # The characters of the pages built in this preview so far: those MkDocs skipped are
        # in there from when they were built. One that a later edit removed stays, which
        # only adds an unused entry to the spellings table.
        self.preview.characters |= self.build.characters
        characters = set(self.preview.characters) if self.config.search_extras else None

        def index() -> None:
            started = time.monotonic()
            try:
                index_site(site_dir)
                if characters is not None:
                    write_spellings(site_dir, characters)
            except (PagefindFailed, OSError) as error:
                text = render(error.message, language) if isinstance(error, PagefindFailed) else str(error)
                line = msg("serve.search_failed", error=text)
            else:
                line = msg("serve.search_updated", seconds=f"{time.monotonic() - started:.1f}")
            serve_log.info(log_line(f"handbook: {render(line, language)}"))

        self.preview.search_index.run_later(index)

    def _finish_search_index(self, config: MkDocsConfig) -> None:
        assert self.build is not None
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if not index_file.is_file() or not (self.config.search_extras or self.config.compact_search_index):
            return
        index = json.loads(index_file.read_text(encoding="utf-8"))
        if self.preview is not None and self.preview.incremental:
            index = self._merge_rebuilt_entries(index)
        elif self.config.search_extras and self.build.handbook is not None:
            add_search_terms(
                index,
                terms=self.build.handbook.glossary,
                topics=self.build.topics_by_location,
                contexts=self.build.contexts_by_location,
            )
        # Without compaction the index keeps the format Material writes (ASCII escapes).
        text = compact_index(index) if self.config.compact_search_index else json.dumps(index, separators=(",", ":"))
        write_replacing(index_file, text, within=Path(config.site_dir))

    def _merge_rebuilt_entries(self, index: dict[str, Any]) -> dict[str, Any]:
        """The whole index from the last build's finished entries and this build's new ones.

        Material's own merge for `--dirty` assumes one page was rebuilt; here any
        number are, and only their new entries get the extra search words.
        """
        assert self.build is not None and self.preview is not None
        by_page = self.preview.index_by_page
        new = [entry for url in self.build.rebuilt_urls for entry in self.build.new_entries.get(url, [])]
        handbook = self.build.handbook
        if self.config.search_extras and handbook is not None and new:
            add_search_terms(
                {"config": index.get("config", {}), "docs": new},
                terms=handbook.glossary,
                topics=self.build.topics_by_location,
                contexts=self.build.contexts_by_location,
            )
        for url in self.build.rebuilt_urls:
            by_page[url] = self.build.new_entries.get(url, [])
        # A page gone since (a role deleted) takes its entries with it.
        for url in set(by_page) - set(self.build.page_urls):
            del by_page[url]
        index["docs"] = [entry for url in self.build.page_urls for entry in by_page.get(url, [])]
        if self.config.search_extras:
            fields = index.setdefault("config", {}).setdefault("fields", {})
            for name, spec in EXTRA_FIELDS.items():
                fields.setdefault(name, spec)
            add_variant_fold(index)
        return index

    def _report_preview(self, config: MkDocsConfig) -> None:
        """The status the page script reads, and one line in the handbook's language."""
        build, report = self.build, self.build.report if self.build is not None else None
        assert build is not None and report is not None
        status = preview.status_json(build.shown_errors, language=build.language, rules_url=build.rules_url)
        write_replacing(Path(config.site_dir) / preview.STATUS_FILE, status, within=Path(config.site_dir))
        seconds = build.seconds()
        if build.shown_errors:
            line = msg("serve.rebuilt_errors", count=len(build.shown_errors), seconds=seconds)
        elif report.warnings:
            line = msg("serve.rebuilt_warnings", count=len(report.warnings), seconds=seconds)
        else:
            line = msg("serve.rebuilt", seconds=seconds)
        serve_log.info(log_line(f"handbook: {render(line, build.language)}"))
        for problem in build.shown_errors:
            serve_log.info(log_line(f"  {problem}"))

    def on_build_error(self, *, error: Exception) -> None:
        if self.preview is not None:
            # What the failed build meant to write may be missing: the next one writes every page.
            self.preview.written.clear()
        if self.build is not None and self.preview is not None:
            line = msg("serve.failed", seconds=self.build.seconds(), error=str(error))
            serve_log.info(log_line(f"handbook: {render(line, self.build.language)}"))
        self._close_build()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            for folder in KIND_BY_FOLDER:
                if (self.root / folder).is_dir():
                    server.watch(str(self.root / folder))
            if (self.root / GLOSSARY_FILE).is_file():
                server.watch(str(self.root / GLOSSARY_FILE))
        return server


def _material_search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries Material's search plugin has made in this build so far (None without that plugin)."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        entries = getattr(index, "entries", None)
        if isinstance(entries, list):
            return entries
    return None


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
