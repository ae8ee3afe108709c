"""The built site's pages and the model's catalog → the index files handbook-search.js reads.

What the browser fetches (all under SEARCH_FOLDER, plain JSON, no engine involved):

- `labels.json`, with every page: the box's words in the handbook's language;
- `meta.json`, when the reader turns to the box: the pages (URL, title, kind, context, department,
  weight), which page each section belongs to, the variant fold, the glossary's synonym
  groups, the words of other scripts (for one-letter typos) and the box's words;
- `shards/<n>.json`, only those a query's tokens hash to: for each token its inverse
  document frequency and, per section, a precomputed BM25F weight; and, under `!token`,
  the sections that have a *name* containing the token (with the name's length in tokens,
  so the browser can tell an exact name from a partial one);
- `sections/<n>.json`, only for the results shown: each section's anchor, heading, kind,
  context and text, for the result's label and excerpt.

So a 3,000-page handbook costs a reader the meta file and a few small shards per query,
not the whole index.
"""

from __future__ import annotations

import json
import math
import shutil
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.search.entities import PagePlace, SearchCatalog
from generator.search.pages import PageText, read_page
from generator.search.text import Folding, han_characters, query_tokens, segments, text_tokens, variant_fold
from generator.source.files import write_replacing

# Where the index goes in the site; handbook-search.js finds it next to itself.
SEARCH_FOLDER = "assets/handbook/search"
FORMAT_VERSION = 1
# Sections per file of section texts: a result list of ten fetches a few of these.
SECTIONS_PER_FILE = 64
# Roughly how many bytes of postings a shard holds: small enough that a query's few
# shards arrive at once, big enough that a small handbook has one or two.
SHARD_BYTES = 48_000
# BM25's usual constants; a heading's words count as TITLE_WEIGHT of the body's.
K1 = 1.2
B = 0.75
TITLE_WEIGHT = 3
# What a section that copies other pages' words counts (see pages.Section.secondary).
SECONDARY_WEIGHT = 0.2
# The part of a section's text kept for its excerpt.
EXCERPT_CHARACTERS = 1_500

# Keys of the name postings in a shard: "!" + token, "~" + a character of a Han name.
NAME_PREFIX = "!"
NAME_CHARACTER_PREFIX = "~"
# Names this long and longer are matched with one character wrong.
TYPO_MIN_CHARACTERS = 3

KINDS = (
    "page",
    "listing",
    "maintainers",
    "role",
    "team",
    "process",
    "stage",
    "step",
    "document",
    "metric",
    "term",
    "department",
)


@dataclass
class _Record:
    page: int
    anchor: str
    title: str
    text: str
    kind: str = ""
    context: str = ""
    names: list[str] = field(default_factory=list)
    secondary: bool = False


def fnv1a(token: str) -> int:
    """The 32-bit FNV-1a hash of a token's code points (handbook-search.js computes the same)."""
    value = 0x811C9DC5
    for char in token:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


def site_pages(site_dir: Path, *, directory_urls: bool) -> Iterable[tuple[str, PageText]]:
    """(URL path, text) of every page of a built site that has an article, in a stable order."""
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        if relative == "404.html" or relative.startswith("assets/"):
            continue
        try:
            html = file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        page = read_page(html)
        if page is None:
            continue
        if directory_urls and (relative == "index.html" or relative.endswith("/index.html")):
            url = relative[: -len("index.html")]
        else:
            url = relative
        yield url, page


