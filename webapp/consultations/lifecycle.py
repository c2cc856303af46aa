"""A consultation running by itself: opening and closing on the dates set, and
telling staff (`webapp.staff.alerts`) when it opens, closes and gets its first
response, and when an answer is flagged for safeguarding.

`tick` is the one piece of code that moves consultations by their dates; the
`flask consultations tick` command and the RQ job `webapp.consultations.jobs.tick`
both run it (a cron line or an RQ scheduler every few minutes; once a day
is enough, since dates have no time of day). The respondent's page never
waits for it: `rules.availability` already refuses answers outside the dates.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from webapp.audit import record_event
from webapp.consultations import rules
from webapp.consultations.models import Consultation
from webapp.extensions import db
from webapp.staff import alerts

TRANSITION_ACTIONS = {"review": "consultation.send_for_review", "draft": "consultation.back_to_draft",
                  "scheduled": "consultation.schedule", "open": "consultation.open",
                  "closed": "consultation.close", "published": "consultation.publish"}
ALERTS = {"open": "opened", "closed": "closed"}


def set_status(consultation: Consultation, target: str, *, by_dates: bool = False) -> None:
    """Move the consultation to `target` (already checked), audit it and alert staff."""
    previous = consultation.status
    consultation.status = target
    if target == "published":
        consultation.results_published_on = date.today()
    detail = f"{previous} -> {target}" + (", by its dates" if by_dates else "")
    if by_dates:
        record_event(TRANSITION_ACTIONS[target], target=consultation.slug, detail=detail, user=None)
    else:
        record_event(TRANSITION_ACTIONS[target], target=consultation.slug, detail=detail)
    if target in ALERTS:
        alerts.alert(ALERTS[target], consultation.title)


def tick(today: date | None = None) -> list[tuple[str, str]]:
    """Open every scheduled consultation whose opening date has come and close
    every one whose closing date has passed; commits. Returns (title, new
    status) for each one moved, for the command to report."""
    moved = []
    candidates = db.session.scalars(select(Consultation).where(Consultation.status.in_(("scheduled", "open")))
                                    .order_by(Consultation.id))
    for consultation in candidates:
        target = rules.due_status(consultation.status, consultation.opens_on, consultation.closes_on, today)
        if target:
            set_status(consultation, target, by_dates=True)
            moved.append((consultation.title, target))
    db.session.commit()
    return moved


def announce_response(consultation: Consultation, flagged: bool) -> None:
    """Alerts for a response about to be committed: a safeguarding flag, and the
    consultation's first response (marked in one UPDATE, so two first
    responses at once still alert once)."""
    if flagged:
        alerts.alert("safeguarding")
    first = db.session.execute(
        update(Consultation).where(Consultation.id == consultation.id, Consultation.first_response_alerted.is_(False))
        .values(first_response_alerted=True).execution_options(synchronize_session=False)).rowcount
    if first:
        alerts.alert("first_response", consultation.title)
