"""Findings (what a rule saw) and problems (a finding stamped with code and severity)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.source.model import Location
from generator.words.messages import Message

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found, and where; the linter turns it into a `Problem` in the handbook's language."""

    at: Location
    message: Message


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One reported problem; sorting orders problems by file, then position."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity} {self.code} {self.message}"
