"""Read handbook YAML files into position-keeping node trees.

Nothing is ever executed: files are *composed* (parsed into nodes), never
constructed into Python objects by PyYAML. A file that cannot be read into a
tree keeps a `LoadFailure` with the exact spot; rules turn both into problems.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml

from generator.messages import Message, msg
from generator.model import Location

Kind = Literal["role", "process", "glossary"]
JsonPath = tuple[str | int, ...]

KIND_BY_FOLDER: dict[str, Kind] = {"roles": "role", "processes": "process"}
# The one file at the handbook root (optional): terms for the glossary, tooltips and search.
GLOSSARY_FILE = "glossary.yml"
MAX_FILE_BYTES = 256 * 1024
# Our format is at most seven levels deep; anything much deeper is a mistake or an attack.
MAX_DEPTH = 24

_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_TAB_IN_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """Why a file could not be read into a node tree, and where."""

    reason: Literal["unreadable", "syntax", "empty"]
    message: Message
    at: Location


@dataclass(frozen=True, slots=True)
class YamlFeature:
    """A YAML feature we refuse (tag, anchor, alias), kept for the rule that reports it."""

    name: Literal["tag", "anchor", "alias"]
    detail: str
    at: Location


@dataclass(eq=False)
class SourceFile:
    """One role or process file as read from disk."""

    path: str  # relative to the handbook root, with forward slashes
    kind: Kind
    root: yaml.Node | None = None
    failure: LoadFailure | None = None
    features: list[YamlFeature] = field(default_factory=list)
    # Filled once by generator.schema, which three rules share.
    schema_findings: list[Any] | None = None

    @property
    def stem(self) -> str:
        return Path(self.path).stem

    def location(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    @cached_property
    def tree(self) -> DataTree | None:
        """Plain data plus the node behind every value; None unless the top level is a mapping."""
        if not isinstance(self.root, yaml.MappingNode):
            return None
        tree = DataTree(self)
        tree.data = tree.convert(self.root, ())
        return tree


class DataTree:
    """Plain Python data converted from nodes, keeping each value's node by JSON path."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.data: Any = None
        self.value_nodes: dict[JsonPath, yaml.Node] = {}
        self.key_nodes: dict[JsonPath, yaml.Node] = {}
        self._seen: set[int] = set()
        # Paths where an alias repeats an earlier node; the plain-yaml rule reports those.
        self.alias_paths: set[JsonPath] = set()
        self._locations: dict[tuple[JsonPath, bool], Location] = {}

    def at(self, path: JsonPath, *, key: bool = False) -> Location:
        """Where the value (or, with key=True, the key) at `path` is written."""
        # Building the model and several rules ask for the same places; remember them.
        known = self._locations.get((path, key))
        if known is not None:
            return known
        nodes = self.key_nodes if key else self.value_nodes
        found = path
        while found not in nodes and found:
            found = found[:-1]
        node = nodes.get(found) or self.source.root
        assert node is not None
        location = self._locations[(path, key)] = self.source.location(node)
        return location

    def source_text(self, path: JsonPath) -> str:
        node = self.value_nodes.get(path)
        return node.value if isinstance(node, yaml.ScalarNode) else ""

    def convert(self, node: yaml.Node, path: JsonPath) -> Any:
        self.value_nodes[path] = node
        # An alias makes one node appear in several places; converting it once
        # keeps "billion laughs" input linear (the alias rule reports it).
        if id(node) in self._seen and not isinstance(node, yaml.ScalarNode):
            self.alias_paths.add(path)
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return scalar_value(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child, (*path, index)) for index, child in enumerate(node.value)]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            self.key_nodes[(*path, key)] = key_node
            mapping[key] = self.convert(value_node, (*path, key))
        return mapping


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_INT_TAG = _YAML_TAG_PREFIX + "int"
_SCALAR_TAGS = frozenset(_YAML_TAG_PREFIX + name for name in ("null", "bool", "int", "float", "binary", "timestamp"))
# Python refuses to turn an integer of more than 4,300 digits into text (and so does every
# message or schema check that shows it); far below that, and above any real number.
_MAX_INT_BITS = 1024


