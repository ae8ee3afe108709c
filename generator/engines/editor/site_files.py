"""What a built site gets under admin/: the editor's page, its generated config.yml and the Decap CMS bundle.

The same files serve `handbook edit` (with the local backend's address in config.yml)
and the published site (saving through the git host's pull requests). Both engines
get them from the plugin as ordinary files of the site.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.engines.editor.bundle import MAIN_SCRIPT, installed_editor_files
from generator.render.editor_config import FOLDER_OF, Backend, EditorSettings, editor_config_text, editor_page
from generator.source.model import Handbook
from generator.source.schema_lines import glossary_schema_line, schema_line
from generator.words.languages import Language

SITE_FOLDER = "admin"


@dataclass(frozen=True, slots=True)
class EditorFile:
    """A file of the editor in the site: its path there, and its text or the installed file it is copied from."""

    path: str
    content: str | None = None
    source: Path | None = None


def repository_prefix(handbook_root: Path) -> str:
    """The handbook's root relative to the top of its git repository ("" when it is the top or there is no git)."""
    root = handbook_root.resolve()
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            return root.relative_to(folder).as_posix().strip(".")
    return ""


def backend_of(options: Mapping[str, Any], *, repo_url: str | None, edit_uri: str | None) -> Backend:
    """Where the published editor saves: mkdocs.yml's `editor:` options, else what repo_url and edit_uri say."""
    parts = urlsplit(repo_url or "")
    host = parts.hostname or ""
    name = options.get("backend") or ("gitlab" if "gitlab" in host else "github")
    repo = options.get("repo") or parts.path.strip("/").removesuffix(".git")
    branch = options.get("branch")
    if not branch and edit_uri:
        pieces = [piece for piece in edit_uri.strip("/").split("/") if piece]
        if len(pieces) >= 2 and pieces[0] in ("edit", "blob", "-"):
            branch = pieces[2] if pieces[0] == "-" and len(pieces) > 2 else pieces[1]
    api_root = options.get("api_root") or ""
    if not api_root and host and host not in ("github.com", "gitlab.com", "www.github.com"):
        # A self-hosted host: its API, where GitHub Enterprise and GitLab keep it.
        api_root = f"https://{host}/api/v4" if name == "gitlab" else f"https://{host}/api/v3"
    return Backend(
        name=str(name),
        repo=str(repo),
        branch=str(branch or "main"),
        base_url=str(options.get("base_url") or ""),
        auth_endpoint=str(options.get("auth_endpoint") or ""),
        api_root=str(api_root),
        app_id=str(options.get("app_id") or ""),
    )


def editor_settings(
    handbook_root: Path,
    *,
    language: Language,
    backend: Backend,
    site_url: str | None,
    local_backend: str | None = None,
) -> EditorSettings:
    lines: dict[str, str] = {kind: schema_line(handbook_root / folder, kind) for kind, folder in FOLDER_OF.items()}
    lines["glossary"] = glossary_schema_line(handbook_root)
    return EditorSettings(
        language=language,
        backend=backend,
        prefix="" if local_backend else repository_prefix(handbook_root),
        schema_lines=lines,
        local_backend=local_backend,
        site_url=site_url,
    )


def editor_files(handbook: Handbook, settings: EditorSettings) -> list[EditorFile]:
    """admin/index.html, admin/config.yml and the bundle; EditorMissing when `make` has not installed it."""
    bundle = installed_editor_files()
    files = [
        EditorFile(f"{SITE_FOLDER}/index.html", content=editor_page(settings.language, script=MAIN_SCRIPT)),
        EditorFile(f"{SITE_FOLDER}/config.yml", content=editor_config_text(handbook, settings)),
    ]
    files += [EditorFile(f"{SITE_FOLDER}/{path.name}", source=path) for path in bundle]
    return files
