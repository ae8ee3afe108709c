"""When each role, process and department was last reviewed, when it is due again, and who reviews it.

The fields are GOV.UK's tech-docs words: `last_reviewed_on: 2026-06-01` and
`review_in: 6 months`. A period may be written in English or Chinese (`90 days`,
`2 weeks`, `1 year`, `6 個月`, `3 个月`, `2 週`); a file without one takes its
department's, else the handbook's (`review_in` in mkdocs.yml's plugin options).
The reviewer is the file's `owner` role, else its department's head.

"Today" is never read from the clock here: the commands and the plugin pass it
in (see `today_from_environment`), so a build of one commit says the same thing
twice and a test can say which day it is.
"""

from __future__ import annotations

import calendar
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from generator.source.model import Department, Handbook, Location, Process, Role

PeriodUnit = Literal["day", "week", "month", "year"]
# The files that carry review fields, by the kind the loader gives them.
ReviewedKind = Literal["role", "process", "department"]
REVIEWED_KINDS: tuple[ReviewedKind, ...] = ("role", "process", "department")

# Every way of writing a unit the handbook's languages use, whatever the handbook's language:
# a file copied from an English handbook into a Chinese one still reads.
_UNITS: Mapping[str, PeriodUnit] = {
    "day": "day",
    "days": "day",
    "天": "day",
    "日": "day",
    "week": "week",
    "weeks": "week",
    "週": "week",
    "周": "week",
    "星期": "week",
    "個星期": "week",
    "个星期": "week",
    "month": "month",
    "months": "month",
    "個月": "month",
    "个月": "month",
    "月": "month",
    "year": "year",
    "years": "year",
    "年": "year",
}
_PERIOD = re.compile(r"\s*([0-9０-９]{1,4})\s*([A-Za-z]+|[\u4e00-\u9fff]+)\s*")
# Longer than this is no review cadence, and keeps every due date far inside the calendar.
MAX_PERIOD_DAYS = 10 * 366
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# How long before its due date a review is listed as coming up.
DUE_SOON_DAYS = 30

ENVIRONMENT_VARIABLE = "SOURCE_DATE_EPOCH"
# Set beside SOURCE_DATE_EPOCH (to the same stamp) when a build takes the date from its last commit
# (generator.engines.build_date): that day is the build's, not one a user gave.
FROM_COMMIT_VARIABLE = "HANDBOOK_DATE_FROM_COMMIT"


@dataclass(frozen=True, slots=True)
class Period:
    """A review period: a number of days, weeks, months or years."""

    count: int
    unit: PeriodUnit

    def after(self, day: date) -> date:
        """The day this period after `day` (a month later than 31 January is the last day of February).

        Past the calendar's end (a review "on" 9999-12-31, which a rule reports) it is the last day there is.
        """
        try:
            if self.unit == "day":
                return day + timedelta(days=self.count)
            if self.unit == "week":
                return day + timedelta(weeks=self.count)
            months = self.count * (12 if self.unit == "year" else 1)
            year, month = divmod(day.month - 1 + months, 12)
            year += day.year
            last = calendar.monthrange(year, month + 1)[1]
            return date(year, month + 1, min(day.day, last))
        except (OverflowError, ValueError):
            return date.max


def parse_period(text: object) -> Period | None:
    """The period written in `text` (`6 months`, `90 days`, `6 個月`), or None when it is not one."""
    if not isinstance(text, str):
        return None
    match = _PERIOD.fullmatch(text)
    if match is None:
        return None
    unit = _UNITS.get(match.group(2).lower())
    count = int(match.group(1))  # int() reads full-width digits too
    if unit is None or count < 1:
        return None
    period = Period(count, unit)
    days = {"day": 1, "week": 7, "month": 31, "year": 366}[unit] * count
    return period if days <= MAX_PERIOD_DAYS else None


