"""Options of the `handbook` MkDocs plugin, as written under `plugins:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class EditorConfig(Config):  # type: ignore[no-untyped-call]
    """The editor at /admin/ (Decap CMS): where the published editor saves, as pull requests."""

    enabled = opt.Type(bool, default=False)
    # github | gitlab; unset: from repo_url's host (gitlab in its name → gitlab, else github).
    backend = opt.Optional(opt.Choice(("github", "gitlab")))
    # owner/name on the host; unset: the path of repo_url.
    repo = opt.Optional(opt.Type(str))
    # The branch pull requests go to; unset: the one in edit_uri (`edit/<branch>/…`), else main.
    branch = opt.Optional(opt.Type(str))
    # The OAuth service that signs editors in (Decap's base_url and auth_endpoint); GitLab: app_id.
    base_url = opt.Optional(opt.Type(str))
    auth_endpoint = opt.Optional(opt.Type(str))
    app_id = opt.Optional(opt.Type(str))
    # A self-hosted GitHub Enterprise or GitLab: its API's address.
    api_root = opt.Optional(opt.Type(str))


class HandbookConfig(Config):  # type: ignore[no-untyped-call]
    enabled = opt.Type(bool, default=True)

    # Where the handbook's roles/ and processes/ live, relative to mkdocs.yml.
    root = opt.Type(str, default=".")

    # Re-level or switch off rules: `HB101: warning`, `step-has-owner: off`.
    rules = opt.DictOfItems(opt.Choice(("error", "warning", "off")), default={})
    # A role nobody in people/ holds is "vacant": `warn` reports each one (rule HB085), `off` does not.
    # YAML reads a bare `off` as false: both mean off.
    vacant_roles = opt.Choice(("off", "warn", False), default="off")

    # What the site shows of people/ (generator.source.people.PRIVACY): names and contacts, names
    # only, or nothing (`hidden`: the files are still checked and exported, never published).
    people = opt.Choice(("names_and_contacts", "names", "hidden"), default="names_and_contacts")

    # Build the navigation from the handbook when mkdocs.yml has no `nav:`.
    navigation = opt.Type(bool, default=True)
    # Hand-written pages for the people who edit the handbook (paths in the docs folder): the
    # navigation lists them with the rules page in a last section of their own, after the readers' pages.
    maintainer_pages = opt.ListOfItems(opt.Type(str), default=["editing.md"])

    # The handbook's own search (generator.search): a box in the header of every page and an
    # index written after the build, the same under every engine. Off: no box, no index.
    search = opt.Type(bool, default=True)
    # Options of the searches before it, accepted so an older mkdocs.yml still builds; they do nothing.
    compact_search_index = opt.Deprecated(message="The handbook's search has no option 'compact_search_index'.")
    search_extras = opt.Deprecated(message="The handbook's search has no option 'search_extras'.")
    search_engine = opt.Deprecated(message="The handbook's search has no option 'search_engine' (one search now).")
    pagefind_from_pages = opt.Deprecated(message="The handbook's search has no option 'pagefind_from_pages'.")

    # Where readers' browsers get Mermaid (flow and org-chart diagrams): `cdn` is Material's
    # default (unpkg.com, needs the internet); `local` serves the copy `make` installed with the site.
    mermaid = opt.Choice(("cdn", "local"), default="cdn")

    # The editor at /admin/ (Decap CMS from the site itself, configured from the schemas; generator.engines.editor).
    editor = opt.SubConfig(EditorConfig)

    # Who approves changes to the tool and its settings (mkdocs.yml, generator/, .github/,
    # Makefile) and to the shared pages: git-host handles or e-mail addresses, written into
    # CODEOWNERS by `handbook codeowners` (generator.source.codeowners).
    maintainers = opt.ListOfItems(opt.Type(str), default=[])

    # Reviews (generator.source.reviews): the period of every role, process and department that
    # gives none of its own or of its department (`6 months`, `1 year`, `6 個月`; "" for none),
    # and whether an overdue review fails `--strict` (by default it is a warning `--strict` lets pass).
    review_in = opt.Type(str, default="")
    overdue_fails_strict = opt.Type(bool, default=False)


def option_problems(options: object) -> tuple[tuple[str, str, str], ...]:
    """What this schema says of the `handbook` options written in mkdocs.yml (read as plain data, never run).

    (option, "unknown", "") for a name the plugin does not take, (option, "value", MkDocs' reason)
    for a value it refuses; `handbook validate` reports them at the option's line (rule HB093).
    """
    if not isinstance(options, dict):
        return ()  # not a mapping: HB093 says so itself
    config = HandbookConfig()
    config.load_dict({str(key): value for key, value in options.items()})
    failed, warnings = config.validate()
    problems = [(str(key), "value", str(error)) for key, error in failed]
    for key, warning in warnings:
        if str(warning).startswith("Sub-option"):
            # A misspelt name inside `editor:` is that option's value being wrong, not `editor` unknown.
            problems.append((str(key), "value", str(warning)))
        elif "Unrecognised" in str(warning):
            problems.append((str(key), "unknown", ""))
    return tuple(problems)
