"""The JSON Schemas of role and process files, and their findings in plain words.

The same schema files serve editors (VS Code completes keys from them) and the
validator, so the two can never disagree about what a file may contain.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from generator.source.loading import DataTree, JsonPath, Kind, SourceFile
from generator.source.model import Location
from generator.words.messages import Message, msg

if TYPE_CHECKING:
    import jsonschema

FindingKind = Literal["missing", "unknown", "type"]


@dataclass(frozen=True, slots=True)
class SchemaFinding:
    kind: FindingKind
    message: Message
    at: Location


@cache
def schema_for(kind: Kind) -> dict[str, Any]:
    text = resources.files("generator.schema").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@cache
def _validator(kind: Kind) -> jsonschema.protocols.Validator:
    # Imported here: most runs never need it (fastjsonschema confirms valid files), and importing
    # it costs a tenth of a second of every `handbook validate`.
    import jsonschema

    schema = schema_for(kind)
    return jsonschema.Draft202012Validator(schema)


def describe_place(kind: Kind, path: JsonPath) -> Message:
    """Name the object at a JSON path in words, e.g. "step 2 of stage 1"."""
    if path and path[0] == "stages" and len(path) >= 2:
        stage = int(path[1]) + 1
        if len(path) >= 4 and path[2] == "steps":
            step = int(path[3]) + 1
            if len(path) >= 5 and path[4] == "raci":
                return msg("place.raci", step=step, stage=stage)
            return msg("place.step", step=step, stage=stage)
        return msg("place.stage", stage=stage)
    return msg("place.file", kind=msg(f"thing.{kind}"))


_TYPE_KEYS = frozenset({"type.string", "type.array", "type.boolean", "type.object"})


def _expected_in_words(types: list[str]) -> Message | str:
    """ "text or a list …" for the JSON types a value may have."""
    words: list[Message | str] = [msg(f"type.{name}") if f"type.{name}" in _TYPE_KEYS else name for name in types]
    result = words[0]
    for word in words[1:]:
        result = msg("schema.either", first=result, second=word)
    return result


# A value quoted back in a message is cut to this many characters: a 5,000-digit number
# should not print twice in full.
_QUOTED_LENGTH = 60


def _excerpt(text: str) -> str:
    return text if len(text) <= _QUOTED_LENGTH else text[: _QUOTED_LENGTH - 1] + "…"


def _actual_in_words(value: Any, source_text: str) -> tuple[Message, bool]:
    """How YAML read a value, and whether quoting the value would fix it."""
    source_text = _excerpt(source_text)
    if value is None:
        return msg("actual.empty"), False
    if isinstance(value, bool):
        return msg("actual.boolean", text=source_text, value=str(value).lower()), True
    if isinstance(value, int | float):
        return msg("actual.number", text=source_text), True
    if isinstance(value, date):
        return msg("actual.date", text=source_text), True
    if isinstance(value, bytes):
        return msg("actual.binary"), False
    if isinstance(value, list):
        return msg("actual.list"), False
    if isinstance(value, dict):
        return msg("actual.mapping"), False
    return msg("actual.text", value=_excerpt(str(value))), False


def _findings(tree: DataTree, kind: Kind) -> list[SchemaFinding]:
    findings: list[SchemaFinding] = []
    for error in _validator(kind).iter_errors(tree.data):
        # jsonschema types these as "maybe unset"; for the validators we handle they are always set.
        validator_value: Any = error.validator_value
        error_schema: Any = error.schema
        instance: Any = error.instance
        path: JsonPath = tuple(error.absolute_path)
        if path in tree.alias_paths:
            continue
        place = describe_place(kind, path)
        if (error.validator == "minLength" and instance == "") or (
            # `"\\S"`: a required text written as spaces only is as empty as "" (and "" fails both).
            error.validator == "pattern" and validator_value == "\\S" and instance != ""
        ):
            findings.append(SchemaFinding("missing", msg("schema.empty_value", key=str(path[-1])), tree.at(path)))
        elif error.validator == "required":
            present = error.instance if isinstance(error.instance, dict) else {}
            for key in validator_value:
                if key not in present:
                    findings.append(
                        SchemaFinding("missing", msg("schema.missing", place=place, key=key), tree.at(path))
                    )
        elif error.validator == "additionalProperties":
            allowed = list(error_schema.get("properties", {}))
            for key in instance:
                if key in allowed:
                    continue
                same_but_case = [name for name in allowed if name.casefold() == key.casefold()]
                close = same_but_case or difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint: Message | str = msg("schema.did_you_mean", key=close[0]) if close else ""
                findings.append(
                    SchemaFinding(
                        "unknown",
                        msg("schema.unknown", key=_excerpt(key), place=place, hint=hint, allowed=", ".join(allowed)),
                        tree.at((*path, key), key=True),
                    )
                )
        elif error.validator == "type":
            expected = validator_value
            expected_types = expected if isinstance(expected, list) else [expected]
            wanted = _expected_in_words([str(t) for t in expected_types])
            actual, quoting_helps = _actual_in_words(error.instance, tree.source_text(path))
            name = next((str(p) for p in reversed(path) if isinstance(p, str)), kind)
            what = msg("schema.what_value" if not path or isinstance(path[-1], str) else "schema.what_item", name=name)
            fix: Message | str = (
                msg("schema.quote_it", text=_excerpt(tree.source_text(path)))
                if quoting_helps and "string" in expected_types
                else ""
            )
            # `-品牌認知度` (no space after the dash) is text, not a list item.
            if "array" in expected_types and isinstance(instance, str) and instance.startswith("-"):
                fix = msg("schema.space_after_dash")
            findings.append(
                SchemaFinding(
                    "type", msg("schema.type", what=what, wanted=wanted, actual=actual, fix=fix), tree.at(path)
                )
            )
        # `pattern` and `maxLength` are reported by the id-format rule, in more helpful words.
    return findings


# The keywords fastjsonschema checks exactly as jsonschema does; a schema using any other
# keyword always goes through jsonschema, so the fast path can never miss a finding.
_FAST_KEYWORDS = frozenset(
    {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "additionalProperties"}
    | {"required", "items", "pattern", "minLength", "maxLength", "enum", "minItems", "uniqueItems", "default"}
)


def _keywords(schema: Any) -> set[str]:
    if isinstance(schema, list):
        return set().union(*map(_keywords, schema)) if schema else set()
    if not isinstance(schema, dict):
        return set()
    found = set(schema)
    for key, value in schema.items():
        # Under these keys the names are property or definition names, not keywords.
        children = value.values() if key in ("properties", "$defs") and isinstance(value, dict) else [value]
        for child in children:
            found |= _keywords(child)
    return found


@cache
def _fast_validator(kind: Kind) -> Callable[[Any], Any] | None:
    """A compiled validator (about 30 times faster than jsonschema) that says only "valid" or not."""
    schema = schema_for(kind)
    if not _keywords(schema) <= _FAST_KEYWORDS:
        return None
    import fastjsonschema

    # fastjsonschema knows the draft-07 meta-schema; for the keywords above it is the same language.
    return fastjsonschema.compile({**schema, "$schema": "http://json-schema.org/draft-07/schema#"})


def compile_validators(kinds: Iterable[Kind]) -> None:
    """Compile the fast validators of `kinds` now: before a fork, so both processes share the compiled code."""
    for kind in kinds:
        _fast_validator(kind)


def _is_valid(data: Any, kind: Kind) -> bool:
    import fastjsonschema

    validate = _fast_validator(kind)
    if validate is None:
        return False
    try:
        validate(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_findings(source: SourceFile) -> list[SchemaFinding]:
    """Schema findings of one file, computed once and shared by the schema rules.

    Nearly every file is valid: a compiled validator confirms that quickly, and only
    a file it rejects goes through jsonschema, whose errors we turn into words.
    """
    if source.schema_findings is None:
        tree = source.tree
        if tree is None or _is_valid(tree.data, source.kind):
            source.schema_findings = []
        else:
            source.schema_findings = _findings(tree, source.kind)
    return source.schema_findings
