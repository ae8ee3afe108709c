"""The glossary's other use besides its page: abbreviation tooltips.

- `abbreviations_markdown`: Python-Markdown `abbr` definitions (`*[GMV]: …`),
  appended to every page through `pymdownx.snippets`, so each GMV in the text
  shows its meaning on hover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import escape

from generator.source.model import Term

_WHITESPACE = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def term_title(term: Term) -> str:
    """The tooltip text of a term: its expansion, then what it means."""
    parts = [_one_line(term.expansion), _one_line(term.explanation)]
    return "：".join(part for part in parts if part)


def abbreviation_title(text: str, *, read_as_html: bool) -> str:
    """Tooltip text as an `abbr` definition must write it to show as itself.

    Python-Markdown writes a definition's text into the `title` attribute with
    `<` escaped but entities (`&lt;`, `&#60;`) kept as they are, so the text is
    escaped once here to show as written. Material's tooltips (`content.tooltips`)
    then write the attribute's value into the page as HTML: for them it is
    escaped twice, so the tooltip shows `<img …>` and `&lt;` as text too.
    """
    once = str(escape(text))
    return str(escape(once)) if read_as_html else once


def abbreviations_markdown(terms: Iterable[Term], *, tooltips_read_html: bool = True) -> str:
    """`abbr` definitions for every term that can be one.

    A term with `]` or `\\` cannot be written as a definition, nor one with nothing to
    show (a blank expansion and explanation); left in, its line would become a
    paragraph at the end of every page, so it is skipped.
    `tooltips_read_html`: the theme shows the definitions as HTML (see `abbreviation_title`).
    """
    lines = []
    for term in terms:
        word = _one_line(term.term)
        title = term_title(term)
        if not word or not title or "]" in word or "\\" in word:
            continue
        lines.append(f"*[{word}]: {abbreviation_title(title, read_as_html=tooltips_read_html)}")
    return "\n".join(lines) + "\n" if lines else ""
