"""Extra words for the search index, so readers find pages the way they type.

Material's search (lunr in the browser) only finds words that are in the index.
A reader of a Traditional-Chinese handbook often types Simplified characters
(调研 for 調研), a part of a name (調研 inside 市場調研專員, which the handbook's
jieba dictionary keeps whole), or another word for the same thing (投資回報率
for ROI). This module adds what the index lacks, without changing what a page
shows:

- The other script and regional variants: a fold of every character the
  index uses, and of its variants in OpenCC's tables, to one character per class
  (调 and 調, 周 and 週, 台 and 臺 fold together; see `variant_fold`). It travels
  in the index (`handbook.fold`); the site's search.js folds both the query and
  the index's words with it and sends the index's own words that match, so the
  index holds every word once, as the handbook writes it.
- Parts of long names (`alt_title`, `about`): jieba's dictionary is
  Simplified, so a long word is converted, cut in jieba's search mode (which
  yields the words inside longer words) and mapped back by position.
- Synonyms (`alt_title`, `alt_text`): when an entry mentions any word of a
  glossary term (the term, its expansion or a synonym), the others are added.
- What an entry is about (`about`, see EXTRA_FIELDS).

Nothing here imports MkDocs; the plugin calls `add_search_terms` on the index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.render.escaping import html_text
from generator.render.urls import METRICS_PATH, stage_path
from generator.source.model import Handbook, Term

# The extra fields and their boosts. `alt_title` and `alt_text` mirror Material's `title`
# and `text`, so a part or a synonym ranks as the word it stands for would.
# `about` holds the names an entry is about (a role's title on its page, a step's title
# on its section, a document's name on the documents page, a term on the glossary) and
# outranks titles that merely contain the word.
EXTRA_FIELDS: dict[str, dict[str, float]] = {
    "alt_title": {"boost": 1e3},
    "alt_text": {"boost": 1e0},
    "about": {"boost": 1e4},
}
_SOURCE_FIELD = {"alt_title": "title", "alt_text": "text"}

# How much all results from a page weigh (Material's `search: boost` page meta), by page path.
# Pages that list every role, process or metric are a reader's way in, not an answer: a word
# of one role's metrics lands on that role's page, not on the list of all metrics. The pages
# for the handbook's editors (the rules) rank after every page for readers; hand-written
# pages set their own (the example's editing guide does, in its front matter).
LISTING_BOOST = 0.1
EDITORS_BOOST = 0.0001
PAGE_BOOSTS: dict[str, float] = {
    "roles/index.md": LISTING_BOOST,
    "processes/index.md": LISTING_BOOST,
    "org-chart.md": LISTING_BOOST,
    METRICS_PATH: LISTING_BOOST,
    "rules.md": EDITORS_BOOST,
}
# Between a result's own title and the title of what it belongs to ("預熱期 · 活動生命週期").
CONTEXT_SEPARATOR = " · "


def stage_contexts(handbook: Handbook) -> dict[str, str]:
    """The process each stage page belongs to (its title), by page path: search results name it."""
    return {stage_path(process, stage): process.title for process in handbook.processes for stage in process.stages}


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# `[^<>]`, not `[^>]`: a tag holds no `<`, and each `<` of a long run of them would otherwise
# scan to the end of the text again (quadratic).
_TAG = re.compile(r"<[^<>]*>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#39);")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'"}


@cache
def _converter(config: str) -> Any:
    import opencc  # imported here: only builds with search need it

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    return str(_converter("s2t").convert(text))


def _jieba() -> Any:
    import jieba  # imported here: the validator never needs it

    return jieba


@dataclass(frozen=True)
class SynonymGroup:
    """Words that mean the same thing, as the glossary writes them."""

    words: frozenset[str]
    # The forms to look for in a page's text (lower case, as the index stores them).
    needles: tuple[str, ...]


def synonym_groups(terms: Iterable[Term]) -> list[SynonymGroup]:
    """One group per glossary term: the term, its expansion's parts and its synonyms."""
    groups = []
    for term in terms:
        written = [term.term, *term.synonyms]
        # "Return on Investment（投資回報率）": the English and the Chinese part both count.
        written += [part.strip() for part in re.split(r"[（）()]", term.expansion) if part.strip()]
        forms = {word.strip().lower() for word in written if word.strip()}
        if len(forms) > 1:
            groups.append(SynonymGroup(frozenset(forms), tuple(sorted(forms, key=len, reverse=True))))
    return groups


def _plain(value: str) -> str:
    """Index text as a reader sees it: no tags, no entities, no zero-width spaces."""
    value = _TAG.sub(" ", value)
    value = _ENTITY.sub(lambda match: _ENTITIES[match.group(0)], value)
    return value.replace("\u200b", "")