def write_search_index(
    site_dir: Path,
    catalog: SearchCatalog,
    *,
    labels: Mapping[str, str],
    directory_urls: bool = True,
) -> None:
    """Write the index of the pages in site_dir into site_dir/SEARCH_FOLDER (replacing an older one)."""
    pages = list(site_pages(site_dir, directory_urls=directory_urls))
    page_index = {url: number for number, (url, _) in enumerate(pages)}
    records: list[_Record] = []
    first_record: dict[int, int] = {}
    for number, (_url, page) in enumerate(pages):
        first_record[number] = len(records)
        for section in page.sections:
            if section.level > 1 and not section.lines and not section.title:
                continue
            records.append(
                _Record(number, section.anchor, section.title or page.title, section.text, secondary=section.secondary)
            )

    characters: set[str] = set()
    for record in records:
        characters |= han_characters(record.title) | han_characters(record.text)
    for entity in catalog.entities:
        for name in entity.names:
            characters |= han_characters(name)
    fold_map = variant_fold(characters)
    fold = Folding(fold_map)

    _attach_names(records, pages, page_index, first_record, catalog, fold)
    places = [catalog.pages.get(url, PagePlace("page")) for url, _ in pages]

    folder = site_dir / SEARCH_FOLDER
    if folder.exists():
        shutil.rmtree(folder)
    shards = _postings(records, fold)
    _write_shards(folder, shards)
    _write_sections(folder, records)
    departments = sorted({place.department for place in places if place.department})
    department_number = {title: number + 1 for number, title in enumerate(departments)}
    meta = {
        "version": FORMAT_VERSION,
        "shards": len(shards),
        "sectionsPerFile": SECTIONS_PER_FILE,
        "fold": "".join(variant + root for variant, root in fold_map.items()),
        "pages": [
            [
                url,
                page.title,
                place.kind,
                place.context,
                department_number.get(place.department, 0),
                place.weight,
            ]
            for (url, page), place in zip(pages, places, strict=True)
        ],
        "sections": [record.page for record in records],
        "departments": departments,
        "synonyms": _synonym_groups(catalog, fold),
        "words": sorted(_other_words(records, fold)),
    }
    _write_json(folder / "meta.json", meta, within=site_dir)
    # The box's words alone, for every page load (meta.json waits until the reader turns to the box).
    _write_json(folder / "labels.json", dict(labels), within=site_dir)


def _attach_names(
    records: list[_Record],
    pages: list[tuple[str, PageText]],
    page_index: Mapping[str, int],
    first_record: Mapping[int, int],
    catalog: SearchCatalog,
    fold: Folding,
) -> None:
    """Give each section the names of the things it is about (see entities.py)."""
    by_page: dict[int, list[int]] = {}
    for number, record in enumerate(records):
        by_page.setdefault(record.page, []).append(number)
    for number, (url, page) in enumerate(pages):
        own = records[first_record[number]]
        if page.title:
            own.names.append(page.title)
        place = catalog.pages.get(url)
        if place is None:
            # A hand-written page: its headings are what its sections are about.
            for record_number in by_page.get(number, [])[1:]:
                records[record_number].names.append(records[record_number].title)
    for entity in catalog.entities:
        page_number = page_index.get(entity.page)
        if page_number is None:
            continue
        number = page_number
        target = first_record[number]
        if entity.section:
            wanted = fold(entity.section).strip()
            for record_number in by_page.get(number, []):
                if fold(records[record_number].title).strip() == wanted:
                    target = record_number
                    break
        elif entity.kind == "metric":
            wanted = entity.names[0]
            for record_number in by_page.get(number, [])[1:]:
                if wanted in records[record_number].text:
                    target = record_number
                    break
        record = records[target]
        record.names.extend(name for name in entity.names if name not in record.names)
        if not record.kind:
            record.kind, record.context = entity.kind, entity.context


