"""Options of the `handbook` MkDocs plugin, as written under `plugins:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class HandbookConfig(Config):  # type: ignore[no-untyped-call]
    enabled = opt.Type(bool, default=True)

    # Where the handbook's roles/ and processes/ live, relative to mkdocs.yml.
    root = opt.Type(str, default=".")

    # Re-level or switch off rules: `HB101: warning`, `step-has-owner: off`.
    rules = opt.DictOfItems(opt.Choice(("error", "warning", "off")), default={})

    # Build the navigation from the handbook when mkdocs.yml has no `nav:`.
    navigation = opt.Type(bool, default=True)
    # Hand-written pages for the people who edit the handbook (paths in the docs folder): the
    # navigation lists them with the rules page in a last section of their own, after the readers' pages.
    maintainer_pages = opt.ListOfItems(opt.Type(str), default=["editing.md"])

    # Rewrite Material's search index smaller (UTF-8, no redundant separators); same results.
    compact_search_index = opt.Type(bool, default=True)

    # Let readers find pages the way they type: the other Chinese script, parts of long
    # words and glossary synonyms go into the search index, and the handbook's words into
    # jieba's dictionary (see generator.search_terms and generator.source.glossary).
    search_extras = opt.Type(bool, default=True)

    # Which search answers Material's search box: `material` (its lunr index, with the extras
    # above), `pagefind` (a chunked index the browser fetches only the parts of a query needs,
    # built after the site; see generator.mkdocs_plugin.pagefind) or `auto`: Pagefind from
    # `pagefind_from_pages` pages up. benchmarks/search_cost.py (CPU 4x slower): Material's first
    # result takes 2.50 s on the example (36 pages) and 6.82 s at 2,207 pages, about 2 ms more
    # per page, so it passes 1.3x the example's time (3.25 s) near 400 pages; Pagefind stays at
    # 2.2-2.5 s at every size but ranks the example's held-out queries worse (54% against 58%
    # first), so small handbooks keep Material's search.
    search_engine = opt.Choice(("material", "pagefind", "auto"), default="auto")
    pagefind_from_pages = opt.Type(int, default=400)

    # Where readers' browsers get Mermaid (flow and org-chart diagrams): `cdn` is Material's
    # default (unpkg.com, needs the internet); `local` serves the copy `make` installed with the site.
    mermaid = opt.Choice(("cdn", "local"), default="cdn")

    # Who approves changes to the tool and its settings (mkdocs.yml, generator/, .github/,
    # Makefile) and to the shared pages: git-host handles or e-mail addresses, written into
    # CODEOWNERS by `handbook codeowners` (generator.source.codeowners).
    maintainers = opt.ListOfItems(opt.Type(str), default=[])
