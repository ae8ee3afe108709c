"""The validation rules and their registry.

One rule = one module with `ID`, `NAME`, `SEVERITY`, `SCOPE` and a `check()`
generator that yields findings. Its docstring is the user documentation: the
first line is the summary, the rest explains why, with a failing and a passing
example. The linter, not the rule, stamps code and severity on each finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Literal

from generator.problems import Finding, Severity
from generator.rules import (
    alias_not_live_id,
    buddy_internal,
    buddy_not_manager,
    buddy_not_self,
    checklist_has_items,
    codeowners_up_to_date,
    cross_department_manager,
    department_head,
    department_id,
    department_maintainers,
    department_named,
    deprecated_alias,
    duplicate_key,
    empty_file,
    external_not_accountable,
    file_name_read,
    id_format,
    id_matches_file_name,
    known_department,
    known_roles,
    no_attribute_lists,
    no_bidi_controls,
    no_comment_in_value,
    no_department_cycle,
    no_images,
    no_invisible_characters,
    no_joined_lines,
    no_list_in_paragraph,
    no_misplaced_item,
    no_onboarding_on_external,
    no_raw_html,
    no_reporting_cycle,
    no_snippet_lines,
    no_stray_files,
    onboarding_item_once,
    one_line_text,
    plain_yaml,
    readable_yaml,
    real_files_only,
    required_field,
    role_once_per_step,
    role_takes_part,
    safe_links,
    single_owner,
    site_url_set,
    stage_has_steps,
    step_has_owner,
    step_has_responsible,
    text_length,
    top_level_mapping,
    unique_ids,
    unknown_key,
    value_type,
)

# "inputs" rules see the scan of the handbook's folders (generator.files.InputScan), "site"
# rules the settings in mkdocs.yml (generator.site_config.SiteSettings; only when there is one),
# "folder" rules the handbook with its folder (generator.model.HandbookFolder).
Scope = Literal["file", "handbook", "inputs", "site", "folder"]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    scope: Scope
    summary: str
    doc: str
    check: Callable[[Any], Iterator[Finding]]

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
        )


# The explicit registry: the linter, the CLI and the generated rules page read it.
RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(module)
    for module in (
        real_files_only,
        file_name_read,
        no_stray_files,
        readable_yaml,
        empty_file,
        top_level_mapping,
        duplicate_key,
        no_misplaced_item,
        plain_yaml,
        required_field,
        unknown_key,
        value_type,
        id_format,
        id_matches_file_name,
        unique_ids,
        known_roles,
        no_reporting_cycle,
        alias_not_live_id,
        deprecated_alias,
        buddy_internal,
        buddy_not_self,
        no_onboarding_on_external,
        onboarding_item_once,
        buddy_not_manager,
        safe_links,
        no_images,
        no_attribute_lists,
        no_snippet_lines,
        one_line_text,
        text_length,
        no_joined_lines,
        no_comment_in_value,
        no_list_in_paragraph,
        no_raw_html,
        no_bidi_controls,
        no_invisible_characters,
        step_has_owner,
        single_owner,
        step_has_responsible,
        role_once_per_step,
        role_takes_part,
        external_not_accountable,
        stage_has_steps,
        checklist_has_items,
        site_url_set,
        # Departments (HB070-HB077).
        known_department,
        department_id,
        department_head,
        department_maintainers,
        no_department_cycle,
        department_named,
        cross_department_manager,
        codeowners_up_to_date,
    )
)

RULE_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
RULE_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}
