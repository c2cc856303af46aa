"""Demo consultations: one in every state, a few hundred redacted answers to the
open one, co-production comments with change records, and the home page lists
what people can answer now."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from tests.webapp.helpers import page
from webapp.consultations.demo import FRAGMENTS
from webapp.consultations.models import Answer, Consultation, ConsultationResponse
from webapp.extensions import db


def by_slug(slug: str) -> Consultation:
    return db.session.scalar(select(Consultation).where(Consultation.slug == slug))


def test_a_consultation_in_every_state(app_context, demo_data):
    statuses = Counter(db.session.scalars(select(Consultation.status)))
    assert set(statuses) == {"draft", "review", "open", "closed", "published"}


def test_open_consultation_has_hundreds_of_redacted_answers_over_its_open_period(app_context, demo_data):
    consultation = by_slug("support-after-leaving")
    kinds = {q.kind for q in consultation.questions}
    assert kinds == {"yes_no", "multiple", "rating", "free_text", "agreement", "single"}
    assert any(page.show_if_question_id for page in consultation.pages)
    responses = consultation.responses
    assert len(responses) >= 200
    days = {r.submitted_on for r in responses}
    assert len(days) > 20 and min(days) >= consultation.opens_on
    # Answers are encrypted at rest: searched in Python, not with SQL LIKE.
    texts = [t for t in db.session.scalars(select(Answer.value)) if "IDVA" in t]
    assert texts and all("Karen" not in t for t in texts) and any("[name]" in t for t in texts)
    assert any(r.risk_flagged for r in responses)
    assert all(q.meaning_locked for q in consultation.questions)
    # The safe-accommodation page is answered only by people who said Yes.
    condition = consultation.pages[1]
    for response in responses:
        given = {a.question_id: a.value for a in response.answers}
        shown = given.get(condition.show_if_question_id) == "Yes"
        assert shown or not any(q.id in given for q in condition.questions)


def test_review_consultation_has_comments_some_accepted_with_change_records(app_context, demo_data):
    consultation = by_slug("family-courts")
    # Its access code is random, never one anybody could read in this repository;
    # staff issue a new one to try the group's review.
    assert consultation.audience == "group" and consultation.access_code_hash
    assert not consultation.access_code_matches("CEDAR-2026")
    statuses = Counter(c.status for c in consultation.comments)
    assert statuses["accepted"] >= 2 and statuses["pending"] >= 2 and statuses["declined"] >= 1
    assert len(consultation.changes) == statuses["accepted"]
    assert any(c.question_id is None for c in consultation.comments)


def test_published_consultation_shows_its_results(app_context, client, demo_data):
    html = page(client.get("/c/telling-your-story-once"))
    assert html.h1.get_text() == "This consultation has closed"
    assert "We did:" in html.get_text()
    assert db.session.scalar(select(func.count(ConsultationResponse.id))) > 300


def test_home_lists_open_public_consultations_only(client, demo_data):
    response = client.get("/")
    assert "Set-Cookie" not in response.headers
    links = page(response).select("#open-consultations a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Improving support after leaving", "/c/support-after-leaving")]


def test_demo_fragments_are_plausible():
    assert sum(len(pool) for pool in FRAGMENTS.values()) >= 30
