"""The JSON Schemas of role and process files, and their findings in plain words.

The same schema files serve editors (VS Code completes keys from them) and the
validator, so the two can never disagree about what a file may contain.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

import jsonschema

from generator.loading import DataTree, JsonPath, Kind, SourceFile
from generator.model import Location

FindingKind = Literal["missing", "unknown", "type"]


@dataclass(frozen=True, slots=True)
class SchemaFinding:
    kind: FindingKind
    message: str
    at: Location


@cache
def schema_for(kind: Kind) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@cache
def _validator(kind: Kind) -> jsonschema.protocols.Validator:
    schema = schema_for(kind)
    return jsonschema.Draft202012Validator(schema)


def describe_place(kind: Kind, path: JsonPath) -> str:
    """Name the object at a JSON path in words, e.g. "step 2 of stage 1"."""
    if not path:
        return f"this {kind}"
    if path[0] == "stages" and len(path) >= 2:
        place = f"stage {int(path[1]) + 1}"
        if len(path) >= 4 and path[2] == "steps":
            place = f"step {int(path[3]) + 1} of {place}"
            if len(path) >= 5 and path[4] == "raci":
                place = f"the raci of {place}"
        return place
    return f"this {kind}"


_EXPECTED_IN_WORDS = {
    "string": "text",
    "array": "a list (lines starting with `- `)",
    "boolean": "true or false",
    "object": "keys with values below it",
}


def _actual_in_words(value: Any, source_text: str) -> tuple[str, bool]:
    """How YAML read a value, and whether quoting the value would fix it."""
    if value is None:
        return "it is empty", False
    if isinstance(value, bool):
        return f"YAML reads `{source_text}` as {str(value).lower()} (a yes/no value)", True
    if isinstance(value, int | float):
        return f"YAML reads `{source_text}` as a number", True
    if isinstance(value, date):
        return f"YAML reads `{source_text}` as a date", True
    if isinstance(value, list):
        return "it is a list", False
    if isinstance(value, dict):
        return "it holds keys", False
    return f"it is the text `{value}`", False


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
        if error.validator == "minLength" and instance == "":
            findings.append(
                SchemaFinding("missing", f"`{path[-1]}` is empty: write a value — it is required", tree.at(path))
            )
        elif error.validator == "required":
            present = error.instance if isinstance(error.instance, dict) else {}
            for key in validator_value:
                if key not in present:
                    findings.append(
                        SchemaFinding(
                            "missing",
                            f"{place} has no `{key}`: add `{key}:` — it is required",
                            tree.at(path),
                        )
                    )
        elif error.validator == "additionalProperties":
            allowed = list(error_schema.get("properties", {}))
            for key in instance:
                if key in allowed:
                    continue
                same_but_case = [name for name in allowed if name.casefold() == key.casefold()]
                close = same_but_case or difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"did you mean `{close[0]}`? " if close else ""
                findings.append(
                    SchemaFinding(
                        "unknown",
                        f"unknown key `{key}` in {place}: {hint}"
                        f"the handbook would ignore it, so rename or remove it (allowed: {', '.join(allowed)})",
                        tree.at((*path, key), key=True),
                    )
                )
        elif error.validator == "type":
            expected = validator_value
            expected_types = expected if isinstance(expected, list) else [expected]
            wanted = " or ".join(_EXPECTED_IN_WORDS.get(str(t), str(t)) for t in expected_types)
            actual, quoting_helps = _actual_in_words(error.instance, tree.source_text(path))
            name = next((str(p) for p in reversed(path) if isinstance(p, str)), kind)
            what = f"`{name}`" if not path or isinstance(path[-1], str) else f"an item of `{name}`"
            fix = (
                f": put it in quotes, e.g. '{tree.source_text(path)}'"
                if quoting_helps and "string" in expected_types
                else ""
            )
            findings.append(SchemaFinding("type", f"{what} must be {wanted}, but {actual}{fix}", tree.at(path)))
        # `pattern` and `maxLength` are reported by the id-format rule, in more helpful words.
    return findings


def schema_findings(source: SourceFile) -> list[SchemaFinding]:
    """Schema findings of one file, computed once and shared by the schema rules."""
    if source.schema_findings is None:
        tree = source.tree
        source.schema_findings = _findings(tree, source.kind) if tree is not None else []
    return source.schema_findings
