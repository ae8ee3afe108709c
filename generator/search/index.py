"""The built site's pages and the model's catalog → the index files handbook-search.js reads.

What the browser fetches (all under SEARCH_FOLDER, plain JSON, no engine involved):

- `labels.json`, with every page: the box's words in the handbook's language;
- `meta.json`, when the reader turns to the box: the pages (URL, title, kind, context, department,
  weight), which page each section belongs to, the variant fold, the glossary's synonym
  groups, and the words of other scripts (for a word typed in part or one letter off);
- `shards/<n>.json`, only those a query's tokens hash to: for each token its inverse
  document frequency and, per section, a precomputed BM25F weight; and, under `!token`,
  the sections that have a *name* containing the token (with the name's length in tokens,
  so the browser can tell an exact name from a partial one), and under `~character` those
  with a Han name holding that character (a name typed with one character wrong);
- `sections/<n>.json`, only for the results shown: each section's anchor, heading, kind,
  context and text, for the result's label and excerpt.

So a 3,000-page handbook costs a reader the meta file and a few small shards per query,
not the whole index.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import threading
from collections import Counter
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from generator.search.entities import PagePlace, SearchCatalog
from generator.search.pages import PageText, read_page
from generator.search.text import (
    Folding,
    han_characters,
    is_han,
    query_tokens,
    segments,
    text_tokens,
    variant_fold,
)
from generator.source.files import LinkRefused, first_link, remove_tree, swap_folder_into_place

# Where the index goes in the site; handbook-search.js finds it next to itself.
SEARCH_FOLDER = "assets/handbook/search"
FORMAT_VERSION = 1
# From this many pages up, the pages are read on two processes.
PARALLEL_FROM_PAGES = 400
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


def site_pages(site_dir: Path, *, directory_urls: bool) -> list[tuple[str, PageText]]:
    """(URL path, text) of every page of a built site that has an article, in a stable order."""
    files = []
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        if relative == "404.html" or relative.startswith("assets/"):
            continue
        if directory_urls and (relative == "index.html" or relative.endswith("/index.html")):
            url = relative[: -len("index.html")]
        else:
            url = relative
        files.append((url, file))
    texts = _read_pages([file for _, file in files])
    return [(url, text) for (url, _), text in zip(files, texts, strict=True) if text is not None]


def _read_page_file(file: Path) -> PageText | None:
    try:
        return read_page(file.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def _read_pages(files: list[Path]) -> list[PageText | None]:
    """Each file's text; a big site's on two processes (reading the pages is most of the index's time).

    Only where forking is safe: on a system that forks, from a process with one thread
    (a plain build; a preview's background thread reads the pages itself).
    """
    forking_is_safe = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if len(files) >= PARALLEL_FROM_PAGES and forking_is_safe:
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
                return list(pool.map(_read_page_file, files, chunksize=64))
        except (OSError, BrokenProcessPool):
            pass  # read them here instead
    return [_read_page_file(file) for file in files]


def write_search_index(
    site_dir: Path,
    catalog: SearchCatalog,
    *,
    labels: Mapping[str, str],
    directory_urls: bool = True,
) -> None:
    """Write the index of the pages in site_dir into site_dir/SEARCH_FOLDER (replacing an older one)."""
    pages = site_pages(site_dir, directory_urls=directory_urls)
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

    final = site_dir / SEARCH_FOLDER
    # Written beside the index it replaces, then swapped in: a preview's reader never fetches
    # half an index, nor (but for the instant between two renames) finds none. Nothing is
    # written through a link (see write_replacing).
    folder, old = final.with_name(f".{final.name}-new"), final.with_name(f".{final.name}-old")
    for path in (final, folder, old):
        link = first_link(path, within=site_dir)
        if link is not None:
            raise LinkRefused(link)
    remove_tree(folder)  # a half-written index a stopped build left
    folder.mkdir(parents=True)
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
        "words": sorted(_other_words(shards)),
    }
    _write_json(folder / "meta.json", meta)
    # The box's words alone, for every page load (meta.json waits until the reader turns to the box).
    _write_json(folder / "labels.json", dict(labels))
    swap_folder_into_place(folder, final, old=old)


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
    # Each heading folded once: a stage page's steps are looked up by their heading.
    folded_titles = [fold(record.title).strip() for record in records]
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
                if folded_titles[record_number] == wanted:
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
    counts: list[tuple[Counter[str], int]] = []
    document_frequency: Counter[str] = Counter()
    for record in records:
        body_tokens = text_tokens(fold(record.text))
        title_tokens = text_tokens(fold(record.title))
        # A heading's words count TITLE_WEIGHT times (BM25F with two fields, folded into one count).
        frequencies = Counter(body_tokens)
        for token in title_tokens:
            frequencies[token] += TITLE_WEIGHT
        counts.append((frequencies, len(body_tokens) + TITLE_WEIGHT * len(title_tokens)))
        document_frequency.update(frequencies.keys())
    total = max(len(records), 1)
    average = sum(length for _, length in counts) / total or 1.0
    idf = {
        token: math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        for token, frequency in document_frequency.items()
    }
    postings: dict[str, list[int]] = {}
    for number, ((frequencies, length), record) in enumerate(zip(counts, records, strict=True)):
        norm = K1 * (1 - B + B * length / average)
        scale = (K1 + 1) * (SECONDARY_WEIGHT if record.secondary else 1.0) * 100
        # In the order the tokens first appear in the section: the same on every build.
        for token, frequency in frequencies.items():
            value = max(1, round(idf[token] * frequency * scale / (frequency + norm)))
            entry = postings.get(token)
            if entry is None:
                postings[token] = [number, value]
            else:
                entry += (number, value)
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


def _other_words(shards: list[dict[str, list[int]]]) -> set[str]:
    """Every non-Han word of the index: the browser finds a word typed in part or one letter off among them."""
    words = set()
    for shard in shards:
        for key in shard:
            word = key.removeprefix(NAME_PREFIX)
            if (
                len(word) >= 2
                and not is_han(word[0])
                and not word.isdigit()
                and not key.startswith(NAME_CHARACTER_PREFIX)
            ):
                words.add(word)
    return words


def _write_shards(folder: Path, shards: list[dict[str, list[int]]]) -> None:
    for number, shard in enumerate(shards):
        _write_json(folder / "shards" / f"{number}.json", shard)


def _write_sections(folder: Path, records: list[_Record]) -> None:
    for start in range(0, len(records), SECTIONS_PER_FILE):
        chunk = [
            [record.anchor, record.title, record.kind, record.context, record.text[:EXCERPT_CHARACTERS]]
            for record in records[start : start + SECTIONS_PER_FILE]
        ]
        _write_json(folder / "sections" / f"{start // SECTIONS_PER_FILE}.json", chunk)


def _write_json(path: Path, value: object) -> None:
    """A file of the new index folder (made by this build, checked for links before)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
