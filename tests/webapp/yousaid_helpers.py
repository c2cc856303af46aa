"""Themed data for the group view and the "you said, we did" tests: last
quarter's feedback and a closed consultation, coded by staff, with some texts
marked for publication and some not."""

from __future__ import annotations

from datetime import date, timedelta

from tests.webapp.consultation_helpers import make_consultation
from webapp.consultations.models import Answer, ConsultationResponse
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.moderation.models import PublishedQuote
from webapp.themes.models import StaffCoding
from webapp.consultations.models import answer_ref
from webapp.themes.scope import feedback_quarter
from webapp.feedback.models import feedback_ref
from webapp.periods import recent_quarters

PUBLISHED = "The worker on the phone was kind and patient (published)."
UNPUBLISHED = "The worker on the phone rushed me (not published)."
SMALL_THEME_QUOTE = "The police came quickly (published, but the theme is under 5)."
STAFF_LABEL = "Kindness, respect and trauma-informed practice of staff"
POLICE_LABEL = "Police response, protection orders, disclosure scheme"


def last_quarter() -> str:
    return recent_quarters(4)[1]


def seed_feedback_quarter() -> str:
    """Last quarter: 6 responses about staff attitude (one published), 2 about
    the police (one published, but 2 is under 5). Returns the quarter."""
    quarter = last_quarter()
    day = feedback_quarter(quarter).start + timedelta(days=3)
    texts = [PUBLISHED] + [UNPUBLISHED] * 5
    refs = []
    for text in texts:
        refs.append(_feedback(day, text, "staff-attitude"))
    police = [_feedback(day, SMALL_THEME_QUOTE, "police"), _feedback(day, "Police again.", "police")]
    db.session.add_all([PublishedQuote(ref=refs[0]), PublishedQuote(ref=police[0])])
    db.session.commit()
    return quarter


def _feedback(day: date, text: str, code: str) -> str:
    response = FeedbackResponse(submitted_on=day, what_helped=text)
    db.session.add(response)
    db.session.flush()
    ref = feedback_ref(response.id, "what_helped")
    db.session.add(StaffCoding(ref=ref, codes=[code]))
    return ref


def seed_closed_consultation(status: str = "closed"):
    """A group consultation (so it has an access code) that has closed, with
    5 answers about housing, one published."""
    consultation = make_consultation("after-leaving", status=status, audience="group",
                                     opens_on=date.today() - timedelta(days=60),
                                     closes_on=date.today() - timedelta(days=5))
    question = next(q for q in consultation.questions if q.kind == "free_text")
    for n in range(5):
        answer = Answer(question=question, value=f"The refuge found us a safe place ({n}).")
        db.session.add(ConsultationResponse(consultation=consultation, submitted_on=date.today() - timedelta(days=10),
                                            answers=[answer]))
        db.session.flush()
        db.session.add(StaffCoding(ref=answer_ref(answer.id), codes=["housing"]))
        if n == 0:
            db.session.add(PublishedQuote(ref=answer_ref(answer.id)))
    db.session.commit()
    return consultation
