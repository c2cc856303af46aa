"""Co-production: the group reviews a consultation at /review/<slug> with the
access code, comments per question and on what is missing (redacted before it
is stored), and staff accept or decline each comment; accepted ones become
"what changed because of the group"."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.webapp.helpers import ACCESS_CODE, make_consultation, make_user, page, sign_in_as
from webapp.audit import AuditEvent
from webapp.consultations.models import ChangeRecord, ReviewComment
from webapp.extensions import db

URL = "/review/family-courts"


@pytest.fixture
def consultation(app_context, app):
    return make_consultation("family-courts", status="review", audience="group")


def comments() -> list[ReviewComment]:
    db.session.expire_all()
    return list(db.session.scalars(select(ReviewComment).order_by(ReviewComment.id)))


def unlock(client):
    response = client.post(URL, data={"step": "code", "code": ACCESS_CODE})
    assert response.status_code == 303


def test_access_code_first_then_each_page_with_a_comment_box_per_question(client, consultation):
    html = page(client.get(URL))
    assert html.h1.get_text() == "Enter your access code"
    assert html.find(id="exit-this-page")
    wrong = client.post(URL, data={"step": "code", "code": "RIVER-1234"})
    assert wrong.status_code == 400 and "not right" in page(wrong).get_text()
    # Skipping the code does not show the pages: the code is asked for (as after a time-out).
    skipped = client.post(URL, data={"step": "1", "comment-1": "x"})
    assert skipped.status_code == 400 and page(skipped).h1.get_text() == "Enter your access code"
    assert comments() == []
    unlock(client)
    html = page(client.get(URL))
    assert html.h1.get_text() == "Page 1 of 3: Your support"
    first_page = consultation.pages[0]
    for question in first_page.questions:
        assert html.find("textarea", attrs={"name": f"comment-{question.id}"})
    assert html.find("input", attrs={"type": "radio", "value": "Yes"})  # as respondents see it


def test_comments_are_redacted_and_anonymous_and_missing_is_kept(client, consultation):
    unlock(client)
    refuge = consultation.pages[0].questions[0]
    response = client.post(URL, data={"step": "1", f"comment-{refuge.id}": "Ask about other safe places too, "
                                      "like staying with my sister Jane Smith on 07700 900123.",
                                      f"q{refuge.id}": "Yes"})
    assert response.status_code == 303
    client.post(URL, data={"step": "2"})
    client.post(URL, data={"step": "3"})
    assert page(client.get(URL)).h1.get_text() == "Is something missing?"
    client.post(URL, data={"step": "missing", "comment-missing": "Nothing about the children."})
    assert "We have your comments" in page(client.get(URL)).get_text()
    about_refuge, missing = comments()
    assert about_refuge.question_id == refuge.id and about_refuge.status == "pending"
    assert "07700" not in about_refuge.text and "[phone]" in about_refuge.text and "Jane" not in about_refuge.text
    assert missing.question_id is None and missing.text == "Nothing about the children."
    # The thank-you page ended the session: the code is needed again.
    assert page(client.get(URL)).h1.get_text() == "Enter your access code"


def test_too_long_comment_keeps_what_was_typed(client, consultation):
    unlock(client)
    question = consultation.pages[0].questions[0]
    text = "This question is confusing. " * 60
    response = client.post(URL, data={"step": "1", f"comment-{question.id}": text})
    assert response.status_code == 400
    html = page(response)
    assert "1500 characters or fewer" in html.find(class_="govuk-error-summary").get_text()
    assert html.find("textarea", attrs={"name": f"comment-{question.id}"}).get_text().strip() == text.strip()
    assert comments() == []


def test_only_consultations_in_review_can_be_reviewed(app_context, client, app):
    make_consultation("already-open", status="open", audience="public")
    html = page(client.get("/review/already-open"))
    assert html.h1.get_text() == "This review is not open"
    assert html.find("a", href="/c/already-open")
    assert client.get("/review/no-such-thing").status_code == 404


def test_staff_accept_and_decline_with_a_change_record(client, consultation, app):
    refuge = consultation.pages[0].questions[0]
    consultation.comments += [ReviewComment(question=refuge, text="Say what counts as a refuge."),
                              ReviewComment(question=None, text="Ask about pets.")]
    db.session.commit()
    first, second = comments()
    staff = make_user("eng@partnership.example", "engagement")
    sign_in_as(client, staff)
    base = f"/staff/consultations/{consultation.id}"
    html = page(client.get(f"{base}/comments"))
    assert "Say what counts as a refuge." in html.get_text() and "Ask about pets." in html.get_text()
    missing_reason = client.post(f"{base}/comments/{first.id}", data={f"c{first.id}-decision": "accepted"})
    assert missing_reason.status_code == 400
    assert "Say what will change, or why not" in page(missing_reason).get_text()
    client.post(f"{base}/comments/{first.id}", data={
        f"c{first.id}-decision": "accepted",
        f"c{first.id}-reason": "Added a hint: a refuge or other safe accommodation."})
    client.post(f"{base}/comments/{second.id}", data={
        f"c{second.id}-decision": "declined", f"c{second.id}-reason": "Out of scope for this consultation."})
    first, second = comments()
    assert (first.status, second.status) == ("accepted", "declined")
    assert second.reason == "Out of scope for this consultation."
    [change] = db.session.scalars(select(ChangeRecord)).all()
    assert change.comment_id == first.id and "safe accommodation" in change.description
    shown = page(client.get(base))
    changed = shown.find(id="what-changed").find_next("ul").get_text()
    assert "Added a hint: a refuge or other safe accommodation." in changed
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"consultation.comment_accepted", "consultation.comment_declined"} <= actions
    analyst = make_user("analyst@partnership.example", "analyst")
    other = app.test_client()
    sign_in_as(other, analyst)
    assert other.get(f"{base}/comments").status_code == 403


def test_a_comment_suggesting_danger_leads_with_help_and_staff_see_its_categories(client, consultation, app):
    unlock(client)
    refuge = consultation.pages[0].questions[0]
    client.post(URL, data={"step": "1", f"comment-{refuge.id}": "Fine. He is outside now and he has a knife."})
    client.post(URL, data={"step": "2"})
    client.post(URL, data={"step": "3"})
    client.post(URL, data={"step": "missing", "comment-missing": "Nothing else."})
    html = page(client.get(URL))
    assert html.find(id="urgent-heading").get_text() == "If you are in danger now, call 999"
    danger, other = comments()
    assert danger.risk_categories == "imminent_contact,weapons" and other.risk_categories == ""
    staff = app.test_client()
    sign_in_as(staff, make_user("eng@partnership.example", "engagement"))
    card = page(staff.get(f"/staff/consultations/{consultation.id}/comments")).find(id=f"comment-{danger.id}")
    assert "Risk words: Abuser near or about to be, Weapons" in card.get_text()


def test_comments_without_danger_thank_without_the_emergency_heading(client, consultation):
    unlock(client)
    for step in ("1", "2", "3"):
        client.post(URL, data={"step": step})
    client.post(URL, data={"step": "missing", "comment-missing": "Ask about pets."})
    assert page(client.get(URL)).find(id="urgent-heading") is None


def decide(client, consultation, comment, decision: str, reason: str):
    response = client.post(f"/staff/consultations/{consultation.id}/comments/{comment.id}", data={
        f"c{comment.id}-decision": decision, f"c{comment.id}-reason": reason})
    assert response.status_code == 302


def test_staff_revise_a_decision_and_the_history_is_kept(client, consultation, app):
    consultation.comments.append(ReviewComment(question=None, text="Ask about pets."))
    db.session.commit()
    [comment] = comments()
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    decide(client, consultation, comment, "declined", "Out of scope.")
    decide(client, consultation, comment, "accepted", "Added a question about pets in refuges.")
    [comment] = comments()
    assert comment.status == "accepted"
    assert [(d.decision, d.reason) for d in comment.decisions] == [
        ("declined", "Out of scope."), ("accepted", "Added a question about pets in refuges.")]
    [change] = db.session.scalars(select(ChangeRecord)).all()
    assert change.description == "Added a question about pets in refuges."
    decide(client, consultation, comment, "declined", "The refuge question already covers pets.")
    assert db.session.scalars(select(ChangeRecord)).all() == []
    html = page(client.get(f"/staff/consultations/{consultation.id}/comments")).get_text()
    assert "Earlier decisions" in html and "Out of scope." in html and "Change this decision" in html
    details = [e.detail for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
               if e.action.startswith("consultation.comment_")]
    assert details[1:] == [f"comment {comment.id} (decision revised)"] * 2


def test_the_group_sees_each_decision_behind_the_code(client, consultation, app):
    refuge = consultation.pages[0].questions[0]
    consultation.comments += [ReviewComment(question=refuge, text="Say what counts as a refuge."),
                              ReviewComment(question=None, text="Ask about pets."),
                              ReviewComment(question=None, text="Ask about money.")]
    db.session.commit()
    first, second, _third = comments()
    staff = app.test_client()
    sign_in_as(staff, make_user("eng@partnership.example", "engagement"))
    decide(staff, consultation, first, "accepted", "Added a hint: a refuge or other safe accommodation.")
    decide(staff, consultation, second, "declined", "Out of scope for this consultation.")

    locked = page(client.get(f"{URL}/decisions"))
    assert "Ask about pets." not in locked.get_text() and locked.find("input", attrs={"name": "code"})
    wrong = client.post(f"{URL}/decisions", data={"step": "code", "code": "NOT-IT"})
    assert wrong.status_code == 400 and "not right" in page(wrong).get_text()
    assert client.post(f"{URL}/decisions", data={"step": "code", "code": ACCESS_CODE}).status_code == 303
    text = page(client.get(f"{URL}/decisions")).get_text(" ", strip=True)
    assert "Say what counts as a refuge." in text and "What changed: Added a hint" in text
    assert "Why we did not change it: Out of scope for this consultation." in text
    assert "not decided about 1 comment yet" in text
    assert text.index("Did you stay in a refuge?") < text.index("Something is missing")


def test_decisions_page_stays_open_after_the_review_and_is_404_without_a_code(app_context, client, app):
    open_one = make_consultation("family-courts", status="open", audience="group")
    assert client.post(f"{URL}/decisions", data={"step": "code", "code": ACCESS_CODE}).status_code == 303
    assert "has not made any comments" in page(client.get(f"{URL}/decisions")).get_text()
    make_consultation("public-no-code", status="open", audience="public")
    assert client.get("/review/public-no-code/decisions").status_code == 404
    assert open_one.access_code_hash


def test_thank_you_page_says_where_to_hear_back(client, consultation):
    unlock(client)
    for step in [str(n) for n in range(1, len(consultation.pages) + 1)] + ["missing"]:
        client.post(URL, data={"step": step})
    html = page(client.get(URL))
    assert f"{URL}/decisions" in html.find(id="decisions-link").a["href"]


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_a_visit_that_timed_out_keeps_the_typed_comment_through_the_code(client, consultation, app_overrides):
    """The session (and its token) expired while page 1 was open: the code is
    asked for again, saying why, and the comment comes back once it is given."""
    question = consultation.pages[0].questions[0]
    name = f"comment-{question.id}"
    expired = client.post(URL, data={"step": "1", name: "The wording feels like blame", "csrf_token": "gone"})
    assert expired.status_code == 400
    html = page(expired)
    assert html.h1.get_text() == "Enter your access code"
    assert "your visit ended" in html.get_text() and "has not been lost" in html.get_text()
    carried = {field["name"]: field["value"] for field in html.find_all("input", attrs={"type": "hidden"})}
    assert carried["resume"] == "1" and carried[f"carry-{name}"] == "The wording feels like blame"
    assert comments() == []
    resumed = client.post(URL, data={**carried, "step": "code", "code": ACCESS_CODE})
    assert resumed.status_code == 200
    again = page(resumed)
    assert again.h1.get_text() == "Page 1 of 3: Your support"
    assert again.find("textarea", attrs={"name": name}).get_text().strip() == "The wording feels like blame"