def parse_review_date(value: object) -> date | None:
    """The date `last_reviewed_on` holds: a YAML date, or text `YYYY-MM-DD` naming a real day; else None.

    YAML reads `2026-06-01` as a date and `2026-02-30` as text (no such day); a time
    written after the date is ignored.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def today_from_environment(environ: Mapping[str, str] | None = None) -> date:
    """Today for a check or build: the day of `SOURCE_DATE_EPOCH` (UTC, as reproducible builds read it) when it is
    set, else the local clock's (the day the editor sees on the wall)."""
    stamp = (os.environ if environ is None else environ).get(ENVIRONMENT_VARIABLE, "").strip()
    if stamp.isdigit():
        try:
            return datetime.fromtimestamp(int(stamp), tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            pass  # a stamp past the calendar: the clock's day, as without one
    return date.today()


def date_was_given(environ: Mapping[str, str] | None = None) -> bool:
    """Whether `SOURCE_DATE_EPOCH` is a day someone chose (`--today`, or set by hand), not the last commit's."""
    environ = os.environ if environ is None else environ
    stamp = environ.get(ENVIRONMENT_VARIABLE, "").strip()
    return bool(stamp) and environ.get(FROM_COMMIT_VARIABLE) != stamp


def settings_for_today(today: date | None = None) -> ReviewSettings:
    """Review settings with no option set: `today`, else the day from the environment (see `latest_review_day`)."""
    day = today or today_from_environment()
    return ReviewSettings(today=day, latest_day=latest_review_day(day, given=today is not None or date_was_given()))


def epoch_of(day: date) -> str:
    """`SOURCE_DATE_EPOCH` for midnight (UTC) of `day`: how `--today` reaches a build."""
    return str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    """What the review rules and pages need besides the files: today, and what mkdocs.yml sets.

    `default_review_in` is the plugin option as written ("" when unset), `default_at` where
    it is written; `overdue_fails_strict` makes an overdue review fail `--strict` too.
    `latest_day` is the last day a `last_reviewed_on` may name (default: `today`); see
    `latest_review_day`.
    """

    today: date
    default_review_in: str = ""
    default_at: Location | None = None
    overdue_fails_strict: bool = False
    latest_day: date | None = None

    @property
    def last_possible_review(self) -> date:
        return self.latest_day or self.today


def latest_review_day(today: date, *, given: bool) -> date:
    """The last day a review may have happened on: `today` when the user gave it (`--today`), else the later of
    `today` and the clock's day.

    A build counts "today" from its last commit (reproducible pages), but an editor who reviews a
    page today and previews it before committing wrote no date in the future: only the clock
    can say that. A given day is taken at its word, so a test can say exactly which day it is.
    """
    return today if given else max(today, date.today())


def review_settings_from_options(
    options: Mapping[str, Any],
    *,
    today: date,
    config_path: str = "mkdocs.yml",
    config_text: str = "",
    latest_day: date | None = None,
) -> ReviewSettings:
    """The review settings of the handbook plugin's options (mkdocs.yml as plain data).

    `config_text`, the file's text, lets a finding about the default name its line.
    """
    written = options.get("review_in")
    default = "" if written is None else str(written)
    at = None
    if default:
        line = next(
            (
                number
                for number, text in enumerate(config_text.splitlines(), start=1)
                if text.lstrip().startswith("review_in:")
            ),
            1,
        )
        at = Location(config_path, line, 1)
    return ReviewSettings(
        today=today,
        default_review_in=default,
        default_at=at,
        overdue_fails_strict=options.get("overdue_fails_strict") is True,
        latest_day=latest_day,
    )


Status = Literal["overdue", "due_soon", "ok", "unscheduled"]
ReviewedThing = Role | Process | Department


@dataclass(frozen=True, slots=True)
class Review:
    """The review of one file: when it was last reviewed, when it is due, by whom, and how that stands today."""

    kind: ReviewedKind
    thing: ReviewedThing
    last_reviewed_on: date
    period: Period | None
    # Where the period came from: the file itself, its department or the handbook ("" without one).
    period_from: Literal["file", "department", "handbook", ""]
    due_on: date | None
    owner: Role | None
    department: Department | None
    status: Status
    at: Location
    today: date

    @property
    def path(self) -> str:
        return self.thing.path

    @property
    def days_overdue(self) -> int:
        """Days since the review was due (0 when it is not due yet)."""
        return max((self.today - self.due_on).days, 0) if self.due_on else 0


def _department_of(handbook: Handbook, thing: ReviewedThing) -> Department | None:
    by_id = {department.id: department for department in handbook.departments}
    if isinstance(thing, Department):
        return thing
    ref = thing.department
    return by_id.get(ref.department_id) if ref is not None else None


def _head_of_handbook(handbook: Handbook) -> Role | None:
    """A one-department handbook's head: the first department role that reports to no one."""
    return next((role for role in handbook.roles_in_reading_order if not role.external and not role.reports_to), None)


def owner_of_review(handbook: Handbook, thing: ReviewedThing) -> Role | None:
    """Who reviews a file: its `owner` role, else its department's head (the handbook's head without departments)."""
    owner = thing.owner
    if owner is not None and owner.role_id in handbook.role_by_id:
        return handbook.role_by_id[owner.role_id]
    if handbook.departments:
        department = _department_of(handbook, thing)
        if department is not None and department.head is not None:
            return handbook.role_by_id.get(department.head.role_id)
        return None
    return _head_of_handbook(handbook)


def reviewed_things(handbook: Handbook) -> Iterator[tuple[ReviewedKind, ReviewedThing]]:
    for department in handbook.departments:
        yield "department", department
    for role in handbook.roles:
        yield "role", role
    for process in handbook.processes:
        yield "process", process


def review_of(handbook: Handbook, thing: ReviewedThing, settings: ReviewSettings) -> Review | None:
    """The review of one role, process or department; None when it gives no (valid) `last_reviewed_on`."""
    dates = thing.review
    if dates is None or not dates.last_reviewed_on:
        return None
    last = date.fromisoformat(dates.last_reviewed_on)
    kind: ReviewedKind = (
        "role" if isinstance(thing, Role) else "process" if isinstance(thing, Process) else "department"
    )
    department = _department_of(handbook, thing)
    period_from: Literal["file", "department", "handbook", ""] = ""
    period = None
    if dates.review_in:
        period, period_from = parse_period(dates.review_in), "file"
    elif department is not None and department is not thing and department.review and department.review.review_in:
        period, period_from = parse_period(department.review.review_in), "department"
    elif settings.default_review_in:
        period, period_from = parse_period(settings.default_review_in), "handbook"
    due = period.after(last) if period is not None else None
    today = settings.today
    if due is None:
        status: Status = "unscheduled"
    elif today >= due:
        status = "overdue"
    elif (due - today).days <= DUE_SOON_DAYS:
        status = "due_soon"
    else:
        status = "ok"
    return Review(
        kind=kind,
        thing=thing,
        last_reviewed_on=last,
        period=period,
        period_from=period_from if period is not None else "",
        due_on=due,
        owner=owner_of_review(handbook, thing),
        department=department,
        status=status,
        at=dates.at,
        today=today,
    )


def reviews_of(handbook: Handbook, settings: ReviewSettings) -> tuple[Review, ...]:
    """Every file's review, departments first, then roles and processes in file order."""
    found = (review_of(handbook, thing, settings) for _, thing in reviewed_things(handbook))
    return tuple(review for review in found if review is not None)


def reviews_to_do(handbook: Handbook, settings: ReviewSettings) -> tuple[Review, ...]:
    """The reviews overdue or coming up, by department (by title; none last), then due date, then path."""
    return tuple(
        sorted(
            (review for review in reviews_of(handbook, settings) if review.status in ("overdue", "due_soon")),
            key=lambda review: (
                review.department is None,
                review.department.title if review.department else "",
                review.due_on or date.max,
                review.path,
            ),
        )
    )


@dataclass(frozen=True)
class ReviewedHandbook:
    """The handbook with its review settings: what the review rules check (scope "review")."""

    handbook: Handbook
    settings: ReviewSettings
