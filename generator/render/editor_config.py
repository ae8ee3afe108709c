"""The editor's configuration (Decap CMS `config.yml`), made from the JSON Schemas and the model, never by hand.

Every field of every schema becomes a form field: its type decides the widget (text,
list, nested list of objects), `required`, `pattern`, `minLength` and `maxLength` become
the form's own checks, and each field that names a role (RACI letters, `reports_to`,
`buddy`, `owner`, a department's `head`, a person's `roles` and `deputy_for`) is a
relation widget offering the roles that exist, by title, so an id is never typed. The
model decides what is there at all: the departments collection and the `department`
fields only in a handbook with departments; the people collection always (the first
person is added through it).
Labels, hints and the messages of failed checks come from the catalogs
(context "label", keys `editor.…`), the interface language from the handbook's.

Nothing from the handbook's files goes into this file: the relation widgets read the
roles' titles from the entries themselves, so a hostile title never becomes configuration,
and no person's name or contact is in a published site's admin/config.yml whatever the
`people:` option says (the people collection lists only the fields of people/<id>.yml).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
import yaml

from generator.source.loading import Kind
from generator.source.model import Handbook
from generator.source.schema import schema_for
from generator.words.labels import labels_for
from generator.words.languages import Language

# Decap CMS's own names for its interface languages (decap-cms-locales).
DECAP_LOCALE: Mapping[Language, str] = {"en": "en", "zh-Hant": "zh_Hant", "zh-Hans": "zh_Hans"}

# The fields that name a role, by schema path (kind, then the keys down to the field).
ROLE_REFERENCES: frozenset[tuple[str, ...]] = frozenset(
    {
        ("role", "reports_to"),
        ("role", "buddy"),
        ("role", "owner"),
        ("process", "owner"),
        ("process", "stages", "steps", "raci", "R"),
        ("process", "stages", "steps", "raci", "A"),
        ("process", "stages", "steps", "raci", "C"),
        ("process", "stages", "steps", "raci", "I"),
        ("department", "head"),
        ("department", "owner"),
        ("person", "roles"),
        ("person", "deputy_for"),
    }
)
# The fields that name a department.
DEPARTMENT_REFERENCES: frozenset[tuple[str, ...]] = frozenset(
    {("role", "department"), ("process", "department"), ("department", "parent")}
)
# Longer prose: a text area rather than a one-line box.
PROSE_FIELDS = frozenset({"summary", "details", "explanation"})
# Days (generator.source.reviews): Decap's date picker, written as YYYY-MM-DD, which YAML reads as a date.
DATE_FIELDS = frozenset({"last_reviewed_on"})
# A step has exactly one accountable role: one pick, though the schema also accepts a list.
SINGLE_PICK = frozenset({("process", "stages", "steps", "raci", "A")})

# Where each kind of file is, relative to the handbook's root; the glossary is one file.
FOLDER_OF: Mapping[Kind, str] = {
    "role": "roles",
    "process": "processes",
    "department": "departments",
    "person": "people",
}
# What a folder's entries are listed and sorted by: a person has a name, everything else a title.
_SHOWN_AS: Mapping[Kind, str] = {"person": "name"}
GLOSSARY = "glossary.yml"


@dataclass(frozen=True, slots=True)
class Backend:
    """Where the published editor saves: a git host's repository and branch, through its OAuth."""

    name: str = "github"  # github | gitlab
    repo: str = ""  # owner/name
    branch: str = "main"
    base_url: str = ""  # the OAuth service (Decap's `base_url`); empty: the host's default
    auth_endpoint: str = ""
    api_root: str = ""  # a self-hosted GitHub Enterprise or GitLab API
    app_id: str = ""  # GitLab: the OAuth application's id (PKCE, no server of one's own)


@dataclass(frozen=True, slots=True)
class EditorSettings:
    language: Language
    backend: Backend
    # Where the handbook's root is inside the repository ("" at its top), so paths match the host's.
    prefix: str = ""
    # The schema line each kind of file starts with (`# yaml-language-server: $schema=…`).
    schema_lines: Mapping[str, str] | None = None
    # `handbook edit`: the local backend's address; the published site has none.
    local_backend: str | None = None
    # The "view site" link in the editor's header.
    site_url: str | None = None
    media_folder: str = "handbook/assets"


def _words(language: Language) -> Mapping[str, str]:
    return labels_for(language)


