"""The staff home shows the work waiting, each line a link to where it is done,
and only what the person's role acts on: open consultations with their
response counts, answers awaiting moderation, new safeguarding flags and
actions overdue. Counts only: never an answer's words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.webapp.helpers import make_consultation, make_user, page, sign_in_as
from webapp.consultations.models import Answer, ConsultationResponse
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.reports.models import BoardAction

SECRET_WORDS = "My worker at the Elm Street office was kind."


@pytest.fixture
def work(app_context, app):
    today = date.today()
    consultation = make_consultation("wk01", closes_on=today + timedelta(days=12))
    make_consultation("wk02", status="draft").title = "Draft one"
    free_text = next(q for q in consultation.questions if q.text == "Anything else?")
    for flagged, checked in [(True, False), (False, False), (False, True)]:
        response = ConsultationResponse(consultation=consultation, submitted_on=today, risk_flagged=flagged,
                                        checked=checked)
        response.answers.append(Answer(question=free_text, value=SECRET_WORDS))
        db.session.add(response)
    db.session.add(FeedbackResponse(submitted_on=today - timedelta(days=2), risk_flagged=True))
    db.session.add(FeedbackResponse(submitted_on=today - timedelta(days=40), risk_flagged=True))
    db.session.add_all([
        BoardAction(scope="feedback:2026Q3", theme_code="waiting", description="Shorter waits for outreach",
                    owner_org="Outreach service", due_on=today - timedelta(days=3), status="in_progress"),
        BoardAction(scope="feedback:2026Q3", theme_code="waiting", description="Done already",
                    owner_org="Council", due_on=today - timedelta(days=3), status="done"),
        BoardAction(scope="feedback:2026Q3", theme_code="waiting", description="Not due yet",
                    owner_org="Council", due_on=today + timedelta(days=3), status="planned"),
    ])
    db.session.commit()
    return consultation


def section(html, section_id: str) -> list[tuple[str, str]]:
    heading = html.find(id=section_id)
    listing = heading.find_next_sibling()
    return [(a.get_text(" ", strip=True), a["href"]) for a in listing.select("a")]


def test_the_engagement_team_sees_all_the_work(client, work):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    html = page(client.get("/staff/"))
    closes = date.today() + timedelta(days=12)
    assert section(html, "open-consultations") == [
        (f"Improving support after leaving: 3 responses, closes {closes.day} {closes:%B %Y}",
         f"/staff/consultations/{work.id}")]
    assert section(html, "safeguarding") == [
        ("Improving support after leaving: 1 flagged response not checked yet",
         f"/staff/consultations/{work.id}/moderation?show=flagged"),
        ("Feedback: 1 flagged response in the last 14 days", "/staff/feedback/")]
    assert section(html, "moderation") == [
        ("Improving support after leaving: 2 answers not checked yet",
         f"/staff/consultations/{work.id}/moderation?show=unchecked")]
    overdue = section(html, "overdue-actions")
    assert [text for text, _ in overdue] == [
        f"Shorter waits for outreach (Outreach service), due {(date.today() - timedelta(days=3)).day} "
        f"{date.today() - timedelta(days=3):%B %Y}"]
    assert overdue[0][1].startswith("/staff/reports/actions/")
    assert "Elm Street" not in html.get_text()
    for _, href in [*section(html, "safeguarding"), *section(html, "moderation"), *overdue]:
        assert client.get(href).status_code == 200


def test_a_board_member_sees_only_what_the_board_does(client, work):
    sign_in_as(client, make_user("board@partnership.example", "board"))
    html = page(client.get("/staff/"))
    assert html.find(id="safeguarding") is None and html.find(id="moderation") is None
    assert section(html, "open-consultations")[0][1] == f"/staff/consultations/{work.id}/responses"
    assert len(section(html, "overdue-actions")) == 1


def test_nothing_waiting_says_so(app_context, client, app):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    text = page(client.get("/staff/")).get_text()
    for quiet in ("No consultation is open.", "No new safeguarding flags.", "Every answer has been checked.",
                  "No action is overdue."):
        assert quiet in text
