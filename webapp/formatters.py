"""How dates and times read on Heard's pages, as named Jinja filters, so no
template writes its own `strftime` and every page says a date the same way.

    {{ consultation.closes_on | long_date }}   27 March 2026
    {{ change.changed_on | short_date }}       27 Mar 2026
    {{ run.finished_at | long_date_time }}     27 March 2026 at 14:05
    {{ user.last_sign_in_at | short_date_time }}  27 Mar 2026 14:05
    {{ event.occurred_at | timestamp }}        2026-03-27 14:05:09
"""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def long_date_time(moment: datetime) -> str:
    return f"{long_date(moment)} at {moment:%H:%M}"


def short_date_time(moment: datetime) -> str:
    return f"{short_date(moment)} {moment:%H:%M}"


def timestamp(moment: datetime) -> str:
    """To the second, sortable: the audit log's form."""
    return f"{moment:%Y-%m-%d %H:%M:%S}"


FILTERS = {f.__name__: f for f in (long_date, short_date, long_date_time, short_date_time, timestamp)}


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(FILTERS)
