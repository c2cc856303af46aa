"""Reading the audit log: filters and pages for the admin audit page. Nothing
here writes; `webapp.audit.record_event` is the only writer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select

from webapp.audit import AuditEvent
from webapp.extensions import db
from webapp.formatters import local_midnight_utc
from webapp.staff.models import StaffUser

PER_PAGE = 50


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""
    user_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def from_form(cls, form) -> AuditFilter:
        return cls(action=form.action.data or "",
                   user_id=int(form.user.data) if form.user.data else None,
                   date_from=form.date_from.data, date_to=form.date_to.data)

    def query_args(self) -> dict:
        """The filter as query-string arguments, for pagination links."""
        args: dict = {}
        if self.action:
            args["action"] = self.action
        if self.user_id is not None:
            args["user"] = str(self.user_id)
        for name, value in (("date_from", self.date_from), ("date_to", self.date_to)):
            if value:
                args[name] = [str(value.day), str(value.month), str(value.year)]
        return args


def search(filters: AuditFilter, page: int = 1, per_page: int = PER_PAGE):
    query = select(AuditEvent).order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.user_id is not None:
        # What they did, and what was done to their account (e.g. failed sign-ins).
        user = db.session.get(StaffUser, filters.user_id)
        conditions = [AuditEvent.actor_id == filters.user_id]
        if user is not None:
            conditions.append(AuditEvent.target == user.email)
        query = query.where(or_(*conditions))
    # The dates are the partnership's local days; times are stored in UTC.
    if filters.date_from:
        query = query.where(AuditEvent.occurred_at >= local_midnight_utc(filters.date_from))
    if filters.date_to:
        query = query.where(AuditEvent.occurred_at < local_midnight_utc(filters.date_to + timedelta(days=1)))
    return db.paginate(query, page=max(page, 1), per_page=per_page, error_out=False)
