"""Connect MkDocs events to the handbook core; the work itself lives in `generator`."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.checking import NotAHandbook, Report, check_handbook
from generator.loading import KIND_BY_FOLDER
from generator.mkdocs_plugin.config import HandbookConfig
from generator.render import Page, navigation, render_pages
from generator.reporting import format_text

log = logging.getLogger("mkdocs.plugins.handbook")


class HandbookPlugin(BasePlugin[HandbookConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.report: Report | None = None
        self.pages: list[Page] = []
        self.language: str | None = None

    @property
    def root(self) -> Path:
        assert self.config_file_dir is not None
        return (self.config_file_dir / self.config.root).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.config_file_dir = Path(config.config_file_path or ".").parent
        # Material's search imports jieba, which announces its dictionary loading on every build.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        try:
            self.report = check_handbook(self.root, settings=self.config.rules)  # type: ignore[arg-type]
        except NotAHandbook as error:
            raise PluginError(f"handbook: {error}") from error
        if self.report.errors:
            # The same text `handbook validate` prints, so the two never disagree.
            raise PluginError("the handbook has errors:\n" + format_text(self.report.problems))
        for problem in self.report.warnings:
            log.warning(str(problem))
        self.language = config.theme.get("language") if config.theme else None
        self.pages = render_pages(self.report.handbook, language=self.language)
        if self.config.navigation and config.nav is None:
            config.nav = self._navigation(config)
        return config

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

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        docs_dir = Path(config.docs_dir)
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                # Hand-written pages win: never overwrite what a person wrote.
                log.info(f"handbook: keeping the hand-written {page.path} instead of the generated page")
                continue
            file = File.generated(config, page.path, content=page.content)
            # The edit button opens the YAML a person should change, not the generated Markdown.
            file.edit_uri = Path(os.path.relpath(self.root / page.source, docs_dir)).as_posix() if page.source else None
            files.append(file)
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            for folder in KIND_BY_FOLDER:
                if (self.root / folder).is_dir():
                    server.watch(str(self.root / folder))
        return server
