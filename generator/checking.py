"""Run every rule over a handbook and collect the problems, sorted by file and position."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.building import build_handbook
from generator.loading import KIND_BY_FOLDER, SourceFile, read_sources
from generator.model import Handbook
from generator.problems import Problem, Severity
from generator.rules import RULES, Rule

# How a handbook may re-level rules: a severity, or "off".
RuleSetting = Severity | Literal["off"]


class NotAHandbook(Exception):
    """The folder cannot be checked at all (exit code 2), as opposed to having problems in it."""


@dataclass(frozen=True)
class Report:
    handbook: Handbook
    sources: tuple[SourceFile, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


def _severity(rule: Rule, settings: Mapping[str, RuleSetting]) -> RuleSetting:
    return settings.get(rule.id) or settings.get(rule.name) or rule.severity


def check_handbook(root: Path, *, settings: Mapping[str, RuleSetting] | None = None) -> Report:
    """Load, build and check the handbook in `root`.

    `settings` maps a rule id or name to "error", "warning" or "off".
    Raises `NotAHandbook` when `root` has neither roles/ nor processes/.
    """
    if not root.is_dir():
        raise NotAHandbook(f"{root} is not a folder")
    if not any((root / folder).is_dir() for folder in KIND_BY_FOLDER):
        raise NotAHandbook(f"{root} has no roles/ or processes/ folder; is it a handbook?")
    settings = settings or {}
    sources = tuple(read_sources(root))
    handbook = build_handbook(sources)
    problems: list[Problem] = []
    for rule in RULES:
        severity = _severity(rule, settings)
        if severity == "off":
            continue
        targets = sources if rule.scope == "file" else (handbook,)
        for target in targets:
            for finding in rule.check(target):
                problems.append(
                    Problem(
                        path=finding.at.path,
                        line=finding.at.line,
                        column=finding.at.column,
                        code=rule.id,
                        severity=severity,
                        message=finding.message,
                        rule=rule.name,
                    )
                )
    return Report(handbook=handbook, sources=sources, problems=tuple(sorted(set(problems))))
