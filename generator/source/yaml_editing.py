"""Writing a handbook file the way a person would, from the data an editor's form produced.

The editor at /admin/ sends a whole file's data. Writing that data out afresh would
reformat the file: comments gone, `R: [a, b]` turned into a block list, keys moved.
Here the data is laid over the file as it was (ruamel.yaml's round-trip mode keeps
comments, quoting, flow lists and key order): a value that did not change keeps its
text, a changed one is replaced where it stands, a new key goes where the schema puts
it, a list grows or shrinks at its end. So `git diff` shows what the editor changed
and nothing else. A new file is written block-style in the schema's field order, under
the folder's `yaml-language-server` line.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from generator.source.loading import Kind
from generator.source.schema import schema_for

# A long value stays on one line, as people write them (ruamel folds at 80 columns by default).
_NEVER_FOLD = 100_000


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = _NEVER_FOLD
    yaml.allow_unicode = True
    # `key:\n  - item`, the indentation of the handbook's files.
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


_PYYAML = pyyaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


def _text(value: str) -> str:
    """A text value that reads back as the same text with the handbook's loader (PyYAML, YAML 1.1).

    ruamel.yaml writes YAML 1.2, where `yes`, `on` or `0123` are plain text; PyYAML would read
    them as true or a number, so such a value is quoted.
    """
    tag: str = _PYYAML.resolve(pyyaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if tag != _STR:
        quoted: str = SingleQuotedScalarString(value)
        return quoted
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _unset(value: Any) -> bool:
    """Nothing to write for a field the file does not have yet: empty, or false (`external`'s default)."""
    return _empty(value) or value is False


class _Order:
    """The schema's field order, per place in a file (the same keys as the properties of each object)."""

    def __init__(self, kind: Kind) -> None:
        self.root = schema_for(kind)

    def resolved(self, prop: Mapping[str, Any]) -> Mapping[str, Any]:
        ref = prop.get("$ref")
        # fastjsonschema rewrites the cached schema's `#/$defs/x` into `<$id>#/$defs/x`: either form.
        if isinstance(ref, str) and "#/$defs/" in ref:
            return self.root["$defs"][ref.rpartition("#/$defs/")[2]]  # type: ignore[no-any-return]
        return prop

    def child(self, schema: Mapping[str, Any] | None, key: str | int) -> Mapping[str, Any] | None:
        if schema is None:
            return None
        if isinstance(key, int):
            items = schema.get("items")
            return self.resolved(items) if isinstance(items, Mapping) else None
        prop = schema.get("properties", {}).get(key)
        return self.resolved(prop) if isinstance(prop, Mapping) else None

    @staticmethod
    def keys(schema: Mapping[str, Any] | None) -> list[str]:
        return list((schema or {}).get("properties", {}))


def _ordered(value: Any, schema: Mapping[str, Any] | None, order: _Order) -> Any:
    """A fresh value as ruamel nodes, mappings in the schema's order (unknown keys after), empty ones left out."""
    if isinstance(value, Mapping):
        known = order.keys(schema)
        keys = [key for key in known if key in value] + [key for key in value if key not in known]
        result = CommentedMap()
        for key in keys:
            if not _unset(value[key]):
                result[key] = _ordered(value[key], order.child(schema, key), order)
        return result
    if isinstance(value, list):
        return CommentedSeq(_ordered(item, order.child(schema, 0), order) for item in value)
    if isinstance(value, str):
        return _text(value)
    return value


def _merge_map(old: CommentedMap, new: Mapping[str, Any], schema: Mapping[str, Any] | None, order: _Order) -> None:
    known = order.keys(schema)
    for key in list(old):
        # A field the form knows and sent empty, or left out, is gone; one it does not know stays,
        # and so does an empty one as written (`C: []`): empty either way.
        gone = key not in new or _empty(new[key])
        if gone and (key in known or schema is None) and not _empty(old[key]):
            del old[key]
    for key, value in new.items():
        if _empty(value) or (value is False and key not in old):
            continue
        child = order.child(schema, key)
        if key in old:
            old[key] = _merged(old[key], value, child, order)
            continue
        # Where the schema puts it: after the last key present that comes before it.
        position = 0
        if key in known:
            before = set(known[: known.index(key)])
            for index, present in enumerate(old):
                if present in before:
                    position = index + 1
        else:
            position = len(old)
        old.insert(position, key, _ordered(value, child, order))


def _merge_seq(old: CommentedSeq, new: Sequence[Any], schema: Mapping[str, Any] | None, order: _Order) -> None:
    child = order.child(schema, 0)
    for index, value in enumerate(new):
        if index < len(old):
            old[index] = _merged(old[index], value, child, order)
        else:
            old.append(_ordered(value, child, order))
    del old[len(new) :]


def _merged(old: Any, new: Any, schema: Mapping[str, Any] | None, order: _Order) -> Any:
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        _merge_map(old, new, schema, order)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        _merge_seq(old, new, schema, order)
        return old
    if isinstance(old, str) and isinstance(new, str) and str(old) == new:
        return old  # the same text keeps its quotes
    if type(old) is type(new) and old == new:
        return old
    return _ordered(new, schema, order)


class NotEditable(Exception):
    """The file on disk cannot be read as YAML to lay the new data over (someone broke it by hand)."""


def edited_text(original: str | None, data: Mapping[str, Any], *, kind: Kind, schema_line: str) -> str:
    """The file's new text: `data` laid over `original` (None: a new file, under `schema_line`).

    Raises NotEditable when `original` is not YAML: its text is never replaced unseen.
    """
    order = _Order(kind)
    yaml = _yaml()
    if original is not None:
        try:
            document = yaml.load(original)
        except YAMLError as error:
            raise NotEditable(str(error).splitlines()[0] if str(error) else "YAML") from error
        if isinstance(document, CommentedMap):
            _merge_map(document, data, order.root, order)
            stream = io.StringIO()
            yaml.dump(document, stream)
            return stream.getvalue()
    stream = io.StringIO()
    yaml.dump(_ordered(data, order.root, order), stream)
    return f"{schema_line}\n{stream.getvalue()}"