def _parts(word: str) -> set[str]:
    """The shorter words inside a long word, in the word's own script.

    jieba's dictionary is Simplified, so the word is cut in Simplified (search
    mode yields the words inside longer words) and mapped back by position.
    """
    simplified = to_simplified(word)
    if len(simplified) != len(word):
        return set()  # positions would not line up; rare for Chinese
    return {
        word[start:end]
        for _, start, end in _jieba().tokenize(simplified, mode="search")
        if 2 <= end - start < len(word)
    }


_ZWSP = "\u200b"


def glue_single_characters(value: str) -> str:
    """Join each lone Han character that jieba cut out to the word before it (or after it).

    Material cuts a Chinese query into words it finds in the index, trying the
    shortest first: once 調 alone is a word in the index, a search for 調研 is cut
    into 調 and loses 研. Joined to a neighbour (調研 stays findable by its prefix),
    a lone character no longer splits queries. Only zero-width spaces are removed,
    so the text reads exactly the same.
    """
    pieces = value.split(_ZWSP)
    if len(pieces) < 2:
        return value
    glued: list[str] = []
    for piece in pieces:
        lone = len(piece) == 1 and _HAN_RUN.fullmatch(piece) is not None
        if lone and glued and _HAN_RUN.fullmatch(glued[-1][-1:] or " "):
            glued[-1] += piece
        elif glued and len(glued[-1]) == 1 and _HAN_RUN.fullmatch(glued[-1]) and _HAN_RUN.match(piece):
            glued[-1] += piece  # a lone first character joins the word after it
        else:
            glued.append(piece)
    return _ZWSP.join(glued)


def _worth_indexing(word: str) -> bool:
    # One Han character matches half the handbook; a query of one character finds the
    # page through the prefix search on longer words anyway.
    return not (len(word) < 2 and _HAN_RUN.fullmatch(word))


# Words of this many Han characters or more are usually names the handbook's jieba
# dictionary kept whole (市場調研專員); readers also search for their parts (調研).
LONG_WORD = 4


