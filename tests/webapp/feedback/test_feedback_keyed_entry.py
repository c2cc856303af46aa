"""Keyed entry of feedback from the paper feedback form, or given with a
worker's help: numbered like the paper form, redacted and checked for danger
as online, the redaction confirmed for paper, the channel recorded, and the
audit log told without the text."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.webapp.helpers import make_user, page, sign_in_as
from webapp.audit import AuditEvent
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service

URL = "/staff/feedback/keyed"
EMAIL = "sam.jones@example.com"


@pytest.fixture
def engagement(app_context, client, app):
    db.session.add(Service(slug="refuge", name="Northshire Refuge", accepting_feedback=True))
    db.session.commit()
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    return client


def _answers(**extra) -> dict:
    return {"channel": "paper", "service": "refuge", "ease": "easy", "overall": "good",
            "what_helped": f"The key worker. Email me at {EMAIL}.", "age_band": "25-34", **extra}


def test_the_screen_is_numbered_and_ordered_like_the_paper_form(engagement):
    form = page(engagement.get(URL)).find("form", id="keyed-entry")
    names = list(dict.fromkeys(tag["name"] for tag in form.find_all(["input", "textarea"])
                               if tag.get("type") != "hidden" and tag.get("name") != "csrf_token"))
    assert names[:12] == ["channel", "language", "service", "other_service", "ease", "listened", "overall",
                          "what_helped", "could_be_better", "age_band", "gender", "disability"]
    text = form.get_text(" ", strip=True)
    assert "1. Which service would you like to tell us about?" in text
    assert "11. What is your sexual orientation?" in text


def test_paper_feedback_round_trip(engagement):
    html = page(engagement.post(URL, data=_answers()))
    assert EMAIL not in html.find(id="redaction-check").get_text()
    assert db.session.scalars(select(FeedbackResponse)).first() is None
    fingerprint = html.find("input", attrs={"name": "checked"})["value"]
    saved = engagement.post(URL, data=_answers(checked=fingerprint, confirm="y"))
    assert saved.status_code == 302
    [response] = db.session.scalars(select(FeedbackResponse))
    assert (response.channel, response.service.slug, response.ease, response.overall, response.age_band) == (
        "paper", "refuge", "easy", "good", "25-34")
    assert EMAIL not in response.what_helped and "The key worker." in response.what_helped
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "feedback.keyed_entry"))
    assert event.actor_email == "eng@partnership.example" and event.detail == "Paper form"
    assert "key worker" not in f"{event.target} {event.detail}"


def test_phoned_in_danger_goes_straight_to_safeguarding(engagement):
    saved = engagement.post(URL, data=_answers(channel="phone", what_helped="He said he will kill me."))
    assert saved.status_code == 302
    [response] = db.session.scalars(select(FeedbackResponse))
    assert response.channel == "phone" and response.risk_flagged and response.safeguarding_flag


def test_moderation_page_links_to_keyed_entry(engagement):
    assert page(engagement.get("/staff/feedback/")).find(id="keyed-entry-link")["href"] == URL