def _postings(records: list[_Record], fold: Folding) -> list[dict[str, list[int]]]:
    """The shards: token → [idf×100, section, weight, section step, weight, …], names under "!token"."""
    counts: list[tuple[Counter[str], Counter[str], int]] = []
    document_frequency: Counter[str] = Counter()
    for record in records:
        title = Counter(text_tokens(fold(record.title)))
        body = Counter(text_tokens(fold(record.text)))
        length = sum(body.values()) + TITLE_WEIGHT * sum(title.values())
        counts.append((title, body, length))
        document_frequency.update(set(title) | set(body))
    total = max(len(records), 1)
    average = sum(length for _, _, length in counts) / total or 1.0
    idf = {
        token: math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        for token, frequency in document_frequency.items()
    }
    postings: dict[str, list[int]] = {}
    for number, ((title, body, length), record) in enumerate(zip(counts, records, strict=True)):
        norm = K1 * (1 - B + B * length / average)
        # In a fixed order: two builds of one commit write byte-identical shards.
        for token in sorted(set(title) | set(body)):
            frequency = TITLE_WEIGHT * title[token] + body[token]
            weight = idf[token] * frequency * (K1 + 1) / (frequency + norm)
            if record.secondary:
                weight *= SECONDARY_WEIGHT
            postings.setdefault(token, []).extend((number, max(1, round(weight * 100))))
    names: dict[str, list[int]] = {}
    for number, record in enumerate(records):
        for name_number, name in enumerate(record.names):
            folded = fold(name)
            tokens = query_tokens(folded)
            for token in tokens:
                names.setdefault(NAME_PREFIX + token, []).extend((number, name_number, len(tokens)))
            # A name's characters, for a query with one character wrong (活動策化專員).
            characters = [char for han, part in segments(folded) if han for char in part]
            if len(characters) >= TYPO_MIN_CHARACTERS and len(characters) == len(folded.replace(" ", "")):
                for char in dict.fromkeys(characters):
                    names.setdefault(NAME_CHARACTER_PREFIX + char, []).extend((number, name_number, len(characters)))

    size = sum(len(token) * 3 + 8 * len(values) for token, values in postings.items())
    shard_count = 1
    while shard_count * SHARD_BYTES < size:
        shard_count *= 2
    shards: list[dict[str, list[int]]] = [{} for _ in range(shard_count)]
    for token, values in postings.items():
        shards[fnv1a(token) % shard_count][token] = [round(idf[token] * 100), *_delta(values, 2)]
    for key, values in names.items():
        shards[fnv1a(key[1:]) % shard_count][key] = _delta(values, 3)
    return shards


def _delta(values: list[int], width: int) -> list[int]:
    """Section numbers (every width-th value, ascending) as steps from the one before: shorter JSON."""
    result = list(values)
    previous = 0
    for position in range(0, len(result), width):
        current = result[position]
        result[position] = current - previous
        previous = current
    return result


def _synonym_groups(catalog: SearchCatalog, fold: Folding) -> list[list[str]]:
    groups = []
    for entity in catalog.entities:
        if entity.kind == "term" and len(entity.names) > 1:
            group = list(dict.fromkeys(fold(name).strip() for name in entity.names if fold(name).strip()))
            if len(group) > 1:
                groups.append(group)
    return groups


def _other_words(records: list[_Record], fold: Folding) -> set[str]:
    """Every non-Han word of the index (a few hundred): the browser corrects a one-letter typo against them."""
    words: set[str] = set()
    for record in records:
        for han, part in segments(fold(record.title + "\n" + record.text + "\n" + "\n".join(record.names))):
            if not han and len(part) >= 2 and not part.isdigit():
                words.add(part)
    return words


def _write_shards(folder: Path, shards: list[dict[str, list[int]]]) -> None:
    for number, shard in enumerate(shards):
        _write_json(folder / "shards" / f"{number}.json", shard, within=folder.parent)


def _write_sections(folder: Path, records: list[_Record]) -> None:
    for start in range(0, len(records), SECTIONS_PER_FILE):
        chunk = [
            [record.anchor, record.title, record.kind, record.context, record.text[:EXCERPT_CHARACTERS]]
            for record in records[start : start + SECTIONS_PER_FILE]
        ]
        _write_json(folder / "sections" / f"{start // SECTIONS_PER_FILE}.json", chunk, within=folder.parent)


def _write_json(path: Path, value: object, *, within: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_replacing(path, json.dumps(value, ensure_ascii=False, separators=(",", ":")), within=within)