class SearchTerms:
    """Computes the extra words of index entries for one handbook."""

    def __init__(self, separator: str, *, synonyms: Sequence[SynonymGroup] = ()) -> None:
        self.separator = re.compile(separator)
        self.synonyms = synonyms
        # The Chinese names entries are about (see add_to): the words worth cutting into parts.
        self.names: set[str] = set()
        # The same words recur in many entries: work each out once per build.
        self._extra_by_word: dict[str, frozenset[str]] = {}

    def words(self, text: str) -> set[str]:
        """Words as the search worker cuts them: split on the separator, lower case."""
        return {word.lower() for word in self.separator.split(_ENTITY.sub(" ", text)) if word.strip()}

    def _extra_for_word(self, word: str) -> frozenset[str]:
        # Only names (titles, documents, terms) are kept whole by the handbook's jieba
        # dictionary; jieba cuts every other long run into words by itself.
        if word not in self._extra_by_word:
            whole_name = word in self.names and len(word) >= LONG_WORD
            self._extra_by_word[word] = frozenset(_parts(word)) if whole_name else frozenset()
        return self._extra_by_word[word]

    def extra_words(self, value: str, *, parts: bool = True) -> list[str]:
        """Words a reader may type for this text that the text itself lacks.

        `parts`: also the parts of long names (調研 in 市場調研專員).
        """
        own = self.words(_TAG.sub(" ", value))
        candidates: set[str] = set()
        if parts:
            for word in own:
                candidates |= self._extra_for_word(word)
        lowered = _plain(value).lower()
        for group in self.synonyms:
            if any(needle in lowered for needle in group.needles):
                candidates |= {word for form in group.words for word in self.words(form)}
        return sorted(word for word in candidates - own if _worth_indexing(word))

    def about_words(self, names: Sequence[str]) -> list[str]:
        """The words of the names an entry is about, with their other forms.

        A glossary term is about its own entry only: elsewhere (a step called
        "評估 ROI 與 GMV") it is merely mentioned.
        """
        text = " ".join(names)
        words = self.words(text)
        words |= set(self.extra_words(text))
        if not any(name.lower() in group.words for name in names for group in self.synonyms):
            words -= {word for group in self.synonyms for word in group.words}
        return sorted(word for word in words if _worth_indexing(word))

    def add_to(
        self,
        index: dict[str, Any],
        *,
        topics: Mapping[str, Sequence[str]] | None = None,
        contexts: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Add the extra fields to every entry and declare them in `config`.

        `topics` maps an entry's location (`roles/x/`, `processes/p/s/#step`) to the
        names it is about; `contexts` a page's location to the title of what it
        belongs to, which its result's title then shows.
        """
        topics = topics or {}
        contexts = contexts or {}
        self.names = {run for names in topics.values() for name in names for run in _HAN_RUN.findall(name)}
        for entry in index.get("docs", []):
            for key in ("title", "text"):
                if isinstance(entry.get(key), str):
                    entry[key] = glue_single_characters(entry[key])
            context = contexts.get(entry.get("location", ""))
            if context and isinstance(entry.get("title"), str):
                entry["title"] += CONTEXT_SEPARATOR + html_text(context)
            names = topics.get(entry.get("location", ""))
            if names:
                entry["about"] = " ".join(self.about_words(names))
            for field, source in _SOURCE_FIELD.items():
                value = entry.get(source)
                if isinstance(value, str) and value:
                    # A name in running text is a mention: its parts would make the index
                    # a third bigger for little (the page about the name has them).
                    extra = self.extra_words(value, parts=field != "alt_text")
                    if extra:
                        entry[field] = " ".join(extra)
        fields = index.setdefault("config", {}).setdefault("fields", {})
        for field, spec in EXTRA_FIELDS.items():
            fields.setdefault(field, spec)
        return index


# OpenCC's conversions between the scripts and the regional standards (Taiwan, Hong Kong,
# Japanese kanji), both ways: two characters one of them joins are the same character to a reader.
VARIANT_CONVERSIONS = ("t2s", "s2t", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t")


# Where OpenCC's character tables live: the CJK unified ideographs and extension A.
_CJK_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


def variant_fold(chars: Iterable[str]) -> dict[str, str]:
    """Every variant of the given characters → one character standing for all of them.

    调, 調; 周, 週; 台, 臺; 裡, 裏, 里; 線, 綫, 线 each fold to one character, so a
    query and the index compare the same way whichever script or regional standard
    each was written in. The variants come only from OpenCC's tables, run through
    VARIANT_CONVERSIONS character by character over the CJK blocks (so a variant
    only a reverse table knows, 綫 → 線 in hk2t, is found from either side);
    characters OpenCC joins, directly or through another, share a class. Only the
    classes of the given characters are returned, and only characters that differ
    from their class's character.
    """
    parent: dict[str, str] = {}

    def find(char: str) -> str:
        parent.setdefault(char, char)
        while parent[char] != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    def join(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            # The smaller code point leads: the same class folds the same way on every build.
            parent[max(root_a, root_b)] = min(root_a, root_b)

    every = [chr(code) for first, last in _CJK_BLOCKS for code in range(first, last + 1)]
    # One character a line: OpenCC's phrase tables never see two neighbouring characters.
    lines = "\n".join(every)
    for config in VARIANT_CONVERSIONS:
        converted = str(_converter(config).convert(lines)).split("\n")
        if len(converted) != len(every):
            continue  # not one line for one line: a table we do not understand, left out
        for char, other in zip(every, converted, strict=True):
            if other != char and len(other) == 1:
                join(char, other)
    wanted = {find(char) for char in chars if char in parent}
    return {char: find(char) for char in sorted(parent) if find(char) in wanted and find(char) != char}


def add_search_terms(
    index: dict[str, Any],
    *,
    terms: Iterable[Term],
    topics: Mapping[str, Sequence[str]] | None = None,
    contexts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The index with extra search words (see the module docstring) for a handbook's glossary."""
    separator = index.get("config", {}).get("separator") or r"[\s\-]+"
    SearchTerms(separator, synonyms=synonym_groups(terms)).add_to(index, topics=topics, contexts=contexts)
    add_variant_fold(index)
    return index


def add_variant_fold(index: dict[str, Any]) -> None:
    """The variant table of the characters the index uses, for the page's search.js.

    Material's worker reads `config` and `docs` only; the page's search.js reads this.
    Two strings, character for character ("調週…" → "调周…"), are half the size of a mapping.
    """
    fold = variant_fold(_used_characters(index))
    index["handbook"] = {"fold": {"from": "".join(fold), "to": "".join(fold.values())}}


def han_characters(text: str) -> set[str]:
    """The Chinese characters a text uses: the only ones variant folding is about."""
    return {char for run in _HAN_RUN.findall(text) for char in run}


def _used_characters(index: dict[str, Any]) -> set[str]:
    return {
        char
        for entry in index.get("docs", [])
        for key in EXTRA_FIELDS.keys() | {"title", "text"}
        for char in han_characters(str(entry.get(key, "")))
    }


def handbook_spellings(used: set[str]) -> dict[str, str]:
    """Each variant of a character the site uses that it does not → the site's own spelling.

    For a search that cannot fold the index (Pagefind's, see assets/pagefind-search.js):
    the query is written in the handbook's characters instead, 调 → 調, 周 → 週.
    Where the handbook itself uses two variants of one character, the first in code
    point order stands for both. `used`: the characters of every page (`han_characters`).
    """
    classes: dict[str, list[str]] = {}
    for char, leader in variant_fold(used).items():
        classes.setdefault(leader, [leader]).append(char)
    spellings = {}
    for members in classes.values():
        own = sorted(char for char in members if char in used)
        if own:
            spellings.update({char: own[0] for char in members if char not in used})
    return spellings
