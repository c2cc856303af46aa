"""Email alerts for staff who opt in (their alert settings page): a new
safeguarding flag, and a consultation opening, closing or getting its first
response.

What an email may say: which kind of thing happened, a consultation's title
(written by staff) and a link to sign in. Never anything a respondent wrote,
chose or is, not even which consultation a flagged answer was given to: an
inbox is read on phones and forwarded, and a safeguarding lead needs only to
know to sign in.

Alerts are queued on the database session and sent only after it commits
(a rolled-back change alerts nobody), in a thread during a request so the
respondent never waits for the mail server, and a failure to send is logged
and goes no further: it can never lose the response that caused it. Commands
and jobs (the `consultations tick`) send before they finish, since a thread
would die with the process. Plain `smtplib` against MAIL_SERVER:MAIL_PORT;
without MAIL_SERVER nothing is sent.
"""

from __future__ import annotations

import logging
import smtplib
import threading
from dataclasses import dataclass
from email.message import EmailMessage

from flask import current_app, has_request_context, request
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from webapp.extensions import db
from webapp.staff.access import PERMISSIONS
from webapp.staff.models import StaffUser

log = logging.getLogger(__name__)

PENDING_KEY = "heard_pending_alerts"
# Where every alert points: the staff home lists the work (staff.home; a test keeps them the same).
STAFF_HOME_PATH = "/staff/"


@dataclass(frozen=True)
class AlertKind:
    permission: str  # who may get it: opted-in staff whose role has this
    summary: str  # for the alert settings page
    subject: str
    body: str  # may name {title}, a consultation's title


KINDS = {
    "safeguarding": AlertKind(
        "moderate", "a new safeguarding flag", "Heard: a new safeguarding flag",
        "An answer sent to Heard has been flagged for safeguarding: something in it suggests someone "
        "may be in danger. Please sign in and read it as soon as you can."),
    "opened": AlertKind(
        "build", "a consultation opening", "Heard: a consultation has opened",
        "The consultation \u201c{title}\u201d is now open for answers."),
    "closed": AlertKind(
        "build", "a consultation closing", "Heard: a consultation has closed",
        "The consultation \u201c{title}\u201d has closed. Its answers are ready to moderate and theme."),
    "first_response": AlertKind(
        "build", "a consultation's first response", "Heard: a consultation has its first answers",
        "The consultation \u201c{title}\u201d has received its first response."),
}
FOOTER = ("\n\nSign in to Heard to see it: {link}\n\n"
          "You get these emails because you turned on email alerts in Heard. "
          "To stop them, sign in and change your alert settings.\n")


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


def mail_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def recipients(kind: str) -> list[str]:
    """Active staff who opted in and whose role may act on this kind of alert."""
    roles = [role for role, permissions in PERMISSIONS.items() if KINDS[kind].permission in permissions]
    return list(db.session.scalars(select(StaffUser.email).where(
        StaffUser.email_alerts.is_(True), StaffUser.active.is_(True), StaffUser.role.in_(roles))
        .order_by(StaffUser.email)))


def alert(kind: str, title: str = "") -> None:
    """Queue one alert for everyone who should get it; sent once the session commits."""
    if not mail_configured():
        return
    alert_kind = KINDS[kind]
    body = alert_kind.body.format(title=title) + FOOTER.format(link=_staff_home_link())
    pending = db.session.info.setdefault(PENDING_KEY, [])
    pending.extend(Mail(to=email, subject=alert_kind.subject, body=body) for email in recipients(kind))


def _staff_home_link() -> str:
    base = current_app.config.get("PUBLIC_BASE_URL") or (request.host_url if has_request_context() else "")
    return (base or "").rstrip("/") + STAFF_HOME_PATH


def send(mails: list[Mail], settings: dict) -> None:
    """Send each mail over one SMTP connection; a failure is logged, never raised."""
    if not mails:
        return
    try:
        with smtplib.SMTP(settings["MAIL_SERVER"], settings["MAIL_PORT"],
                          timeout=settings["MAIL_TIMEOUT_SECONDS"]) as smtp:
            if settings.get("MAIL_USE_TLS"):
                smtp.starttls()
            if settings.get("MAIL_USERNAME"):
                smtp.login(settings["MAIL_USERNAME"], settings.get("MAIL_PASSWORD") or "")
            for mail in mails:
                smtp.send_message(_message(mail, settings["MAIL_FROM"]))
    except (OSError, smtplib.SMTPException) as error:
        # The kind of error only: its message may hold addresses, and logs hold no personal data.
        log.warning("staff alerts could not be sent: %s", type(error).__name__)


def _message(mail: Mail, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message.set_content(mail.body)
    return message


def _mail_settings() -> dict:
    return {key: current_app.config.get(key) for key in
            ("MAIL_SERVER", "MAIL_PORT", "MAIL_FROM", "MAIL_USE_TLS", "MAIL_USERNAME", "MAIL_PASSWORD",
             "MAIL_TIMEOUT_SECONDS")}


@event.listens_for(Session, "after_commit")
def _send_after_commit(session: Session) -> None:
    mails = session.info.pop(PENDING_KEY, None)
    if not mails:
        return
    settings = _mail_settings()
    if has_request_context():
        threading.Thread(target=send, args=(mails, settings), name="staff-alerts").start()
    else:
        send(mails, settings)


@event.listens_for(Session, "after_soft_rollback")
def _forget_after_rollback(session: Session, previous_transaction) -> None:
    session.info.pop(PENDING_KEY, None)
