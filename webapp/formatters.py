"""How dates and times read on Heard's pages, as named Jinja filters, so no
template writes its own `strftime` and every page says a date the same way.

    {{ consultation.closes_on | long_date }}   27 March 2026
    {{ change.changed_on | short_date }}       27 Mar 2026
    {{ run.finished_at | long_date_time }}     27 March 2026 at 14:05
    {{ user.last_sign_in_at | short_date_time }}  27 Mar 2026 14:05
    {{ event.occurred_at | timestamp }}        2026-03-27 14:05:09
    {{ response.risk_categories | risk_labels }}  ["Threat to kill or harm", "Weapons"]
    {{ event.occurred_at | local_time }}       27 Mar 2026, 15:05:09 BST
    {{ line.number | phone_number }}           <bdi dir="ltr" class="heard-phone">0808 2000 247</bdi>

Times are stored in UTC (without a zone); `local_time` shows one as the
partnership's clocks read it (UK time, summer time included).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from flask import Flask
from markupsafe import Markup

from analysis.risk import CATEGORIES

LOCAL_ZONE = ZoneInfo("Europe/London")

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


def risk_labels(categories: str | None) -> list[str]:
    """Staff-facing names of stored danger categories ("threat_to_kill_or_harm,weapons");
    a name from an older version of the detector reads as its words."""
    codes = [c.strip() for c in (categories or "").split(",") if c.strip()]
    return [CATEGORIES.get(c, c.replace("_", " ").replace("-", " ").capitalize()) for c in codes]


def to_local(moment: datetime) -> datetime:
    """A stored (naive, UTC) time as the partnership's local time."""
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_ZONE)


def local_time(moment: datetime) -> str:
    """To the second, in local time with its zone (GMT or BST): the audit log's form."""
    local = to_local(moment)
    return f"{short_date(local)}, {local:%H:%M:%S} {local.tzname()}"


def local_midnight_utc(day: date) -> datetime:
    """The start of a local day as a stored (naive, UTC) time, for filtering by local dates."""
    return datetime.combine(day, time.min, tzinfo=LOCAL_ZONE).astimezone(UTC).replace(tzinfo=None)


def phone_number(number: str) -> Markup:
    """A phone number that reads left to right on a right-to-left page (in Urdu,
    "0808 2000 247" would otherwise show its groups in reverse order) and is
    never split across two lines."""
    return Markup('<bdi dir="ltr" class="heard-phone">{}</bdi>').format(number)


FILTERS = {f.__name__: f for f in (long_date, short_date, long_date_time, short_date_time, timestamp,
                                   local_time, risk_labels, phone_number)}


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(FILTERS)
