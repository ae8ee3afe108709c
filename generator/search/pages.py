"""A built page → its sections as plain text, the way a reader sees them.

Read from the HTML the engine wrote (MkDocs + Material, ProperDocs or Zensical), so
hand-written pages are searched like generated ones and no engine's internals are
involved. Only the page's article counts (`article.md-content__inner`, or `<main>`,
or the body), not the navigation, header or footer. A section starts at each h2 or
h3 heading that has an id; text before the first is the page's own. Left out:
headings' permalink signs, the edit button, scripts and diagrams' source, and any
element marked `data-search-exclude` (a heading marked so takes its section with it,
as Material's search does: a role page's copies of step checklists).

Block elements end a sentence, and table cells are joined with " · ", so a result's
excerpt reads as sentences, not as cells run together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

# Elements whose text is never searched.
_SKIPPED_TAGS = frozenset({"script", "style", "template", "svg", "nav", "button", "noscript", "select"})
# The headings' ¶, the edit button, diagrams' source and a role's permanent link (the same
# address on every role page).
_SKIPPED_CLASSES = frozenset(
    {
        "headerlink", "md-content__button", "mermaid", "md-source-file", "md-feedback",
        "handbook-permalink",
    }
)  # fmt: skip
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_BLOCKS = frozenset(
    {
        "p", "li", "dt", "dd", "tr", "div", "section", "pre", "blockquote", "details", "summary",
        "table", "ul", "ol", "dl", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br",
        "hr", "caption",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_SECTION_HEADINGS = frozenset({"h2", "h3"})
_PAGER = "handbook-stage-pager"
# The RACI matrix's scrolling box (render/templates/process.md.j2): a copy of the step lists.
_DUPLICATE_BLOCKS = './/div[contains(concat(" ", normalize-space(@class), " "), " handbook-raci__scroll ")]'
# How Material and Zensical open the page's article (the reader also checks its class).
_ARTICLE_START = "<article "
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_SENTENCE_BREAK = re.compile(r"\s*\n\s*")


@dataclass
class Section:
    """One searchable part of a page: the page's own text (anchor "") or a heading's section."""

    anchor: str
    title: str
    level: int  # 1 for the page's own part, 2 or 3 for a heading's
    lines: list[str] = field(default_factory=list)
    # Under a heading marked `data-search-exclude`: a copy of what other pages say (a role
    # page's checklists, its steps table). Found, so every page with a word is, but weighed low.
    secondary: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class PageText:
    title: str
    sections: list[Section]


class _ArticleReader:
    """Turns an article's elements, in document order, into sections of lines (see read_page)."""

    def __init__(self) -> None:
        self.article_found = False
        self.in_article = False
        self.stack: list[tuple[str, bool]] = []  # open elements in the article: (tag, its text left out)
        self.heading: list[str] | None = None  # text of the heading being read
        self.heading_tag = ""
        self.heading_id = ""
        self.heading_excluded = False
        self.title = ""
        self.sections: list[Section] = [Section("", "", 1)]
        self.line: list[str] = []
        self.cell_open = False

    # The article: Material's and Zensical's page body.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if not self.in_article:
            if tag == "article" and "md-content__inner" in classes and not self.article_found:
                self.in_article = self.article_found = True
            return
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._end_line()
            return
        heading = tag in ("h1", *_SECTION_HEADINGS)
        skipped = self._skipping() or (not heading and _left_out(tag, attributes))
        self.stack.append((tag, skipped))
        if heading and not skipped:
            self._end_line()
            self.heading = []
            self.heading_tag = tag
            self.heading_id = attributes.get("id") or ""
            # A heading marked so is read (it ends the section before it) but its section is left out.
            self.heading_excluded = "data-search-exclude" in attributes
        elif tag in _BLOCKS:
            self._end_line()
        elif tag in _CELLS:
            if self.cell_open:
                self.line.append(" · ")
            self.cell_open = True

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_endtag(self, tag: str) -> None:
        if not self.in_article or tag in _VOID:
            return
        if tag == "article" and not any(open_tag == "article" for open_tag, _ in self.stack):
            self._end_line()
            self.in_article = False
            return
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return  # a stray end tag
        # Close up to the matching open tag (HTML may leave some open).
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if tag == self.heading_tag and self.heading is not None:
            self._finish_heading()
        elif tag in _BLOCKS:
            self._end_line()
        if tag == "tr":
            self.cell_open = False

    def handle_data(self, data: str) -> None:
        if not self.in_article or self._skipping():
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.line.append(data)

    def _finish_heading(self) -> None:
        assert self.heading is not None
        text = _SPACE.sub(" ", "".join(self.heading)).strip()
        tag, anchor, excluded = self.heading_tag, self.heading_id, self.heading_excluded
        self.heading = None
        if tag == "h1":
            if not self.title:
                self.title = text
                self.sections[0].title = text
            else:
                self.line.append(text)
                self._end_line()
            return
        if anchor:
            self.sections.append(Section(anchor, text, int(tag[1]), secondary=excluded))
        else:
            self.line.append(text)
            self._end_line()

    def _end_line(self) -> None:
        if self.line:
            text = _SPACE.sub(" ", "".join(self.line)).strip()
            for line in _SENTENCE_BREAK.split(text):
                if line.strip(" ·"):
                    self.sections[-1].lines.append(line.strip())
        self.line = []
        self.cell_open = False


