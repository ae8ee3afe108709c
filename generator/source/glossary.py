"""The glossary's other two uses besides its page: abbreviation tooltips and search words.

- `abbreviations_markdown`: Python-Markdown `abbr` definitions (`*[GMV]: …`),
  appended to every page through `pymdownx.snippets`, so each GMV in the text
  shows its meaning on hover.
- `search_words` / `jieba_user_dictionary`: the words Chinese search must keep
  whole. Material's search cuts Chinese text with jieba; without help it cuts
  市場趨勢分析報告 into 市場/趨勢/分析/報告, so the name itself never matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import escape

from generator.source.documents import documents_of
from generator.source.model import Handbook, Term

# Han characters, as Material's search segments them (`\p{script: Han}`, see its search plugin).
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# Longer runs are phrases or sentences ("與新客獲客量的目標達成率"), not names: kept whole,
# they would hide their own words from search.
MAX_WORD_LENGTH = 10
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


def _han_words(text: str) -> list[str]:
    return [run for run in _HAN_RUN.findall(text) if 2 <= len(run) <= MAX_WORD_LENGTH]


def search_words(handbook: Handbook) -> list[str]:
    """Chinese words search must keep whole: glossary terms and synonyms, role, stage, step and
    document titles, and metric names; in that order, each once."""
    texts: list[str] = []
    for term in handbook.glossary:
        texts.extend((term.term, *term.synonyms))
    texts.extend(role.title for role in handbook.roles)
    for process in handbook.processes:
        texts.append(process.title)
        texts.extend(stage.title for stage in process.stages)
        texts.extend(step.title for _, step in process.steps())
    texts.extend(document.name for document in documents_of(handbook))
    texts.extend(metric for role in handbook.roles for metric in role.metrics)
    return list(dict.fromkeys(word for text in texts for word in _han_words(text)))


def jieba_user_dictionary(handbook: Handbook) -> str:
    """A jieba user dictionary: one word a line.

    No frequency is given: jieba then picks one just high enough for the word to
    be cut whole (`suggest_freq`), without swallowing the words around it.
    """
    return "".join(f"{word}\n" for word in search_words(handbook))
