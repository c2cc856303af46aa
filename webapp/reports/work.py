"""What the staff home shows: the work waiting, each line a link to where it is
done. It reads consultations, feedback and the board's actions, so it lives
here, above them all; `create_app` hands `staff_work` down to the staff room's
home page (the staff room sits below and cannot import it).

Only what the signed-in person's role may act on: open consultations for
builders, moderation and safeguarding for moderators, actions for the board.
Counts only: no answer's words, and nothing about who answered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask import url_for
from sqlalchemy import func, or_, select

from webapp.consultations.models import Answer, Consultation, ConsultationResponse, Question
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.reports.models import BoardAction
from webapp.staff.access import can

# Feedback has no "checked" mark: a flag is new for this many days.
RECENT_FEEDBACK_DAYS = 14
OPEN_ACTION_STATUSES = ("planned", "in_progress")


@dataclass(frozen=True)
class WorkLine:
    text: str
    href: str


@dataclass
class WorkSection:
    id: str
    heading: str
    empty: str
    lines: list[WorkLine] = field(default_factory=list)


def staff_work(user, today: date | None = None) -> list[WorkSection]:
    today = today or date.today()
    sections = []
    if can(user, "build") or can(user, "view_reports"):
        sections.append(_open_consultations(user))
    if can(user, "moderate"):
        sections.append(_safeguarding(today))
        sections.append(_awaiting_moderation())
    if can(user, "view_reports"):
        sections.append(_overdue_actions(today))
    return sections


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _open_consultations(user) -> WorkSection:
    section = WorkSection("open-consultations", "Open consultations", "No consultation is open.")
    counts = dict(db.session.execute(
        select(ConsultationResponse.consultation_id, func.count(ConsultationResponse.id))
        .join(Consultation).where(Consultation.status == "open")
        .group_by(ConsultationResponse.consultation_id)).all())
    consultations = db.session.scalars(select(Consultation).where(Consultation.status == "open")
                                       .order_by(Consultation.closes_on, Consultation.title))
    page = "consultations.show" if can(user, "build") else "consultation_results.responses"
    for consultation in consultations:
        closes = f", closes {_day(consultation.closes_on)}" if consultation.closes_on else ""
        section.lines.append(WorkLine(
            f"{consultation.title}: {_plural(counts.get(consultation.id, 0), 'response', 'responses')}{closes}",
            url_for(page, consultation_id=consultation.id)))
    return section


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _flagged():
    return or_(ConsultationResponse.risk_flagged.is_(True), ConsultationResponse.safeguarding_flag.is_(True))


def _safeguarding(today: date) -> WorkSection:
    """Flagged consultation answers nobody has checked yet, and feedback flagged lately."""
    section = WorkSection("safeguarding", "New safeguarding flags", "No new safeguarding flags.")
    rows = db.session.execute(
        select(Consultation.id, Consultation.title, func.count(ConsultationResponse.id))
        .join(ConsultationResponse).where(_flagged(), ConsultationResponse.checked.is_(False))
        .group_by(Consultation.id, Consultation.title).order_by(Consultation.title)).all()
    for consultation_id, title, count in rows:
        section.lines.append(WorkLine(
            f"{title}: {_plural(count, 'flagged response', 'flagged responses')} not checked yet",
            url_for("consultation_results.moderation", consultation_id=consultation_id, show="flagged")))
    feedback = db.session.scalar(select(func.count(FeedbackResponse.id)).where(
        or_(FeedbackResponse.risk_flagged.is_(True), FeedbackResponse.safeguarding_flag.is_(True)),
        FeedbackResponse.submitted_on >= today - timedelta(days=RECENT_FEEDBACK_DAYS))) or 0
    if feedback:
        section.lines.append(WorkLine(
            f"Feedback: {_plural(feedback, 'flagged response', 'flagged responses')} "
            f"in the last {RECENT_FEEDBACK_DAYS} days", url_for("feedback_admin.index")))
    return section


def _awaiting_moderation() -> WorkSection:
    """Free-text answers a moderator has not checked, by consultation."""
    section = WorkSection("moderation", "Answers awaiting moderation", "Every answer has been checked.")
    rows = db.session.execute(
        select(Consultation.id, Consultation.title, func.count(Answer.id))
        .join(ConsultationResponse, ConsultationResponse.consultation_id == Consultation.id)
        .join(Answer, Answer.response_id == ConsultationResponse.id).join(Question, Answer.question_id == Question.id)
        .where(ConsultationResponse.checked.is_(False), Question.kind == "free_text", Answer.value != "")
        .group_by(Consultation.id, Consultation.title).order_by(Consultation.title)).all()
    for consultation_id, title, count in rows:
        section.lines.append(WorkLine(
            f"{title}: {_plural(count, 'answer', 'answers')} not checked yet",
            url_for("consultation_results.moderation", consultation_id=consultation_id, show="unchecked")))
    return section


def _overdue_actions(today: date) -> WorkSection:
    section = WorkSection("overdue-actions", "Actions overdue", "No action is overdue.")
    actions = db.session.scalars(select(BoardAction).where(
        BoardAction.due_on < today, BoardAction.status.in_(OPEN_ACTION_STATUSES)).order_by(BoardAction.due_on))
    for action in actions:
        section.lines.append(WorkLine(
            f"{action.description} ({action.owner_org}), due {_day(action.due_on)}",
            url_for("reports.action", action_id=action.id)))
    return section