def read_page(html: str) -> PageText | None:
    """The page's title and sections, or None when it has no article (a redirect page, for one)."""
    # Only the article is read: on a big handbook the navigation around it is most of the page.
    start = html.find(_ARTICLE_START)
    end = html.rfind("</article>")
    if start < 0 or end < start:
        return None
    try:
        article = lxml.html.fragment_fromstring(html[start : end + len("</article>")])
    except (etree.ParserError, ValueError):
        return None
    _drop_left_out_sections(article)
    reader = _ArticleReader()
    reader.handle_starttag(article.tag, [(str(key), str(value)) for key, value in article.attrib.items()])
    if article.text:
        reader.handle_data(article.text)
    # The stage pager names the stages next door: found there, but never as the last step's words.
    pager = Section("", "", 2, secondary=True)
    for child in article:
        section = reader.sections[-1]
        heading = child.tag in ("h1", *_SECTION_HEADINGS)
        if isinstance(child.tag, str) and not heading and _left_out(child.tag, child.attrib):
            pass
        elif _PAGER in (child.get("class") or "").split():
            pager.lines.extend(_block_lines(child))
        elif section.secondary and isinstance(child.tag, str) and not heading:
            # A copy of other pages' words: its text is enough, read at C speed (a role page's long tables).
            section.lines.extend(_block_lines(child))
        else:
            _walk(child, reader)
        if child.tail:
            reader.handle_data(child.tail)
    reader.handle_endtag(article.tag)
    reader._end_line()
    if pager.lines:
        pager.title = reader.title
        reader.sections.append(pager)
    if not reader.article_found:
        return None
    return PageText(title=reader.title, sections=reader.sections)


def _block_lines(block: Any) -> list[str]:
    """A block's sentences, quickly: a table's rows (cells joined with " · "), a list's items, or its text."""
    rows = block.xpath(".//tr") if block.tag != "tr" else [block]
    if rows:
        cells = ([_SPACE.sub(" ", cell.text_content()).strip() for cell in row.xpath("./td|./th")] for row in rows)
        lines = [" · ".join(cell for cell in row if cell) for row in cells]
    else:
        items = block.xpath(".//li") if block.tag != "li" else [block]
        lines = [_SPACE.sub(" ", item.text_content()).strip() for item in items or [block]]
    return [line for line in lines if line]


def _left_out(tag: str, attributes: Any) -> bool:
    """Whether an element's text is never searched (scripts, diagrams' source, permalink signs …)."""
    classes = set((attributes.get("class") or "").split())
    return tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES) or "data-search-exclude" in attributes


def _drop_left_out_sections(article: Any) -> None:
    """Remove what search leaves out before reading.

    A process page's RACI matrix is most of its elements (a row per step, a column per
    role) and says nothing the page's step lists do not: the box that holds it is left
    out whole. So is any block marked `data-search-exclude` (a heading marked so keeps
    its section, weighed low: see Section.secondary).
    """
    for box in article.xpath(_DUPLICATE_BLOCKS):
        box.getparent().remove(box)
    for child in list(article):
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag not in ("h1", *_SECTION_HEADINGS) and (
            "data-search-exclude" in child.attrib or "data-pagefind-ignore" in child.attrib
        ):
            article.remove(child)


def _walk(element: Any, reader: _ArticleReader) -> None:
    """Hand the reader the element's start, text, children and end, as an HTML tokenizer would."""
    tag = element.tag
    if not isinstance(tag, str):  # a comment or a processing instruction: its text is no page text
        return
    reader.handle_starttag(tag, [(str(key), str(value)) for key, value in element.attrib.items()])
    if element.text:
        reader.handle_data(element.text)
    for child in element:
        _walk(child, reader)
        if child.tail:
            reader.handle_data(child.tail)
    reader.handle_endtag(tag)