def scalar_value(node: yaml.ScalarNode) -> str | bool | int | float | bytes | date | datetime | None:
    """The value YAML gives a scalar: text unless the YAML 1.1 resolver says otherwise.

    Total: whatever the scalar, this returns a value that can be printed. No field of the
    format takes a number, so an integer too long to print (or too long for Python to read)
    keeps only that it is a number, as infinity, and the value-type rule reports it.
    """
    if node.tag not in _SCALAR_TAGS:
        # `!!str`, and collection tags forced onto a scalar (`!!set x`), whose constructors
        # would return a generator: text (the plain-yaml rule reports the tag).
        return str(node.value)
    try:
        value = _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
    except Exception:
        # A forced tag (`!!bool maybe`, `!!timestamp x`, `!!int ""`) breaks PyYAML's constructors
        # in many ways (KeyError, AttributeError, IndexError …); a date like 2024-13-45 raises
        # ValueError. All of those are text to the reader; an integer is a number however long.
        return math.inf if node.tag == _INT_TAG else str(node.value)
    if type(value) is int and value.bit_length() > _MAX_INT_BITS:
        return -math.inf if value < 0 else math.inf
    return value  # type: ignore[no-any-return]


def iter_nodes(root: yaml.Node) -> Iterator[yaml.Node]:
    """Every node of a tree once, even when aliases make it appear several times."""
    # Called for every file by several rules: exact type checks and bound methods keep it cheap.
    seen: set[int] = set()
    remember = seen.add
    stack = [root]
    pop, push, push_all = stack.pop, stack.append, stack.extend
    sequence, mapping = yaml.SequenceNode, yaml.MappingNode
    while stack:
        node = pop()
        if id(node) in seen:
            continue
        remember(id(node))
        yield node
        kind = type(node)
        if kind is sequence:
            push_all(reversed(node.value))
        elif kind is mapping:
            for key, value in reversed(node.value):
                push(value)
                push(key)


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


class _BadEscape(Exception):
    """A `\\u`/`\\U` escape in double quotes that names no character (a lone surrogate, or past U+10FFFF)."""

    def __init__(self, escape: str, line: int, column: int) -> None:
        self.escape, self.line, self.column = escape, line, column


# One escape in a double-quoted scalar; an escaped backslash is one too, so `"\\ud800"` is plain text.
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)


def _names_no_character(escape: str) -> bool:
    if escape[1] not in "uU":
        return False
    code = int(escape[2:], 16)
    return 0xD800 <= code <= 0xDFFF or code > 0x10FFFF


