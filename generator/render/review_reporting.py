"""Output formats for `handbook review`: the reviews overdue or due soon, as text, JSON or GitHub annotations.

Like generator.render.reporting for problems: one small function per format, chosen from
`REVIEW_REPORTER_BY_NAME`, every value escaped for the output it lands in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from generator.render.output_escaping import json_text, log_line, workflow_command_data, workflow_command_property
from generator.source.reviews import Review
from generator.words.messages import Language, msg, render


def _owner(review: Review, language: Language) -> str:
    owner = review.owner
    return f"{owner.title} ({owner.id})" if owner is not None else render(msg("review_report.no_owner"), language)


def _line(review: Review, language: Language) -> str:
    key = "review_report.overdue" if review.status == "overdue" else "review_report.due_soon"
    at = review.at
    return render(
        msg(
            key,
            path=at.path,
            line=at.line,
            column=at.column,
            due=review.due_on.isoformat() if review.due_on else "",
            days=review.days_overdue,
            title=review.thing.title,
            owner=_owner(review, language),
        ),
        language,
    )


def format_review_text(reviews: Sequence[Review], language: Language, *, today: date, tracked: int) -> str:
    """One line per review (`path:line:column: overdue since …`), then a count; one line when none is due."""
    if not reviews:
        return log_line(render(msg("review_report.none", today=today.isoformat(), tracked=tracked), language))
    overdue = sum(1 for review in reviews if review.status == "overdue")
    lines = [log_line(_line(review, language)) for review in reviews]
    summary = msg("review_report.summary", overdue=overdue, due_soon=len(reviews) - overdue, today=today.isoformat())
    lines.append(render(summary, language))
    return "\n".join(lines)


def review_record(review: Review) -> dict[str, Any]:
    """One review as plain data: what `--format json` lists."""
    owner = review.owner
    thing: Any = review.thing
    return {
        "path": review.at.path,
        "line": review.at.line,
        "column": review.at.column,
        "kind": review.kind,
        "id": thing.id,
        "title": thing.title,
        "department": review.department.id if review.department else None,
        "status": review.status,
        "last_reviewed_on": review.last_reviewed_on.isoformat(),
        # The period as read ({"count": 6, "unit": "month"}) and where it comes from: file, department or handbook.
        "review_in": {"count": review.period.count, "unit": review.period.unit} if review.period else None,
        "review_in_from": review.period_from or None,
        "due_on": review.due_on.isoformat() if review.due_on else None,
        "days_overdue": review.days_overdue,
        "owner": {"id": owner.id, "title": owner.title} if owner is not None else None,
    }


def format_review_json(reviews: Sequence[Review], language: Language, *, today: date, tracked: int) -> str:
    """A JSON list, like `validate --format json`'s: each review with path, line, status, due date, owner, and
    the day it was counted from (`today`); `[]` when nothing is due."""
    return json_text([{**review_record(review), "today": today.isoformat()} for review in reviews])


def format_review_github(reviews: Sequence[Review], language: Language, *, today: date, tracked: int) -> str:
    """A workflow annotation per review: a warning when overdue, a notice when due soon."""
    lines = []
    for review in reviews:
        level, title = ("warning", "review_report.title_overdue")
        if review.status != "overdue":
            level, title = ("notice", "review_report.title_due_soon")
        at = review.at
        lines.append(
            f"::{level} file={workflow_command_property(at.path)},line={at.line},col={at.column},"
            f"title={workflow_command_property(render(msg(title), language))}::"
            f"{workflow_command_data(_line(review, language))}"
        )
    return "\n".join(lines)


class ReviewReporter(Protocol):
    def __call__(self, reviews: Sequence[Review], language: Language, *, today: date, tracked: int) -> str: ...


REVIEW_REPORTER_BY_NAME: dict[str, ReviewReporter] = {
    "text": format_review_text,
    "json": format_review_json,
    "github": format_review_github,
}
