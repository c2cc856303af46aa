"""Staff moderation of feedback free text at /staff/feedback: a quarter's text
with risk flags, hide with a reason and show again, safeguarding flags, marks
for publication (also on the consultation queue), the group's access code; all
audited without the text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.webapp.helpers import make_consultation, make_user, page, sign_in_as
from webapp.audit import AuditEvent
from webapp.consultations.models import Answer, ConsultationResponse
from webapp.extensions import db
from webapp.feedback import moderation
from webapp.feedback.models import FeedbackResponse, Service
from webapp.moderation.models import PublishedQuote

DAY = date(2026, 8, 12)
LIST = "/staff/feedback/?quarter=2026Q3"


def add_feedback(helped: str = "My worker listened.", better: str = "", day: date = DAY, **values):
    response = FeedbackResponse(submitted_on=day, what_helped=helped, could_be_better=better, **values)
    db.session.add(response)
    db.session.commit()
    return response


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def signed_in(app, role: str):
    client = app.test_client()
    sign_in_as(client, make_user(f"{role}@partnership.example", role))
    return client


@pytest.fixture
def engagement(app_context, app):
    return signed_in(app, "engagement")


def test_analyst_reads_a_quarter_with_risk_flags_but_cannot_moderate(app_context, app):
    flagged = add_feedback("He said he would kill me.", risk_flagged=True,
                           risk_categories="threat_to_kill_or_harm,weapons")
    add_feedback("Kind staff.", "Shorter waits.")
    add_feedback("", "")  # no free text: not listed
    add_feedback("Another quarter.", day=date(2026, 4, 2))
    client = signed_in(app, "analyst")
    html = page(client.get(LIST))
    assert html.find(id="feedback-count").get_text(strip=True) == "2 responses with free text."
    card = html.find(id=f"response-{flagged.id}")
    assert "Risk words: Threat to kill or harm, Weapons" in card.get_text()
    assert "Shorter waits." in html.get_text() and "Another quarter." not in html.get_text()
    assert "Mark for publication" not in html.get_text() and "Hide this response" not in html.get_text()
    [viewed] = events("free_text.view")
    assert viewed.target == "feedback:2026Q3" and "kill" not in viewed.detail
    assert client.post(f"/staff/feedback/{flagged.id}/hide", data={"reason": "spam", "detail": "x"}).status_code == 403


def test_filter_by_service_and_a_kind_error_for_a_bad_quarter(app, engagement):
    outreach = Service(slug="outreach", name="Outreach")
    refuge = Service(slug="refuge", name="Refuge")
    db.session.add_all([outreach, refuge])
    db.session.commit()
    add_feedback("Outreach helped.", service_id=outreach.id)
    add_feedback("Refuge helped.", service_id=refuge.id)
    text = page(engagement.get(LIST + "&service=refuge")).get_text()
    assert "Refuge helped." in text and "Outreach helped." not in text
    bad = engagement.get("/staff/feedback/?quarter=summer")
    assert bad.status_code == 400
    html = page(bad)
    assert "is not a quarter. Write it like 2026Q3." in html.get_text()
    assert html.find("input", attrs={"name": "quarter"})["value"] == "summer"


def test_pages_of_feedback(app, engagement):
    # Days apart: responses keep only their day (ids are random, so within a day
    # the order people answered in is not kept), and the list is newest day first.
    for number in range(moderation.PER_PAGE + 2):
        add_feedback(f"Comment {number}.", day=DAY - timedelta(days=moderation.PER_PAGE + 2 - number))
    first = page(engagement.get(LIST))
    second = page(engagement.get(LIST + "&page=2")).get_text()
    # Newest first: 25 on the first page, the two oldest on the second.
    assert "Comment 26." in first.get_text() and "Comment 1." not in first.get_text()
    assert "Comment 1." in second and "Comment 0." in second and "Comment 2." not in second
    assert first.find("a", attrs={"rel": "next"})["href"].endswith("page=2")


def test_hide_with_a_reason_then_show_again_audited(app, engagement):
    response = add_feedback("Buy cheap watches at example.com")
    refused = engagement.post(f"/staff/feedback/{response.id}/hide?quarter=2026Q3", data={"reason": "abuse"})
    assert refused.status_code == 400
    db.session.refresh(response)
    assert not response.hidden
    html = page(refused)
    assert "Say why you are hiding it as abuse" in html.select_one(".govuk-error-summary").get_text()
    assert html.find("input", attrs={"name": "reason", "value": "abuse", "checked": True})

    done = engagement.post(f"/staff/feedback/{response.id}/hide?quarter=2026Q3&page=1",
                           data={"reason": "spam", "detail": "An advert"})
    assert done.status_code == 302 and "quarter=2026Q3" in done.location
    db.session.refresh(response)
    assert response.hidden and response.hidden_reason == "Spam: An advert"
    [hidden] = events("response.hide")
    assert hidden.target == f"feedback:{response.id}" and "watches" not in hidden.detail
    assert "Hidden because: Spam: An advert" in page(engagement.get(LIST)).get_text()

    engagement.post(f"/staff/feedback/{response.id}/unhide")
    db.session.refresh(response)
    assert not response.hidden and response.hidden_reason == ""
    assert len(events("response.unhide")) == 1


def test_safeguarding_flag_toggles_and_is_audited(app, engagement):
    response = add_feedback("I am scared to go home.")
    engagement.post(f"/staff/feedback/{response.id}/safeguarding")
    db.session.refresh(response)
    assert response.safeguarding_flag
    engagement.post(f"/staff/feedback/{response.id}/safeguarding")
    db.session.refresh(response)
    assert not response.safeguarding_flag
    assert [len(events("response.safeguarding_flag")), len(events("response.safeguarding_unflag"))] == [1, 1]


def test_mark_and_unmark_a_text_for_publication(app, engagement):
    response = add_feedback("My worker listened.", "Shorter waits.")
    ref = f"f:{response.id}:could_be_better"
    engagement.post(f"/staff/feedback/{response.id}/publication", data={"ref": ref})
    assert db.session.scalars(select(PublishedQuote.ref)).all() == [ref]
    html = page(engagement.get(LIST))
    assert "Marked for publication" in html.get_text() and "Unmark for publication" in html.get_text()
    engagement.post(f"/staff/feedback/{response.id}/publication", data={"ref": ref})
    assert db.session.scalars(select(PublishedQuote.ref)).all() == []
    assert [e.target for e in events("quote.publish") + events("quote.unpublish")] == [ref, ref]
    # Refs that are not this response's non-empty text are refused.
    other = add_feedback("Other.")
    for bad in (f"f:{other.id}:what_helped", f"f:{response.id}:ease", "a:1", f"f:{response.id}:"):
        engagement.post(f"/staff/feedback/{response.id}/publication", data={"ref": bad})
    empty = add_feedback("Only helped.")
    engagement.post(f"/staff/feedback/{empty.id}/publication", data={"ref": f"f:{empty.id}:could_be_better"})
    assert db.session.scalars(select(PublishedQuote)).all() == []


def test_mark_for_publication_on_the_consultation_queue(app, engagement):
    consultation = make_consultation("after-leaving", status="closed")
    question = next(q for q in consultation.questions if q.kind == "free_text")
    answer = Answer(question=question, value="The refuge was warm.")
    db.session.add(ConsultationResponse(consultation=consultation, submitted_on=DAY, answers=[answer]))
    db.session.commit()
    queue = f"/staff/consultations/{consultation.id}/moderation"
    assert "Mark for publication" in page(engagement.get(queue)).get_text()
    done = engagement.post(f"{queue}/answers/{answer.id}/publication")
    assert done.status_code == 302 and done.location.endswith(f"#answer-{answer.id}")
    assert db.session.scalars(select(PublishedQuote.ref)).all() == [f"a:{answer.id}"]
    assert "Unmark for publication" in page(engagement.get(queue)).get_text()
    engagement.post(f"{queue}/answers/{answer.id}/publication")
    assert db.session.scalars(select(PublishedQuote)).all() == []


def test_moderators_are_led_to_the_group_codes_for_the_quarter(app, engagement):
    link = page(engagement.get("/staff/feedback/?quarter=2026Q3")).find(id="group-codes-link")
    assert link["href"] == "/staff/reports/summary/feedback:2026Q3/member-codes"
    assert engagement.get(link["href"]).status_code == 200
