"""Calendar quarters, the periods feedback is reported, themed, moderated and
purged by: ``2026Q3`` is July to September 2026."""

from __future__ import annotations

import re
from datetime import date, timedelta

QUARTER_KEY = re.compile(r"^(\d{4})Q([1-4])$")
# Reports cover this century at most: 0000Q1 or 9999Q4 cannot be a date at all
# (a 500 before), and a 10,000-year range would be counted week by week.
EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
LONGEST_RANGE = timedelta(days=10 * 366)


class ScopeError(ValueError):
    """A period or report scope that Heard cannot read; the message is for staff."""


def quarter_of(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarter_dates(quarter: str) -> tuple[date, date]:
    """The first and last day of a quarter written like 2026Q3."""
    match = QUARTER_KEY.match(quarter.strip().upper())
    if not match:
        raise ScopeError(f"“{quarter}” is not a quarter. Write it like 2026Q3.")
    year, number = int(match[1]), int(match[2])
    if not EARLIEST.year <= year <= LATEST.year:
        raise ScopeError(f"“{quarter}” is not a quarter Heard reports on: choose one from "
                         f"{EARLIEST.year} to {LATEST.year}.")
    start = date(year, 3 * number - 2, 1)
    next_start = date(year + 1, 1, 1) if number == 4 else date(year, 3 * number + 1, 1)
    return start, next_start - timedelta(days=1)


def check_range(start: date, end: date) -> None:
    """ScopeError unless `start`..`end` is a period Heard can report on."""
    if end < start:
        raise ScopeError("The end date must be the same as or after the start date.")
    if start < EARLIEST or end > LATEST:
        raise ScopeError(f"Choose dates from {EARLIEST.year} to {LATEST.year}.")
    if end - start > LONGEST_RANGE:
        raise ScopeError("Choose a period of 10 years or less.")


def previous_quarter(quarter: str) -> str:
    start, _ = quarter_dates(quarter)
    return quarter_of(start - timedelta(days=1))


def recent_quarters(count: int, today: date | None = None) -> list[str]:
    """This quarter and the `count - 1` before it, newest first."""
    quarters = [quarter_of(today or date.today())]
    while len(quarters) < count:
        quarters.append(previous_quarter(quarters[-1]))
    return quarters
