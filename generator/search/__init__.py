"""The handbook's own site search: one index and one search box, whatever engine built the site.

Data flows one way, as in the rest of the tool:

- `text`: how words are cut and compared (the browser's handbook-search.js does the same);
- `pages`: the built HTML pages → sections of plain text (the engine's output, read as a reader sees it);
- `entities`: the model → what each page and section *is* (a role, a stage, a step, a document,
  a metric, a glossary term, with their other names), so a query that names a thing lands on it;
- `index`: sections and entities → the index files the browser fetches (only the parts a query needs).

Nothing here imports MkDocs or Zensical: the engines call `write_search_index` after they
have written the pages.
"""

from generator.search.index import SEARCH_FOLDER, write_search_index

__all__ = ["SEARCH_FOLDER", "write_search_index"]
