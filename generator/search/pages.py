"""A built page → its sections as plain text, the way a reader sees them.

Read from the HTML the engine wrote (MkDocs + Material, ProperDocs or Zensical), so
hand-written pages are searched like generated ones and no engine's internals are
involved. Only the page's article counts (`article.md-content__inner`), not the
navigation, header or footer. A section starts at each h2 or
h3 heading that has an id; text before the first is the page's own. Left out:
headings' permalink signs, the edit button, scripts and diagrams' source, any element
marked `data-search-exclude`, and a process page's RACI matrix (a copy of its step
lists). A heading marked `data-search-exclude` keeps its section, weighed low: a role
page's copies of step checklists (Section.secondary).

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
# How Material and Zensical open the page's article (its class is checked once parsed).
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
        self.title = ""
        self.sections: list[Section] = [Section("", "", 1)]
        self.line: list[str] = []
        self.cell_open = False

    def read(self, element: Any) -> None:
        """An element and what it holds; its tail is its parent's text, read by the caller."""
        tag = element.tag
        if not isinstance(tag, str):  # a comment or a processing instruction: no page text
            return
        if tag in ("h1", *_SECTION_HEADINGS):
            self._heading(element)
            return
        if _left_out(tag, element.attrib):
            return
        if tag in _BLOCKS:
            self._end_line()
        elif tag in _CELLS:
            if self.cell_open:
                self.line.append(" · ")
            self.cell_open = True
        if element.text:
            self.line.append(element.text)
        for child in element:
            self.read(child)
            if child.tail:
                self.line.append(child.tail)
        if tag in _BLOCKS:
            self._end_line()

    def _heading(self, element: Any) -> None:
        self._end_line()
        text = _SPACE.sub(" ", "".join(_text_without_left_out(element))).strip()
        anchor = element.get("id") or ""
        if element.tag == "h1" and not self.title:
            self.title = self.sections[0].title = text
        elif element.tag != "h1" and anchor:
            # A heading marked `data-search-exclude` starts a section of copied words (Section.secondary).
            secondary = "data-search-exclude" in element.attrib
            self.sections.append(Section(anchor, text, int(element.tag[1]), secondary=secondary))
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


def _text_without_left_out(element: Any) -> list[str]:
    """An element's text without what search leaves out inside it (a heading's ¶)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not _left_out(child.tag, child.attrib):
            parts.extend(_text_without_left_out(child))
        parts.append(child.tail or "")
    return parts


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
    if article.tag != "article" or "md-content__inner" not in (article.get("class") or "").split():
        return None
    for box in article.xpath(_DUPLICATE_BLOCKS):
        box.getparent().remove(box)
    reader = _ArticleReader()
    reader.line.append(article.text or "")
    # The stage pager names the stages next door: found there, but never as the last step's words.
    pager = Section("", "", 2, secondary=True)
    for child in article:
        section = reader.sections[-1]
        heading = child.tag in ("h1", *_SECTION_HEADINGS)
        if _PAGER in (child.get("class") or "").split():
            pager.lines.extend(_block_lines(child))
        elif (
            section.secondary and isinstance(child.tag, str) and not heading and not _left_out(child.tag, child.attrib)
        ):
            # A copy of other pages' words: its text is enough, read at C speed (a role page's long tables).
            reader._end_line()
            section.lines.extend(_block_lines(child))
        else:
            reader.read(child)
        if child.tail:
            reader.line.append(child.tail)
    reader._end_line()
    if pager.lines:
        pager.title = reader.title
        reader.sections.append(pager)
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
