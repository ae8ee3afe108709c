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

# GLOSSARY_FILE and KIND_BY_FOLDER are re-exported: the loader's callers name them from here.
from generator.source.files import GLOSSARY_FILE as GLOSSARY_FILE
from generator.source.files import KIND_BY_FOLDER as KIND_BY_FOLDER
from generator.source.files import FileTooBig, InputScan, NotRegularFile, read_regular_file, scan_inputs
from generator.source.model import Location
from generator.source.texts import MAX_ONE_LINE_CHARACTERS, MAY_BREAK_A_RULE
from generator.words.messages import Message, msg

Kind = Literal["role", "process", "glossary", "department", "person", "site"]
JsonPath = tuple[str | int, ...]

MAX_FILE_BYTES = 256 * 1024
# Our format is at most seven levels deep; anything much deeper is a mistake or an attack.
MAX_DEPTH = 24

_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_STR_TAG = _YAML_TAG_PREFIX + "str"
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
    # The decoded text, for the rules that compare a value with how it is written (generator.source.slips).
    text: str = ""
    # Filled once by generator.source.schema, which three rules share.
    schema_findings: list[Any] | None = None
    # Filled once by generator.source.text_values (eight rules share them) and generator.source.slips (three).
    found_text_values: tuple[Any, ...] | None = None
    found_slips: Any = None

    @property
    def stem(self) -> str:
        return Path(self.path).stem

    def location(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    @cached_property
    def tree(self) -> DataTree | None:
        """Plain data, the node of each mapping and list, what the rules look for; None unless the top is a mapping."""
        if not isinstance(self.root, yaml.MappingNode):
            return None
        return DataTree(self.path, self.root, self.text)


class _DeeperThanTheCap(Exception):
    """Converting met a mapping or list as deep as `MAX_DEPTH`: the recording composer reports it."""


def comment_lines(text: str) -> set[int]:
    """0-based numbers of the lines where a comment follows something else (not a comment line)."""
    if " #" not in text and "\t#" not in text:
        return set()
    return {
        number
        for number, line in enumerate(text.splitlines())
        if ("#" in line and line.lstrip(" \t")[:1] != "#" and (" #" in line or "\t#" in line))
    }


class DataTree:
    """Plain Python data converted from a file's nodes in one walk, noting on the way what the rules look for.

    Positions are worked out only for a place a rule or the model asks about: each mapping
    and list of the data keeps its node (`node_of`), and `at` finds any other place from
    there. Where a key is written twice or an alias repeats a mapping or list, a JSON path
    may name several nodes; there `at` answers from every node by path, kept in the order
    the data was built (the last one written wins), worked out on the first question.
    """

    def __init__(self, path: str, root: yaml.MappingNode, text: str, *, depth_limit: int | None = None) -> None:
        # The file's path and root, not the file itself: the file keeps its tree, and a tree keeping
        # its file would make a reference cycle that only the garbage collector can free (at the
        # exit of `handbook validate`, which runs without it: 0.6 s at 1,000 roles).
        self.path = path
        self.root = root
        # The node of each mapping and list in `data`, by the id of that dict or list.
        self.node_of: dict[int, yaml.Node] = {}
        # Paths where an alias repeats an earlier mapping or list; the plain-yaml rule reports those.
        self.alias_paths: set[JsonPath] = set()
        # Noted while converting, so the rules that look for them need not walk the nodes again:
        # mappings where a key is written twice (or two keys are not plain text), mappings with
        # a `<<` key, the text values a safe-text rule may report (generator.texts), and the plain
        # values that span lines or end on a line a comment follows (generator.source.slips), in file order.
        self.repeated_keys: list[yaml.MappingNode] = []
        self.merge_keys: list[yaml.MappingNode] = []
        self.strings: list[tuple[JsonPath, str]] = []
        self.multi_line_plain: list[tuple[JsonPath, yaml.ScalarNode]] = []
        self.commented_plain: list[tuple[JsonPath, yaml.ScalarNode]] = []
        self._by_path: tuple[dict[JsonPath, yaml.Node], dict[JsonPath, yaml.Node]] | None = None
        self._locations: dict[tuple[JsonPath, bool], Location] = {}
        self.data: Any = self._convert(root, text, depth_limit)

    @property
    def has_repeated_paths(self) -> bool:
        """Whether a JSON path may name several nodes: a key written twice, or an alias repeating a mapping or list."""
        return bool(self.repeated_keys or self.alias_paths)

    def nodes_by_path(self) -> tuple[dict[JsonPath, yaml.Node], dict[JsonPath, yaml.Node]]:
        """Every value node and every key node by JSON path, as converting wrote them (the last one wins)."""
        if self._by_path is None:
            values: dict[JsonPath, yaml.Node] = {}
            keys: dict[JsonPath, yaml.Node] = {}
            seen: set[int] = set()
            scalar, sequence = yaml.ScalarNode, yaml.SequenceNode

            def walk(node: Any, path: JsonPath) -> None:
                values[path] = node
                if type(node) is scalar or id(node) in seen:
                    return
                seen.add(id(node))
                if type(node) is sequence:
                    for index, child in enumerate(node.value):
                        walk(child, (*path, index))
                    return
                for key_node, value_node in node.value:
                    key = (*path, key_node.value if type(key_node) is scalar else "?")
                    keys[key] = key_node
                    walk(value_node, key)

            walk(self.root, ())
            self._by_path = values, keys
        return self._by_path

    def node_at(self, path: JsonPath, *, key: bool = False) -> yaml.Node | None:
        """The node of the value (or, with key=True, the key) at `path`; None when nothing is written there."""
        if self.has_repeated_paths:
            values, keys = self.nodes_by_path()
            return (keys if key else values).get(path)
        node: Any = self.root
        key_node: Any = None
        scalar, mapping, sequence = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
        for part in path:
            if type(node) is mapping and type(part) is str:
                found = next(
                    (pair for pair in node.value if (pair[0].value if type(pair[0]) is scalar else "?") == part), None
                )
                if found is None:
                    return None
                key_node, node = found
            elif type(node) is sequence and type(part) is int and 0 <= part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                return None
        found_node: yaml.Node | None = key_node if key else node
        return found_node

    def at(self, path: JsonPath, *, key: bool = False) -> Location:
        """Where the value (or, with key=True, the key) at `path` is written; else where the nearest one above is."""
        # Several rules ask for the same places; remember them.
        known = self._locations.get((path, key))
        if known is not None:
            return known
        found, node = path, self.node_at(path, key=key)
        while node is None and found:
            found = found[:-1]
            node = self.node_at(found, key=key)
        mark = (node or self.root).start_mark
        location = self._locations[(path, key)] = Location(self.path, mark.line + 1, mark.column + 1)
        return location

    def source_text(self, path: JsonPath) -> str:
        node = self.node_at(path)
        return node.value if isinstance(node, yaml.ScalarNode) else ""

    def _convert(self, root: yaml.MappingNode, text: str, depth_limit: int | None) -> Any:
        """The plain data of `root`, noting each mapping's and list's node and what the rules look for.

        With `depth_limit`, raises `_DeeperThanTheCap` at a mapping or list that deep (the root is 1).
        """
        # Called once per file on every node: locals, exact type checks, and no call per scalar.
        node_of, alias_paths, strings = self.node_of, self.alias_paths, self.strings
        multi_line, commented = self.multi_line_plain, self.commented_plain
        repeated, merges = self.repeated_keys, self.merge_keys
        seen: set[int] = set()
        remember = seen.add
        comments = comment_lines(text)
        limit = depth_limit if depth_limit is not None else math.inf
        scalar, sequence = yaml.ScalarNode, yaml.SequenceNode
        may_break_a_rule, long_text = MAY_BREAK_A_RULE.search, MAX_ONE_LINE_CHARACTERS

        def convert(node: Any, path: JsonPath, depth: int) -> Any:
            # An alias makes one node appear in several places; converting it once
            # keeps "billion laughs" input linear (the alias rule reports it).
            if id(node) in seen:
                alias_paths.add(path)
                return None
            remember(id(node))
            if depth >= limit:
                raise _DeeperThanTheCap
            keys: Any
            children: Any
            if type(node) is sequence:
                keys, children = range(len(node.value)), node.value
            else:
                key_nodes, children = zip(*node.value, strict=True) if node.value else ((), ())
                keys = [key.value if type(key) is scalar else "?" for key in key_nodes]
                # A mapping or list written as a key (`? [a, b]`) counts towards the depth too.
                if (
                    depth_limit is not None
                    and "?" in keys
                    and any(type(key) is not scalar and _deeper_than(key, depth_limit - depth) for key in key_nodes)
                ):
                    raise _DeeperThanTheCap
            values: list[Any] = []
            append = values.append
            for key, child in zip(keys, children, strict=True):
                if type(child) is not scalar:
                    append(convert(child, (*path, key), depth + 1))
                    continue
                value = child.value if child.tag == _STR_TAG else scalar_value(child)
                if type(value) is str and (len(value) > long_text or may_break_a_rule(value)):
                    strings.append(((*path, key), value))
                if not child.style:  # libyaml marks the plain style with "", PyYAML with None
                    end = child.end_mark.line
                    if end != child.start_mark.line:
                        multi_line.append(((*path, key), child))
                    if end in comments:
                        commented.append(((*path, key), child))
                append(value)
            if type(node) is sequence:
                node_of[id(values)] = node
                return values
            mapping = dict(zip(keys, values, strict=True))
            if len(mapping) != len(values):
                repeated.append(node)
            if "<<" in mapping:
                merges.append(node)
            node_of[id(mapping)] = node
            return mapping

        try:
            return convert(root, (), 1)
        finally:
            # The inner function refers to itself: a reference cycle that would keep every node of
            # the file alive until the garbage collector runs (`validate` runs without it), and
            # then cost that collector 0.5 s at 1,000 roles.
            convert = None  # type: ignore[assignment]


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


# Spaces YAML does not take for spaces, which a Chinese keyboard or a copy from a web page types.
_ODD_SPACES = {"\u3000": "U+3000", "\u00a0": "U+00A0"}
# Full-width punctuation typed in place of YAML's own `:` and `-`.
_FULL_WIDTH_COLON, _FULL_WIDTH_DASH = "\uff1a", "\uff0d"


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 0-based, as in PyYAML's marks
    indent: int  # leading half-width spaces
    content: str  # the rest of the line

    @property
    def key(self) -> str | None:
        """The key this line starts (after any `- `), if it starts one."""
        text = self.content.removeprefix("- ").lstrip(" ")
        name, colon, rest = text.partition(":")
        return name if colon and name and not rest[:1].strip() and not name.startswith(("#", "-")) else None

    @property
    def key_column(self) -> int:
        text = self.content
        return self.indent + (len(text) - len(text.removeprefix("- ").lstrip(" ")))


def _line(lines: list[str], number: int) -> _Line:
    text = lines[number] if 0 <= number < len(lines) else ""
    content = text.lstrip(" ")
    return _Line(number, len(text) - len(content), content.rstrip())


def _lines_above(lines: list[str], number: int) -> Iterator[_Line]:
    """The non-blank, non-comment lines above line `number`, nearest first."""
    for above in range(min(number, len(lines)) - 1, -1, -1):
        line = _line(lines, above)
        if line.content and not line.content.startswith("#"):
            yield line


def _enclosing(lines: list[str], number: int) -> Iterator[_Line]:
    """The line above `number`, then each line above that is less indented: the blocks it may belong to."""
    limit: int | None = None
    for line in _lines_above(lines, number):
        if limit is None or line.indent < limit:
            limit = line.indent
            yield line


def _choices(found: list[Message]) -> Message | str:
    result: Message | str = found[0] if found else ""
    for choice in found[1:]:
        result = msg("hint.or", first=result, second=choice)
    return result


def _alignment_hint(lines: list[str], number: int) -> Message:
    """Which columns the wrongly indented line `number` could line up with, innermost block first."""
    here = _line(lines, number)
    enclosing = list(_enclosing(lines, number))
    found: list[Message] = []
    columns: set[int] = set()
    if here.content.startswith("- "):
        # A list belongs to the nearest key outside it: walk from the outermost line in.
        owner: str | None = None
        for line in reversed(enclosing):
            if line.content.startswith("- ") and owner and line.indent not in columns:
                columns.add(line.indent)
                found.insert(0, msg("hint.item_column", column=line.indent + 1, key=owner))
            owner = line.key or owner
        return msg("hint.align_item", choices=_choices(found[:3])) if found else msg("hint.indentation")
    for line in enclosing:
        if line.key and line.key_column not in columns:
            columns.add(line.key_column)
            found.append(msg("hint.key_column", column=line.key_column + 1, key=line.key))
    return msg("hint.align_key", choices=_choices(found[:3])) if found else msg("hint.indentation")


def _typo_hint(line: _Line, *, as_key: bool) -> tuple[Message, int] | None:
    """A full-width dash, a dash without its space or (`as_key`) a key's full-width colon on `line`, and its column."""
    text = line.content
    if text.startswith(_FULL_WIDTH_DASH):
        return msg("hint.full_width_dash"), line.indent
    if text.startswith("-") and text[1:2] not in ("", " ", "-"):
        return msg("hint.space_after_dash"), line.indent
    if not as_key:
        return None
    colon = text.find(_FULL_WIDTH_COLON)
    if colon > 0 and ": " not in text[:colon] and " " not in text[:colon].removeprefix("- "):
        return msg("hint.full_width_colon"), line.indent + colon
    return None


def _quote_just_before(text: str, mark: Any) -> yaml.ScalarToken | None:
    """The quoted value that ends right before the spot PyYAML stumbled on, on the same line."""
    last: yaml.ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            last = token if isinstance(token, yaml.ScalarToken) else None
    except yaml.YAMLError:
        pass
    if last is None or last.style not in ("'", '"') or last.end_mark.line != mark.line:
        return None
    between = text[last.end_mark.index : mark.index]
    return last if not between.strip(" ") else None


def _blamed_line(error: yaml.MarkedYAMLError, text: str, lines: list[str]) -> tuple[Message, int, int] | None:
    """The line the editor typed that broke the file, its column and what to do, for the common slips.

    PyYAML often notices a slip one line later (when the next key arrives) or a few lines later
    (when a wrongly indented line was joined to the text above); the editor must hear about the line
    they wrote. None when the error is none of those slips.
    """
    problem, mark, context = error.problem or "", error.problem_mark, error.context_mark
    if mark is None:
        return None
    quoted = _quote_just_before(text, mark)
    if quoted is not None:
        start, end = quoted.start_mark, quoted.end_mark
        if start.line != end.line:
            # A quote left open is closed by the quote meant to open a later value.
            return msg("hint.quote_closed_later", line=end.line + 1), start.line, start.column
        return msg("hint.text_after_quote"), start.line, start.column
    if "could not find expected ':'" in problem and context is not None:
        # A key without its colon (or with a full-width one) is noticed at the next line.
        line = _line(lines, context.line)
        typo = _typo_hint(line, as_key=True)
        if typo is not None:
            return typo[0], line.number, typo[1]
        above = next(_lines_above(lines, line.number), None)
        if above is not None and above.indent == line.indent and above.content.startswith("- "):
            return msg("hint.missing_dash"), line.number, line.indent
        return msg("hint.missing_colon_here"), line.number, line.indent
    here = _line(lines, mark.line)
    if "mapping values are not allowed here" in problem:
        before = here.content[: max(mark.column - here.indent, 0)].removeprefix("- ")
        start = next((line for line in _lines_above(lines, here.number) if line.indent < here.indent), None)
        if ": " in before or start is None or (start.key is None and not start.content.startswith("- ")):
            return msg("hint.colon_in_value"), here.number, mark.column
        # This key line was joined to a value that began on an earlier line. Either that line was an
        # item moved left (the item below it is further right and was joined to it), or this line
        # was moved right.
        following = _line(lines, start.number + 1)
        if start.content.startswith("- ") and following.content.startswith("- ") and following.indent > start.indent:
            return msg("hint.align_item_to", column=following.indent + 1), start.number, start.indent
        key = start.key or start.content[2:].split(" ")[0]
        return (
            msg("hint.joined_key", key=key, line=start.number + 1, column=start.key_column + 1),
            here.number,
            here.indent,
        )
    if problem.startswith("expected <block end>") or problem.startswith("expected <block mapping"):
        # Here a full-width colon is only text (`- 目標：提高`); the line is out of place.
        typo = _typo_hint(here, as_key=False)
        if typo is not None:
            return typo[0], here.number, typo[1]
        return _alignment_hint(lines, here.number), here.number, here.indent
    return None


def _odd_space_indent(lines: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """The first line in first..last indented with a space YAML does not count, its column and name."""
    for number in range(max(first, 0), min(last, len(lines) - 1) + 1):
        text = lines[number]
        content = text.lstrip(" ")
        name = _ODD_SPACES.get(content[:1])
        if name is not None:
            return number, len(text) - len(content), name
    return None


def _syntax_failure(error: yaml.MarkedYAMLError, text: str, path: str) -> LoadFailure:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return LoadFailure("syntax", _plain_syntax_message(error), Location(path, 1, 1))
    # YAML forbids tabs as indentation; the parser's own words for that are cryptic.
    tab = _first_tab_indent(text, up_to_line=mark.line + 1)
    if tab is not None:
        return LoadFailure("syntax", msg("load.tab"), _location_of_offset(path, text, tab))
    lines = text.splitlines()
    # A full-width or no-break space in the indentation is noticed at the next key at the latest.
    scanning_a_key = error.context_mark is not None and "simple key" in (error.context or "")
    first = error.context_mark.line if scanning_a_key and error.context_mark else mark.line
    odd = _odd_space_indent(lines, first, mark.line)
    if odd is not None:
        number, column, name = odd
        return LoadFailure("syntax", msg("load.odd_space", code=name), Location(path, number + 1, column + 1))
    # At the end of the file the useful spot is where the unclosed quote or bracket opened.
    if "end of stream" in (error.problem or "") and error.context_mark is not None:
        mark = error.context_mark
        return LoadFailure("syntax", _plain_syntax_message(error), Location(path, mark.line + 1, mark.column + 1))
    blamed = _blamed_line(error, text, lines)
    if blamed is not None:
        hint, number, column = blamed
        return LoadFailure("syntax", msg("load.not_yaml", hint=hint), Location(path, number + 1, column + 1))
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


# The first characters of a plain scalar that YAML 1.1 may read as something other than text
# (a number, a date, a boolean, null, `=`, `<<`; "" for the empty scalar, which is null); every
# other plain scalar is text. A resolver for any first character (key None) would void that.
_IMPLICIT_FIRST = frozenset(key for key in yaml.SafeLoader.yaml_implicit_resolvers if key is not None)
assert None not in yaml.SafeLoader.yaml_implicit_resolvers
# A plain scalar starting with a letter can only be a boolean or null word (`yes`, `off`, `null`,
# `false`): five letters at most, and the patterns end in `$`, which also matches before a final
# line break. Anything longer (most ids: `market-research`) is text.
_WORD_FIRST = frozenset(first for first in _IMPLICIT_FIRST if first.isalpha())
_LONGEST_WORD = 5


class _LibyamlComposer(yaml.CSafeLoader):
    """libyaml's composer with cheaper calls back into Python, giving the very same nodes.

    For every node libyaml calls three Python methods; profiling showed them costing a
    third of composing. We register no path resolvers, so the two that track the path
    do nothing: builtins that accept the same arguments are far cheaper than Python
    functions. And a scalar that is quoted, or whose first character starts no implicit
    type, is text, exactly as `Resolver.resolve` decides. tests/test_fast_paths.py
    compares the nodes with PyYAML's own on the corpus and a synthetic handbook.
    """

    descend_resolver = slice  # type: ignore[assignment]  # called as (parent, index); any two values make a slice
    ascend_resolver = tuple  # type: ignore[assignment]  # called with no argument

    def resolve(
        self,
        kind: type,
        value: str | None,
        implicit: Any,
        # Called 300,000 times at 1,000 roles: the constants as locals.
        _scalar: type = yaml.ScalarNode,
        _first: frozenset[str] = _IMPLICIT_FIRST,
        _word_first: frozenset[str] = _WORD_FIRST,
        _text: str = _STR_TAG,
    ) -> str:
        if kind is _scalar and (
            not implicit[0]
            or value[:1] not in _first  # type: ignore[index]
            or (len(value) > _LONGEST_WORD + 1 and value[0] in _word_first)  # type: ignore[index, arg-type]
        ):
            return _text
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return, no-untyped-call]


def _compose_with_libyaml(source: SourceFile, text: str) -> bool:
    """Compose with libyaml (about 15 times faster) when nothing in `text` needs the recording composer.

    Returns False to send the file through `_Composer`: when libyaml is missing, when the
    text may hold a tag, anchor or alias, a control character, or a syntax error (so every
    message and position stays exactly what the pure-Python composer reports), or when the
    tree comes near the depth cap (so the cap reports the same first node).
    """
    if not yaml.__with_libyaml__ or _NON_PRINTABLE.search(text):
        return False
    # The pattern is slow to try at every character; most files hold none of the three at all.
    if ("!" in text or "&" in text or "*" in text) and _NODE_PROPERTY.search(text):
        return False
    try:
        root = yaml.compose(text, Loader=_LibyamlComposer)
    except yaml.YAMLError:
        return False
    if type(root) is yaml.MappingNode:
        # Converting the nodes now (every rule reads the data) also finds a mapping or list too deep.
        try:
            tree = DataTree(source.path, root, text, depth_limit=MAX_DEPTH)
        except _DeeperThanTheCap:
            return False
        source.root, source.tree = root, tree
        return True
    if root is not None and _deeper_than(root, MAX_DEPTH):
        return False
    source.root = root
    return True


def _compose(source: SourceFile, text: str) -> None:
    source.text = text
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


def source_path_and_kind(root: Path, file: Path) -> tuple[str, Kind]:
    """The path of a handbook file as findings name it (relative, forward slashes) and what it holds."""
    path = file.relative_to(root).as_posix()
    return path, "glossary" if path == GLOSSARY_FILE else KIND_BY_FOLDER[file.parent.name]


def read_source(root: Path, file: Path) -> SourceFile:
    """Read one file into a `SourceFile`; never raises for bad content, never follows a link."""
    path, kind = source_path_and_kind(root, file)
    source = SourceFile(path=path, kind=kind)
    try:
        raw = read_regular_file(file, limit=MAX_FILE_BYTES)
    except FileTooBig as error:
        source.failure = LoadFailure(
            "unreadable",
            msg("load.too_big", size=error.size, kib=MAX_FILE_BYTES // 1024, limit=MAX_FILE_BYTES),
            Location(path, 1, 1),
        )
        return source
    except NotRegularFile:
        # The file was swapped for a link or a pipe after the folder was scanned.
        source.failure = LoadFailure("unreadable", msg("load.not_regular"), Location(path, 1, 1))
        return source
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
    """The role, process and glossary files of a handbook (regular files only), sorted so output is stable."""
    return list(scan_inputs(root).sources)


def read_sources(root: Path, scan: InputScan | None = None) -> list[SourceFile]:
    """Every source file of the handbook in `root` (of `scan`, when the caller already has one), read."""
    return [read_source(root, file) for file in (scan or scan_inputs(root)).sources]