class _Fields:
    """Schema properties → Decap fields, with the catalog's words."""

    def __init__(self, words: Mapping[str, str], *, departments: bool) -> None:
        self.words = words
        self.departments = departments

    def word(self, key: str) -> str:
        return self.words[key]

    def fields(self, schema: Mapping[str, Any], root: Mapping[str, Any], path: tuple[str, ...]) -> list[dict[str, Any]]:
        required = set(schema.get("required", ()))
        out = []
        for name, prop in schema.get("properties", {}).items():
            field_path = (*path, name)
            if field_path in DEPARTMENT_REFERENCES and not self.departments:
                continue
            out.append(self.field(name, _resolved(prop, root), root, field_path, required=name in required))
        return out

    def _label(self, path: tuple[str, ...]) -> tuple[str, str]:
        key = "editor." + ".".join(path)
        return self.word(key), self.word(key + ".hint")

    def field(
        self, name: str, prop: Mapping[str, Any], root: Mapping[str, Any], path: tuple[str, ...], *, required: bool
    ) -> dict[str, Any]:
        label, hint = self._label(path)
        field: dict[str, Any] = {"name": name, "label": label, "hint": hint, "required": required}
        kinds = prop.get("type")
        if path in ROLE_REFERENCES or path in DEPARTMENT_REFERENCES:
            # `type: [array, string]` (one id or a list) is a list in the form.
            many = (kinds == "array" or (isinstance(kinds, list) and "array" in kinds)) and path not in SINGLE_PICK
            target = "roles" if path in ROLE_REFERENCES else "departments"
            field.update(_relation(target, multiple=many))
        elif name in DATE_FIELDS:
            field.update(
                {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
            )
        elif kinds == "boolean":
            field.update({"widget": "boolean", "default": False})
        elif kinds == "object":
            field.update({"widget": "object", "collapsed": False, "fields": self.fields(prop, root, path)})
        elif kinds == "array":
            items = _resolved(prop.get("items", {}), root)
            if items.get("type") == "object":
                field.update(
                    {
                        "widget": "list",
                        # Open, so every step's fields are in view; each item folds with its arrow, and
                        # folded shows its first field (the stage's or step's id, or the term).
                        "collapsed": False,
                        "label_singular": self.word("editor." + ".".join(path) + ".one"),
                        "fields": self.fields(items, root, path),
                    }
                )
            else:
                item: dict[str, Any] = {"name": "item", "label": label, "widget": "string"}
                item.update(self._checks(items))
                # Open: each item its own text box, seen at once (collapsed, Decap shows only the label).
                field.update({"widget": "list", "collapsed": False, "summary": "{{item}}", "field": item})
        else:
            field["widget"] = "text" if name in PROSE_FIELDS else "string"
            field.update(self._checks(prop))
        return field

    def _checks(self, prop: Mapping[str, Any]) -> dict[str, Any]:
        """The schema's pattern and lengths as one regular expression, with its message from the catalogs."""
        pattern = prop.get("pattern")
        least, most = prop.get("minLength"), prop.get("maxLength")
        if pattern is None and most is None:
            return {}
        parts = ["^"]
        if least is not None or most is not None:
            parts.append(f"(?=[\\s\\S]{{{least or 0},{most if most is not None else ''}}}$)")
        if pattern is not None:
            parts.append(f"(?=[\\s\\S]*?(?:{pattern}))")
        if pattern == "\\S":
            message = self.word("editor.check.not_blank")
        else:
            message = self.word("editor.check.id").format(most=most)
        return {"pattern": ["".join(parts), message]}


def _resolved(prop: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = prop.get("$ref")
    # fastjsonschema rewrites the cached schema's `#/$defs/x` into `<$id>#/$defs/x`: either form.
    if isinstance(ref, str) and "#/$defs/" in ref:
        return root["$defs"][ref.rpartition("#/$defs/")[2]]  # type: ignore[no-any-return]
    return prop


def _relation(collection: str, *, multiple: bool) -> dict[str, Any]:
    return {
        "widget": "relation",
        "collection": collection,
        "value_field": "id",
        "search_fields": ["title", "id"],
        "display_fields": ["title"],
        "multiple": multiple,
        "options_length": 500,
    }


def _first_field_comment(fields: list[dict[str, Any]], line: str | None) -> None:
    """Decap writes a field's `comment` above it: the schema line stays the file's first line."""
    if line and fields:
        fields[0]["comment"] = " " + line.removeprefix("#").lstrip()


def _folder_collection(
    kind: Kind, folder: str, fields: list[dict[str, Any]], words: Mapping[str, str], *, prefix: str
) -> dict[str, Any]:
    shown_as = _SHOWN_AS.get(kind, "title")
    return {
        "name": folder,
        "label": words[f"editor.collection.{folder}"],
        "label_singular": words[f"editor.collection.{kind}"],
        "description": words[f"editor.collection.{folder}.hint"],
        "folder": _joined(prefix, folder),
        "extension": "yml",
        "format": "yml",
        "create": True,
        # Deleting a file others refer to breaks them; a file is removed in a pull request by hand.
        "delete": False,
        "slug": "{{id}}",
        "identifier_field": "id",
        "summary": "{{" + shown_as + "}}",
        "sortable_fields": [shown_as, "id"],
        "editor": {"preview": False},
        "fields": fields,
    }


def _joined(prefix: str, path: str) -> str:
    return f"{prefix.strip('/')}/{path}" if prefix.strip("/") else path


def editor_config(handbook: Handbook, settings: EditorSettings) -> dict[str, Any]:
    """Decap CMS's configuration of this handbook, as data."""
    words = _words(settings.language)
    departments = bool(handbook.departments)
    fields = _Fields(words, departments=departments)
    lines = settings.schema_lines or {}
    collections = []
    # People: always, so the first person can be added; what the site shows of them is the `people:` option's.
    kinds: list[Kind] = ["role", "process", *(["department"] if departments else []), "person"]  # type: ignore[list-item]
    for kind in kinds:
        schema = schema_for(kind)
        kind_fields = fields.fields(schema, schema, (kind,))
        _first_field_comment(kind_fields, lines.get(kind))
        collections.append(_folder_collection(kind, FOLDER_OF[kind], kind_fields, words, prefix=settings.prefix))
    glossary_schema = schema_for("glossary")
    glossary_fields = fields.fields(glossary_schema, glossary_schema, ("glossary",))
    _first_field_comment(glossary_fields, lines.get("glossary"))
    collections.append(
        {
            "name": "glossary",
            "label": words["editor.collection.glossary"],
            "description": words["editor.collection.glossary.hint"],
            "editor": {"preview": False},
            "files": [
                {
                    "name": "glossary",
                    "label": words["editor.collection.glossary"],
                    "file": _joined(settings.prefix, GLOSSARY),
                    "format": "yml",
                    "fields": glossary_fields,
                }
            ],
        }
    )
    backend: dict[str, Any] = {
        "name": settings.backend.name,
        "repo": settings.backend.repo,
        "branch": settings.backend.branch,
        "squash_merges": True,
        "commit_messages": {
            "create": words["editor.commit.create"],
            "update": words["editor.commit.update"],
            "delete": words["editor.commit.delete"],
            "uploadMedia": words["editor.commit.upload"],
            "deleteMedia": words["editor.commit.delete_media"],
        },
    }
    for key in ("base_url", "auth_endpoint", "api_root", "app_id"):
        value = getattr(settings.backend, key)
        if value:
            backend[key] = value
    if settings.backend.name == "gitlab" and settings.backend.app_id:
        backend["auth_type"] = "pkce"
    config: dict[str, Any] = {
        "backend": backend,
        # One branch and one pull request per change: draft → in review → ready.
        "publish_mode": "editorial_workflow",
        "locale": DECAP_LOCALE[settings.language],
        "media_folder": settings.media_folder,
        "show_preview_links": False,
        "editor": {"preview": False},
        "collections": collections,
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
        config["display_url"] = settings.site_url
    if settings.local_backend:
        config["local_backend"] = {"url": settings.local_backend, "allowed_hosts": ["127.0.0.1", "localhost"]}
    return config


def editor_config_text(handbook: Handbook, settings: EditorSettings) -> str:
    """`admin/config.yml`: the configuration as YAML (every value quoted where YAML needs it)."""
    data = editor_config(handbook, settings)
    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return text


def schema_paths() -> Sequence[tuple[str, ...]]:
    """Every field path of every schema, as the catalogs key their labels (tests check each has words)."""
    found: list[tuple[str, ...]] = []

    def walk(schema: Mapping[str, Any], root: Mapping[str, Any], path: tuple[str, ...]) -> None:
        for name, prop in schema.get("properties", {}).items():
            prop = _resolved(prop, root)
            found.append((*path, name))
            if prop.get("type") == "object":
                walk(prop, root, (*path, name))
            items = _resolved(prop.get("items", {}), root) if prop.get("type") == "array" else {}
            if items.get("type") == "object":
                found.append((*path, name, "one"))
                walk(items, root, (*path, name))

    kinds: tuple[Kind, ...] = ("role", "process", "department", "person", "glossary")
    for kind in kinds:
        schema = schema_for(kind)
        walk(schema, schema, (kind,))
    return found


@cache
def _page_template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.PackageLoader("generator.render", "templates"), autoescape=True)
    return env.get_template("editor_index.html.j2")


def editor_page(language: Language, *, script: str) -> str:
    """`admin/index.html`: the page that loads Decap CMS (which reads `config.yml` next to it)."""
    words = _words(language)
    return _page_template().render(
        lang=language, title=words["editor.page_title"], noscript=words["editor.noscript"], script=script
    )
