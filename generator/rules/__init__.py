"""The validation rules and their registry.

One rule = one module with `ID`, `NAME`, `SEVERITY`, `SCOPE` and a `check()`
generator that yields findings. Its docstring is the user documentation: the
first line is the summary, the rest explains why, with a failing and a passing
example. The linter, not the rule, stamps code and severity on each finding.

Rules live in one folder per family (`inputs/`, `yaml/`, `fields/`, `ids/`, `references/`,
`onboarding/`, `text/`, `raci/`, `site/`, `departments/`, `reviews/`, `people/`), as ruff groups its rules. Next to
them: `checking` (runs the rules, stamps, sorts), `cache` (validate's per-file results),
`forked` (validate in two processes) and `circles` (the cycle search two rules share).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType
from typing import Any, Literal

from generator.source.problems import Finding, Severity

# "inputs" rules see the scan of the handbook's folders (generator.source.files.InputScan), "site"
# rules the settings in mkdocs.yml (generator.source.site_config.SiteSettings; only when there is one),
# "folder" rules the handbook with its folder (generator.source.model.HandbookFolder), "review"
# rules the handbook with today and the review settings (generator.source.reviews.ReviewedHandbook).
Scope = Literal["file", "handbook", "inputs", "site", "folder", "review"]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    scope: Scope
    summary: str
    doc: str
    check: Callable[[Any], Iterator[Finding]]
    # False for a rule a handbook opts into (in mkdocs.yml); it runs only when asked for.
    on_by_default: bool = True

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        doc = (module.__doc__ or "").strip()
        summary, _, rest = doc.partition("\n")
        return cls(
            id=module.ID,
            name=module.NAME,
            severity=module.SEVERITY,
            scope=module.SCOPE,
            summary=summary.strip(),
            doc=rest.strip(),
            check=module.check,
            on_by_default=getattr(module, "ON_BY_DEFAULT", True),
        )


# The explicit registry, the one place a rule is named: its family folder and module, in the
# order the rules page and `handbook validate` list them. The linter, the CLI and the generated
# rules page read RULES; tests/rules/test_registry.py checks that every module in a family
# folder is listed here.
REGISTRY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("inputs", ("real_files_only", "file_name_read", "no_stray_files")),
    ("yaml", ("readable_yaml", "empty_file", "top_level_mapping", "duplicate_key", "no_misplaced_item", "plain_yaml")),
    ("fields", ("required_field", "unknown_key", "value_type")),
    ("ids", ("id_format", "id_matches_file_name", "unique_ids")),
    ("references", ("known_roles", "no_reporting_cycle", "alias_not_live_id", "deprecated_alias")),
    (
        "onboarding",
        ("buddy_internal", "buddy_not_self", "no_onboarding_on_external", "onboarding_item_once", "buddy_not_manager"),
    ),
    (
        "text",
        (
            "safe_links",
            "no_images",
            "no_attribute_lists",
            "no_snippet_lines",
            "one_line_text",
            "text_length",
            "no_placeholder_text",
            "no_joined_lines",
            "no_comment_in_value",
            "no_list_in_paragraph",
            "no_raw_html",
            "no_bidi_controls",
            "no_invisible_characters",
        ),
    ),
    (
        "raci",
        (
            "step_has_owner",
            "single_owner",
            "step_has_responsible",
            "role_once_per_step",
            "role_takes_part",
            "external_not_accountable",
            "stage_has_steps",
            "checklist_has_items",
        ),
    ),
    (
        "site",
        (
            "site_url_set",
            "site_config_readable",
            "site_config_settings",
            "site_config_extensions",
            "site_config_plugins",
            "site_config_tags",
        ),
    ),
    (
        "departments",
        (
            "known_department",
            "department_id",
            "department_head",
            "department_maintainers",
            "no_department_cycle",
            "department_named",
            "cross_department_manager",
            "codeowners_up_to_date",
        ),
    ),
    (
        "reviews",
        (
            "review_date_valid",
            "review_period_valid",
            "review_needs_date",
            "review_date_not_future",
            "review_overdue",
            "review_default_valid",
        ),
    ),
    (
        "people",
        (
            "person_role_known",
            "person_once",
            "holder_internal",
            "contact_valid",
            "deputy_not_holder",
            "vacant_role",
        ),
    ),
)


def _load(family: str, name: str) -> Rule:
    return Rule.from_module(import_module(f"{__name__}.{family}.{name}"))


RULES: tuple[Rule, ...] = tuple(_load(family, name) for family, names in REGISTRY for name in names)

RULE_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
RULE_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}
