"""Connect MkDocs events to the handbook core; the work itself lives in `generator`.

Each event does the one job it is for: `on_config` checks the handbook and sets
what MkDocs and Material read from the config (glossary extensions,
assets), `on_files` renders the pages and adds them, `on_nav`/`on_post_page`
serve an incremental preview, `on_post_build` writes the search index (generator.search). State
lives in `build_context`: a `Preview` for a serve session, a `Build` per build.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from generator.engines.build_date import last_changed_days, reproducible_build_date
from generator.engines.editor.bundle import EditorMissing
from generator.engines.editor.site_files import EditorFile, backend_of, editor_files, editor_settings
from generator.engines.mkdocs_plugin import preview
from generator.engines.mkdocs_plugin.assets import SiteAssets, hand_written_diagrams, site_assets
from generator.engines.mkdocs_plugin.build_context import Build, Preview, Rendered
from generator.engines.mkdocs_plugin.config import HandbookConfig
from generator.engines.mkdocs_plugin.glossary_wiring import add_abbreviations
from generator.engines.mkdocs_plugin.mermaid import MermaidMissing
from generator.engines.mkdocs_plugin.palette import add_palette_switch
from generator.engines.mkdocs_plugin.theme_language import adopt_theme_language, localise_theme, theme_globals
from generator.engines.serve import REBUILD_REPORT, SHOWS_ERRORS
from generator.render.checklists import checklist_files_by_stage
from generator.render.compiled_templates import compiled_templates
from generator.render.escaping import theme_title
from generator.render.incremental import render_units
from generator.render.navigation import navigation
from generator.render.output_escaping import log_line
from generator.render.pages import Page
from generator.render.raw_blocks import EXTENSION_NAME as RAW_BLOCKS
from generator.render.redirects import redirect_html, redirects_of
from generator.render.renderer import Renderer
from generator.render.reporting import format_text, rules_page_url
from generator.render.urls import stage_path
from generator.rules.checking import LastReport, NotAHandbook, settings_with_options
from generator.rules.inputs import real_files_only
from generator.rules.text import text_length
from generator.search import write_search_index
from generator.search.entities import search_catalog
from generator.search.labels import search_labels
from generator.source.building import build_handbook
from generator.source.files import LinkRefused, links_and_special_files, read_text_if_regular, write_replacing
from generator.source.glossary import abbreviations_markdown
from generator.source.loading import GLOSSARY_FILE, KIND_BY_FOLDER
from generator.source.model import Department, Handbook, Process, Role
from generator.source.people import published
from generator.source.problems import Finding
from generator.source.reviews import (
    ReviewSettings,
    date_was_given,
    latest_review_day,
    review_settings_from_options,
    today_from_environment,
)
from generator.source.site_config import CONFIG_FILE, site_folders, site_settings_of_file
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
        # The editor's files under admin/ (empty unless mkdocs.yml switches the editor on).
        self.editor_files: list[EditorFile] = []
        # The last check; `handbook build` hands over the one it made before starting MkDocs.
        self.last_report = LastReport()

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

    # Before other plugins read the config this event completes (the extensions, the assets).
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
        add_palette_switch(config, labels_for(language))
        build = self.build = Build(language=language)
        # A plain `mkdocs build` gets the same reproducible date `handbook build` sets.
        build.restore.enter_context(reproducible_build_date(self.config_file_dir))
        build.review = self._review_settings(config)
        try:
            report = build.report = self.last_report.check(
                self.root,
                settings=settings_with_options(
                    self.config.rules,  # type: ignore[arg-type]
                    {"vacant_roles": self.config.vacant_roles},
                ),
                language=language,
                site_folders=site_folders(self.config_file_dir, {"docs_dir": config.docs_dir}),
                site=site_settings_of_file(
                    Path(config.config_file_path or CONFIG_FILE),
                    handbook_root=self.root,
                    site_url=config.site_url or None,
                ),
                parsed=self.preview.parsed if self.preview is not None else None,
                review=build.review,
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
        strict_warnings = set(report.strict_warnings)
        for problem in report.warnings:
            # An overdue review is news for its owner: shown, but not a warning that stops `--strict`
            # unless mkdocs.yml asks (overdue_fails_strict).
            (log.warning if problem in strict_warnings else log.info)(log_line(str(problem)))
        # A preview with errors keeps the pages of the last handbook that built and shows the findings.
        build.shown_errors = report.errors
        handbook = report.handbook if not report.errors else self._last_good_handbook()
        if handbook is not None:
            self._configure_glossary(config, handbook, language)
        self._add_assets(config)
        self.editor_files = self._editor_files(config, handbook, language)
        if RAW_BLOCKS not in config.markdown_extensions:
            # The pages' raw HTML tables go to Markdown as they are (most of a process page's cost).
            # By name, so the configuration stays plain data (the Zensical engine writes it out).
            config.markdown_extensions.append(RAW_BLOCKS)
        if self.config.navigation and config.nav is None and handbook is not None:
            # A big handbook's sidebar leaves pages out on purpose (the index pages list
            # them, see render.NAVIGATION_SECTION_LIMIT): don't log a thousand of them.
            config.validation.nav.omitted_files = logging.DEBUG
        return config

    def _review_settings(self, config: MkDocsConfig) -> ReviewSettings:
        """Today (once the build date is set, see on_config) and the review options in mkdocs.yml."""
        config_file = Path(config.config_file_path or "mkdocs.yml")
        today = today_from_environment()
        return review_settings_from_options(
            {"review_in": self.config.review_in, "overdue_fails_strict": self.config.overdue_fails_strict},
            today=today,
            latest_day=latest_review_day(today, given=date_was_given()),
            config_path=Path(os.path.relpath(config_file, self.root)).as_posix(),
            config_text=read_text_if_regular(config_file) or "",
        )

    def _edit_urls(self, config: MkDocsConfig, handbook: Handbook) -> dict[str, str]:
        """Where each role, process and department file is edited on the git host, as MkDocs makes edit links."""
        repo_url, edit_uri = config.repo_url or "", config.edit_uri or ""
        if not edit_uri or edit_uri_template_set(config):
            return {}
        if repo_url and not edit_uri.startswith(("?", "#")) and not repo_url.endswith("/"):
            repo_url += "/"
        docs_dir = Path(config.docs_dir)
        found = {}
        things: tuple[Department | Role | Process, ...] = (*handbook.departments, *handbook.roles, *handbook.processes)
        for thing in things:
            relative = Path(os.path.relpath(self.root / thing.path, docs_dir)).as_posix()
            found[thing.path] = urljoin(repo_url, edit_uri + relative)
        return found

    def _editor_files(self, config: MkDocsConfig, handbook: Handbook | None, language: Language) -> list[EditorFile]:
        """The editor at /admin/ when mkdocs.yml asks for it (`editor: enabled: true`); on_files adds them."""
        options = self.config.editor
        if not options.enabled or handbook is None:
            return []
        backend = backend_of(options, repo_url=config.repo_url, edit_uri=config.edit_uri)
        settings = editor_settings(self.root, language=language, backend=backend, site_url=config.site_url or None)
        try:
            return editor_files(handbook, settings)
        except EditorMissing as error:
            raise PluginError(log_line(f"handbook: {render(error.message, language)}")) from error

    def _last_good_handbook(self) -> Handbook | None:
        last = self.preview.last_good if self.preview is not None else None
        return last.handbook if last is not None else None

    def _configure_glossary(self, config: MkDocsConfig, handbook: Handbook, language: Language) -> None:
        """Abbreviation tooltips on every page."""
        assert self.build is not None
        # Material's improved tooltips show an abbreviation's title as HTML; the browser's own, as text.
        tooltips_read_html = "content.tooltips" in (config.theme.get("features") or [])
        try:
            add_abbreviations(config, abbreviations_markdown(handbook.glossary, tooltips_read_html=tooltips_read_html))
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
            # A page swapped in by the theme's instant navigation draws its diagrams before the
            # scripts inside it have loaded; a hand-written page gets no <script> from the renderer.
            features = config.theme.get("features")
            instant = isinstance(features, list) and "navigation.instant" in features
            everywhere = self.config.mermaid == "local" and (instant or hand_written_diagrams(Path(config.docs_dir)))
            self.assets = site_assets(
                mermaid=self.config.mermaid, search=self.config.search, mermaid_everywhere=everywhere
            )
        except MermaidMissing as error:
            raise PluginError(log_line(f"handbook: {error}")) from error
        if self.preview is not None:
            # A preview shows the findings of a broken edit on whichever page is open.
            self.assets = SiteAssets(
                self.assets.stylesheets, (*self.assets.scripts, preview.SCRIPT), self.assets.diagram_script
            )
        # `mkdocs serve` may hand the same config to on_config again: add each file once.
        for asset in self.assets.stylesheets:
            if asset.url not in config.extra_css:
                config.extra_css.append(asset.url)
        present = {str(script) for script in config.extra_javascript}
        scripts = [asset.url for asset in self.assets.scripts if asset.url not in present]
        # First in the list: Mermaid must be defined before any other script asks for it.
        config.extra_javascript[0:0] = scripts

    def _navigation(self, config: MkDocsConfig, handbook: Handbook, generated: set[str]) -> list[Any]:
        """Home, the readers' sections, other hand-written pages, then a last section for editors.

        Before a preview's first good build `handbook` is empty: home, the hand-written pages
        and the editors' section (the rules page the findings link to).
        """
        assert self.build is not None
        docs_dir = Path(config.docs_dir)
        written = sorted(
            path.relative_to(docs_dir).as_posix()
            for path in docs_dir.rglob("*.md")
            if path.relative_to(docs_dir).as_posix() not in generated
        )
        home = [path for path in written if path in ("index.md", "README.md")]
        for_editors = [path for path in self.config.maintainer_pages if path in written]
        others = [path for path in written if path not in home and path not in for_editors]
        handbook_nav = navigation(handbook, language=self.build.language, maintainer_pages=for_editors)
        readers = handbook_nav.readers if handbook.roles or handbook.processes else []
        # Material shows the site name above the navigation; the home page's own title
        # (usually the same name) would repeat it right below.
        home_label = labels_for(self.build.language)["home"]
        return [*({home_label: path} for path in home), *readers, *others, *handbook_nav.maintainers]

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
        # What the site may show of people/ (the `people:` option): pages, navigation, search index
        # and downloads are all made from this handbook, so a hidden person reaches none of them.
        handbook = published(self.build.report.handbook, self.config.people)
        language, site_url = self.build.language, config.site_url
        directory_urls = config.use_directory_urls
        review = self.build.review
        last_changed = last_changed_days(self.root, [source.path for source in self.build.report.sources])
        edit_urls = self._edit_urls(config, handbook)
        # Today, the git dates and the edit links change pages too: any change renders every page again.
        diagram_script = self.assets.diagram_script.url if self.assets.diagram_script is not None else None
        settings = (
            language,
            site_url,
            directory_urls,
            review,
            tuple(sorted(last_changed.items())),
            edit_urls,
            diagram_script,
        )
        last = self.preview.last_good if self.preview is not None else None
        if last is not None and last.settings != settings:
            last = None
        if last is not None and last.handbook == handbook:
            # No YAML changed (a Markdown edit), so neither did any page.
            self.build.rendered = last
            self.build.kept_pages = frozenset(page.path for page in last.pages)
            return last
        renderer = Renderer(
            handbook,
            language=language,
            site_url=site_url,
            directory_urls=directory_urls,
            review=review,
            last_changed=last_changed,
            edit_urls=edit_urls,
            diagram_script=diagram_script,
        )
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
        pages: tuple[Page, ...] = ()
        if rendered is not None:
            pages = rendered.pages
            self._add_generated(files, config, rendered)
            self._remove_standins(files, config)
        elif self.preview is not None and self.build.shown_errors:
            pages = self._add_standins(files, config)
        if self.config.navigation and config.nav is None and (rendered is not None or pages):
            # Set here, not in on_config: MkDocs builds the navigation after on_files.
            handbook = rendered.handbook if rendered is not None else build_handbook(())
            config.nav = self._navigation(config, handbook, {page.path for page in pages})
        for asset in self.assets.all:
            if files.get_file_from_path(asset.url) is None:
                files.append(File.generated(config, asset.url, abs_src_path=str(asset.source)))
        for editor_file in self.editor_files:
            if files.get_file_from_path(editor_file.path) is not None:
                continue  # a hand-written admin/ page wins
            if editor_file.content is not None:
                self._append(files, config, editor_file.path, editor_file.content)
            else:
                files.append(File.generated(config, editor_file.path, abs_src_path=str(editor_file.source)))
        if self.preview is not None:
            rules_page = files.get_file_from_path(preview.RULES_PAGE)
            self.build.rules_url = rules_page.url if rules_page is not None else None
            errors = preview.errors_page(
                self.build.shown_errors,
                language=self.build.language,
                rules_href=preview.RULES_PAGE if rules_page is not None else None,
                never_built=self.build.never_built,
            )
            self._append(files, config, preview.ERRORS_PAGE, errors)
        if rendered is not None:
            self._add_redirects(files, config, rendered.handbook)
        return files

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
        self._add_pages(files, config, rendered.pages)
        # Checklist downloads: plain files, copied as they are.
        for download in rendered.downloads:
            if files.get_file_from_path(download.path) is None:
                self._append(files, config, download.path, download.content)

    def _add_pages(self, files: Files, config: MkDocsConfig, pages: Iterable[Page]) -> None:
        docs_dir = Path(config.docs_dir)
        for page in pages:
            if files.get_file_from_path(page.path) is not None:
                # Hand-written pages win: never overwrite what a person wrote.
                log.info(log_line(f"handbook: keeping the hand-written {page.path} instead of the generated page"))
                continue
            file = self._append(files, config, page.path, page.content)
            # The edit button opens the YAML a person should change, not the generated Markdown.
            file.edit_uri = Path(os.path.relpath(self.root / page.source, docs_dir)).as_posix() if page.source else None

    def _add_standins(self, files: Files, config: MkDocsConfig) -> tuple[Page, ...]:
        """A preview started on a handbook with errors: the rules page, and the findings at every page's address.

        There is no last good build to keep (see preview.standin_pages): without these, a role's
        address is a 404 and the findings link to a rules page that does not exist.
        """
        assert self.build is not None and self.build.report is not None
        self.build.never_built = True
        language = self.build.language
        renderer = Renderer(
            build_handbook(()), language=language, site_url=config.site_url, directory_urls=config.use_directory_urls
        )
        pages = (
            renderer.rules_page(),
            *preview.standin_pages(
                self.build.report.sources, self.build.shown_errors, language=language, rules_page=preview.RULES_PAGE
            ),
        )
        self._add_pages(files, config, pages)
        if self.preview is not None:
            self.preview.standins.update(page.path for page in pages)
        return pages

    def _remove_standins(self, files: Files, config: MkDocsConfig) -> None:
        """The first good build: a page of findings at an address the handbook has no page for goes.

        MkDocs' `--dirty` rebuild never removes a file; the findings would stay at, say,
        `glossary/` of a handbook without a glossary until the preview restarts.
        """
        if self.preview is None or not self.preview.standins:
            return
        site_dir = Path(config.site_dir)
        for path in self.preview.standins:
            if files.get_file_from_path(path) is None:
                stale = File(path, src_dir=None, dest_dir=str(site_dir), use_directory_urls=config.use_directory_urls)
                (site_dir / stale.dest_uri).unlink(missing_ok=True)
                self.preview.written.pop(path, None)
        self.preview.standins.clear()

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
            if file.is_modified():
                continue
            if file.src_uri in titles:
                page.title = titles[file.src_uri]
            elif page.markdown is None:
                page.markdown = file.content_string
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if not self.config.enabled:
            return env
        if self.build is not None:
            # Material's strings that its translations leave in English (footer, 404).
            env.globals.update(theme_globals(labels_for(self.build.language)))
        if env.bytecode_cache is None:
            # MkDocs makes a new environment for every build: without a cache each one compiles
            # Material's templates again. A preview keeps them in memory; a build, on disk.
            env.bytecode_cache = self.preview.templates if self.preview is not None else compiled_templates()
        return env

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        """In an incremental preview, note the title each page was built with (see on_nav)."""
        if self.config.enabled and self.preview is not None and self.preview.incremental and page.title is not None:
            self.preview.titles[page.file.src_uri] = page.title
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

    # After other plugins' on_post_build: the index reads the pages as they end up in the site.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.build is None:
            return
        try:
            if self.config.search:
                self._write_search_index(config)
            if self.preview is not None:
                self._report_preview(config)
                self.preview.collect_when_idle()
        finally:
            self._close_build()

    def _write_search_index(self, config: MkDocsConfig) -> None:
        """The handbook's search index of the built site (generator.search); in a preview, after the page shows.

        A preview writes it in the background (about two seconds at 2,200 pages): until
        its line is printed, search answers from the site as it was before; a failure is
        printed, not raised, and the next rebuild tries again.
        """
        assert self.build is not None
        handbook = self.build.handbook
        if handbook is None and self.build.never_built:
            # The hand-written pages and the rules page: the search box still answers (and finds its files).
            handbook = build_handbook(())
        if handbook is None:
            return
        site_dir = Path(config.site_dir)
        catalog = search_catalog(
            handbook, directory_urls=config.use_directory_urls, maintainer_pages=tuple(self.config.maintainer_pages)
        )
        labels = search_labels(self.build.language)
        language = self.build.language

        def index() -> None:
            write_search_index(site_dir, catalog, labels=labels, directory_urls=config.use_directory_urls)

        if self.preview is None:
            try:
                index()
            except (OSError, LinkRefused) as error:
                raise PluginError(log_line(f"handbook: {error}")) from error
            return

        def index_in_background() -> None:
            started = time.monotonic()
            try:
                index()
            except (OSError, LinkRefused) as error:
                line = msg("serve.search_failed", error=str(error))
            else:
                line = msg("serve.search_updated", seconds=f"{time.monotonic() - started:.1f}")
            serve_log.info(log_line(f"handbook: {render(line, language)}"))

        self.preview.search_index.run_later(index_in_background)

    def _report_preview(self, config: MkDocsConfig) -> None:
        """The status the page script reads, and one line in the handbook's language."""
        build, report = self.build, self.build.report if self.build is not None else None
        assert build is not None and report is not None
        status = preview.status_json(
            build.shown_errors, language=build.language, rules_url=build.rules_url, never_built=build.never_built
        )
        write_replacing(Path(config.site_dir) / preview.STATUS_FILE, status, within=Path(config.site_dir))
        seconds = build.seconds()
        if build.shown_errors:
            line = msg("serve.rebuilt_errors", count=len(build.shown_errors), seconds=seconds)
        elif report.warnings:
            line = msg("serve.rebuilt_warnings", count=len(report.warnings), seconds=seconds)
        else:
            line = msg("serve.rebuilt", seconds=seconds)
        # One record: `handbook serve` prints MkDocs' warnings of the rebuild after it (engines/serve.py).
        lines = [log_line(f"handbook: {render(line, build.language)}")]
        lines += [log_line(f"  {problem}") for problem in build.shown_errors]
        serve_log.info("\n".join(lines), extra={REBUILD_REPORT: True, SHOWS_ERRORS: bool(build.shown_errors)})

    def on_build_error(self, *, error: Exception) -> None:
        if self.preview is not None:
            # What the failed build meant to write may be missing: the next one writes every page.
            self.preview.written.clear()
        if self.build is not None and self.preview is not None:
            line = msg("serve.failed", seconds=self.build.seconds(), error=str(error))
            serve_log.info(log_line(f"handbook: {render(line, self.build.language)}"), extra={REBUILD_REPORT: True})
        self._close_build()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            for folder in KIND_BY_FOLDER:
                if (self.root / folder).is_dir():
                    server.watch(str(self.root / folder))
            if (self.root / GLOSSARY_FILE).is_file():
                server.watch(str(self.root / GLOSSARY_FILE))
        return server


def edit_uri_template_set(config: MkDocsConfig) -> bool:
    """Whether mkdocs.yml builds edit links from `edit_uri_template` (then the pages' own buttons are the links)."""
    return bool(config.get("edit_uri_template"))


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