class _Composer(yaml.SafeLoader):
    """PyYAML's safe composer, recording tags, anchors and aliases, and capping depth."""

    def __init__(self, text: str, path: str) -> None:
        super().__init__(text)
        self.path = path
        self.depth = 0
        self.features: list[YamlFeature] = []

    def _note(self, name: Literal["tag", "anchor", "alias"], detail: str, mark: Any) -> None:
        self.features.append(YamlFeature(name, detail, Location(self.path, mark.line + 1, mark.column + 1)))

    def scan_flow_scalar_non_spaces(self, double: bool, start_mark: Any) -> list[str]:
        # libyaml refuses these escapes; PyYAML keeps a lone surrogate (which no output can
        # encode) or fails inside chr() past U+10FFFF. Refuse them too, at the escape itself.
        start, line, column = self.pointer, self.line, self.column
        try:
            chunks: list[str] = super().scan_flow_scalar_non_spaces(double, start_mark)
        except ValueError:
            chunks = []
        else:
            if not any(len(chunk) == 1 and "\ud800" <= chunk <= "\udfff" for chunk in chunks):
                return chunks
        buffer: str = self.buffer
        for escape in _ESCAPE.finditer(buffer, start):
            if _names_no_character(escape.group()):
                before = buffer[start : escape.start()]
                if "\n" in before:
                    line, column = line + before.count("\n"), len(before) - before.rfind("\n") - 1
                else:
                    column += len(before)
                raise _BadEscape(escape.group(), line, column)
        return chunks  # not reached: the chunk that failed holds such an escape

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            self._note("alias", f"*{event.anchor}", event.start_mark)
        else:
            if event.anchor is not None:
                self._note("anchor", f"&{event.anchor}", event.start_mark)
            tag = getattr(event, "tag", None)
            if tag not in (None, "!"):
                written = "!!" + tag.removeprefix(_YAML_TAG_PREFIX) if tag.startswith(_YAML_TAG_PREFIX) else tag
                self._note("tag", written, event.start_mark)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep(event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _location_of_offset(path: str, text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(path, line, column)


def _plain_syntax_message(error: yaml.MarkedYAMLError) -> Message:
    problem = (error.problem or error.context or "").strip()
    # PyYAML's own words, and the catalog key of the plain-words hint for each.
    hints = {
        "mapping values are not allowed here": "hint.colon_in_value",
        "could not find expected ':'": "hint.missing_colon",
        "expected <block end>": "hint.indentation",
        "expected a single document": "hint.several_documents",
        "found undefined alias": "hint.undefined_alias",
        "found unknown escape character": "hint.unknown_escape",
        "while scanning a quoted scalar": "hint.unclosed_quote",
        "found unexpected end of stream": "hint.unclosed_bracket",
    }
    for needle, hint in hints.items():
        if needle in problem or needle in str(error):
            return msg("load.not_yaml", hint=msg(hint))
    return msg("load.not_yaml_problem", problem=problem)


def _first_tab_indent(text: str, *, up_to_line: int) -> int | None:
    """Offset of the first tab used as indentation on lines 1..up_to_line, if any."""
    for match in _TAB_IN_INDENT.finditer(text):
        if text.count("\n", 0, match.start()) + 1 > up_to_line:
            return None
        return match.end() - 1
    return None


def _syntax_failure(error: yaml.MarkedYAMLError, text: str, path: str) -> LoadFailure:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return LoadFailure("syntax", _plain_syntax_message(error), Location(path, 1, 1))
    # YAML forbids tabs as indentation; the parser's own words for that are cryptic.
    tab = _first_tab_indent(text, up_to_line=mark.line + 1)
    if tab is not None:
        return LoadFailure("syntax", msg("load.tab"), _location_of_offset(path, text, tab))
    # At the end of the file the useful spot is where the unclosed quote or bracket opened.
    if "end of stream" in (error.problem or "") and error.context_mark is not None:
        mark = error.context_mark
    return LoadFailure("syntax", _plain_syntax_message(error), Location(path, mark.line + 1, mark.column + 1))


def _decode(raw: bytes, path: str) -> str | LoadFailure:
    # Windows editors write a byte-order mark; drop it so the first key stays intact.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8", errors="replace")
        return LoadFailure(
            "unreadable",
            msg("load.not_utf8"),
            _location_of_offset(path, before, len(before)),
        )


def _is_empty_document(root: yaml.Node | None) -> bool:
    # A file of only comments, or only `---`, holds no value at all.
    return root is None or (
        isinstance(root, yaml.ScalarNode) and root.tag == "tag:yaml.org,2002:null" and root.value == ""
    )


# Where a tag (!), an anchor (&) or an alias (*) could begin: at a line start or after a
# space, a flow bracket, a comma or a colon. A superset of the real places, which is all
# the fast path needs: text with none of them cannot hold a feature the composer records.
_NODE_PROPERTY = re.compile(r"(?:^|[\s\[{,:])[!&*]", re.MULTILINE)
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _deeper_than(root: yaml.Node, limit: int) -> bool:
    """Whether any node lies more than `limit` levels deep (the root is level 1); scalars are skipped."""
    level = [root] if type(root) is not yaml.ScalarNode else []
    depth = 1
    scalar, mapping = yaml.ScalarNode, yaml.MappingNode
    while level:
        if depth >= limit:
            return True  # a collection at the limit holds at least one node below it, or is empty: be safe
        below: list[yaml.Node] = []
        for node in level:
            if type(node) is mapping:
                below.extend(child for pair in node.value for child in pair if type(child) is not scalar)
            else:
                below.extend(child for child in node.value if type(child) is not scalar)
        level, depth = below, depth + 1
    return False


def _compose_with_libyaml(source: SourceFile, text: str) -> bool:
    """Compose with libyaml (about 15 times faster) when nothing in `text` needs the recording composer.

    Returns False to send the file through `_Composer`: when libyaml is missing, when the
    text may hold a tag, anchor or alias, a control character, or a syntax error (so every
    message and position stays exactly what the pure-Python composer reports), or when the
    tree comes near the depth cap (so the cap reports the same first node).
    """
    if not yaml.__with_libyaml__ or _NODE_PROPERTY.search(text) or _NON_PRINTABLE.search(text):
        return False
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return False
    if root is not None and _deeper_than(root, MAX_DEPTH):
        return False
    source.root = root
    return True


def _compose(source: SourceFile, text: str) -> None:
    if not _compose_with_libyaml(source, text):
        _compose_recording(source, text)
    if source.failure is None and _is_empty_document(source.root):
        source.root = None
        source.failure = LoadFailure(
            "empty",
            msg("load.empty", kind=msg(f"thing.{source.kind}")),
            Location(source.path, 1, 1),
        )


def _compose_recording(source: SourceFile, text: str) -> None:
    """Compose with PyYAML's pure-Python composer, recording YAML features and capping depth."""
    path = source.path
    try:
        composer = _Composer(text, path)
    except yaml.reader.ReaderError as error:
        # PyYAML checks the whole text for forbidden characters as soon as it is given it.
        source.failure = LoadFailure(
            "unreadable",
            msg("load.control_character", code=f"{error.character:#x}"),
            _location_of_offset(path, text, error.position),
        )
        return
    try:
        source.root = composer.get_single_node()
    except _BadEscape as error:
        source.failure = LoadFailure(
            "syntax", msg("load.bad_escape", escape=error.escape), Location(path, error.line + 1, error.column + 1)
        )
    except _TooDeep as error:
        source.failure = LoadFailure(
            "syntax",
            msg("load.too_deep", depth=MAX_DEPTH),
            Location(path, error.mark.line + 1, error.mark.column + 1),
        )
    except yaml.MarkedYAMLError as error:
        source.failure = _syntax_failure(error, text, path)
    except yaml.YAMLError as error:
        source.failure = LoadFailure("syntax", msg("load.not_yaml_detail", detail=str(error)), Location(path, 1, 1))
    finally:
        composer.dispose()
    source.features = composer.features


def read_source(root: Path, file: Path) -> SourceFile:
    """Read one file into a `SourceFile`; never raises for bad content."""
    path = file.relative_to(root).as_posix()
    source = SourceFile(path=path, kind="glossary" if path == GLOSSARY_FILE else KIND_BY_FOLDER[file.parent.name])
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            source.failure = LoadFailure(
                "unreadable",
                msg("load.too_big", size=size, kib=MAX_FILE_BYTES // 1024, limit=MAX_FILE_BYTES),
                Location(path, 1, 1),
            )
            return source
        raw = file.read_bytes()
    except OSError as error:
        source.failure = LoadFailure(
            "unreadable", msg("load.cannot_read", reason=str(error.strerror)), Location(path, 1, 1)
        )
        return source
    return _parse(source, raw)


def source_from_bytes(path: str, kind: Kind, raw: bytes) -> SourceFile:
    """A `SourceFile` from content read elsewhere (e.g. a git object); the same checks as `read_source`."""
    source = SourceFile(path=path, kind=kind)
    if len(raw) > MAX_FILE_BYTES:
        source.failure = LoadFailure(
            "unreadable",
            msg("load.too_big", size=len(raw), kib=MAX_FILE_BYTES // 1024, limit=MAX_FILE_BYTES),
            Location(path, 1, 1),
        )
        return source
    return _parse(source, raw)


def _parse(source: SourceFile, raw: bytes) -> SourceFile:
    text = _decode(raw, source.path)
    if isinstance(text, LoadFailure):
        source.failure = text
        return source
    _compose(source, text)
    return source


def find_source_files(root: Path) -> list[Path]:
    """The role and process files of a handbook, sorted so output is stable."""
    files: list[Path] = []
    for folder in KIND_BY_FOLDER:
        directory = root / folder
        if directory.is_dir():
            files.extend(p for p in directory.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
    if (root / GLOSSARY_FILE).is_file():
        files.append(root / GLOSSARY_FILE)
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def read_sources(root: Path) -> list[SourceFile]:
    return [read_source(root, file) for file in find_source_files(root)]
