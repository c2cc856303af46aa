"""The feedback journey end to end through the Flask test client."""

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.webapp.helpers import page, walk_to_check
from webapp.extensions import db
from webapp.feedback.directory import service_by_slug
from webapp.feedback.journey import THANKS_KEY
from webapp.feedback.models import FeedbackResponse


def stored() -> list[FeedbackResponse]:
    return list(db.session.scalars(select(FeedbackResponse)))


def test_interruption_comes_before_the_first_question(client, demo_data):
    html = page(client.get("/feedback"))
    assert html.h1.get_text() == "Before you start"
    text = html.get_text()
    assert "Shift key 3 times" in text
    assert "does not delete your browsing history" in text
    assert "find this site again" in text
    assert html.find("a", string="Read more about staying safe online")["href"] == "/staying-safe-online"
    assert not html.find("form")


def test_whole_journey_stores_one_redacted_response(app_context, client, demo_data):
    check = walk_to_check(client, what_helped="My worker Sarah Jones rang me on 07700 900123.",
                          could_be_better="Email me at someone@example.com")
    html = page(check)
    assert html.h1.get_text() == "Check your answers before sending"
    text = html.get_text()
    assert "[phone]" in text and "07700" not in text
    assert "[email]" in text and "example.com" not in text
    response = client.post("/feedback", data={"step": "check", "website": ""})
    assert response.status_code == 303
    thanks = page(client.get("/feedback"))
    assert "Thank you" in thanks.get_text()
    [row] = [r for r in stored() if "[phone]" in r.what_helped]
    assert row.submitted_on == date.today()
    assert "Sarah" not in row.what_helped and "07700" not in row.what_helped
    assert row.could_be_better == "Email me at [email]"
    assert row.service.slug == "outreach"
    assert (row.ease, row.listened, row.overall) == ("easy", "yes", "good")
    assert (row.age_band, row.gender, row.disability) == ("25-34", "woman", "prefer-not")
    assert not row.risk_flagged


def test_thank_you_ends_the_session(client, demo_data):
    walk_to_check(client)
    client.post("/feedback", data={"step": "check"})
    response = client.get("/feedback")
    assert "heard=;" in response.headers.get("Set-Cookie", "")
    assert page(client.get("/feedback")).h1.get_text() == "Before you start"


def test_validation_error_keeps_everything_typed(client, demo_data):
    client.get("/feedback?step=service")
    response = client.post("/feedback", data={"step": "service", "service": "another", "other_service": ""})
    assert response.status_code == 400
    html = page(response)
    assert html.title.get_text().startswith("Error: ")
    assert "Tell us which service it was" in html.select_one(".govuk-error-summary").get_text()
    long_text = "It was a long story. " * 90  # over the 1,500 character limit
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    response = client.post("/feedback", data={"step": "comments", "what_helped": long_text,
                                              "could_be_better": "Kept this too"})
    assert response.status_code == 400
    html = page(response)
    assert html.find("textarea", attrs={"name": "what_helped"}).get_text() == long_text.strip() or \
        html.find("textarea", attrs={"name": "what_helped"}).get_text().strip() == long_text.strip()
    assert html.find("textarea", attrs={"name": "could_be_better"}).get_text().strip() == "Kept this too"
    assert "1500 characters or fewer" in html.select_one(".govuk-error-summary").get_text()


def test_experience_requires_overall_and_keeps_other_answers(client, demo_data):
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "refuge"})
    response = client.post("/feedback", data={"step": "experience", "ease": "difficult"})
    assert response.status_code == 400
    html = page(response)
    assert html.find("input", attrs={"name": "ease", "value": "difficult"}).has_attr("checked")
    assert "Choose how the support was overall" in html.get_text()


def test_answers_can_be_changed_from_check_page(client, demo_data):
    check = page(walk_to_check(client))
    change = check.find("a", href="/feedback?step=comments")
    assert change is not None
    client.get(change["href"])
    html = page(client.get("/feedback"))
    assert html.find("textarea", attrs={"name": "what_helped"}).get_text().strip() == "My worker listened."
    client.post("/feedback", data={"step": "comments", "what_helped": "Changed my mind", "could_be_better": ""})
    html = page(client.get("/feedback"))
    assert html.h1.get_text() == "Check your answers before sending"
    assert "Changed my mind" in html.get_text()


def test_another_service_is_redacted_and_stored(app_context, client, demo_data):
    walk_to_check(client, service="another", other_service="The drop-in run by Mrs Khan")
    client.post("/feedback", data={"step": "check"})
    [row] = [r for r in stored() if r.service is None]
    assert row.other_service == "The drop-in run by [name]"


def test_equality_questions_can_be_skipped(app_context, client, demo_data):
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "police"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    client.post("/feedback", data={"step": "comments", "what_helped": "", "could_be_better": ""})
    response = client.post("/feedback", data={"step": "about-you", "age_band": "25-34", "skip": "Skip these questions"})
    assert response.status_code == 303
    client.post("/feedback", data={"step": "check"})
    [row] = [r for r in stored() if r.service and r.service.slug == "police" and r.what_helped == ""]
    assert row.age_band == ""


def test_risk_words_lead_thank_you_with_emergency_help_and_flag(app_context, client, demo_data):
    walk_to_check(client, could_be_better="He said he would kill me if I left and he has a knife.")
    client.post("/feedback", data={"step": "check"})
    html = page(client.get("/feedback"))
    assert html.h1.get_text() == "If you are in danger now, call 999"
    assert "press 55" in html.get_text()
    [row] = [r for r in stored() if r.risk_flagged and "knife" in r.could_be_better]
    assert "threat_to_kill_or_harm" in row.risk_categories


def test_danger_written_puts_help_first_on_the_check_page_too(app_context, client, demo_data):
    """A survivor review: help came only after sending, two screens after the words."""
    html = page(walk_to_check(client, could_be_better="He said he would kill me if I left and he has a knife."))
    urgent = html.find(id="urgent-heading")
    assert urgent.name == "h2" and urgent.get_text(strip=True) == "If you are in danger now, call 999"
    assert html.h1.get_text() == "Check your answers before sending"
    assert "press 55" in urgent.find_parent("div").get_text()
    calm = page(walk_to_check(client, could_be_better="The waiting room was cold."))
    assert calm.find(id="urgent-heading") is None


def test_danger_in_one_box_is_not_outweighed_by_thanks_in_the_other(app_context, client, demo_data):
    """A survivor review: the detector reads a text's words as a whole, and thanks in
    one box once outweighed danger now in the other, so help did not come first."""
    walk_to_check(client, what_helped="The outreach worker was lovely, thanks to her.",
                  could_be_better="He is parked on Church St now and my ex drives past every night.")
    client.post("/feedback", data={"step": "check"})
    assert page(client.get("/feedback")).h1.get_text() == "If you are in danger now, call 999"
    [row] = [r for r in stored() if "parked" in r.could_be_better]
    assert row.risk_flagged and row.risk_categories


def test_danger_written_as_the_other_service_leads_with_help_and_flags(app_context, client, demo_data):
    walk_to_check(client, service="another", other_service="GP - he said he will kill me tonight",
                  what_helped="", could_be_better="")
    client.post("/feedback", data={"step": "check"})
    assert page(client.get("/feedback")).h1.get_text() == "If you are in danger now, call 999"
    [row] = [r for r in stored() if r.service is None and "kill" in r.other_service]
    assert row.risk_flagged and "threat_to_kill_or_harm" in row.risk_categories


def test_send_pressed_again_after_a_lost_reply_thanks_and_stores_once(app_context, client, demo_data):
    before = len(stored())
    walk_to_check(client, what_helped="The outreach worker rang back")
    client.post("/feedback", data={"step": "check"})  # stored; say the reply never reached the phone
    again = client.post("/feedback", data={"step": "check"})
    assert again.status_code == 303
    html = page(client.get("/feedback"))
    assert html.h1.get_text() == "Thank you" or "Thank you" in html.h1.get_text()
    assert "deleted" not in html.get_text() and len(stored()) == before + 1


def test_honeypot_drops_bot_submissions_quietly(app_context, client, demo_data):
    before = len(stored())
    walk_to_check(client)
    response = client.post("/feedback", data={"step": "check", "website": "http://spam.example"})
    assert response.status_code == 303
    assert "Thank you" in page(client.get("/feedback")).get_text()
    assert len(stored()) == before


def test_closed_service_link_gets_a_kind_message(app_context, client, demo_data):
    service_by_slug("housing").accepting_feedback = False
    db.session.commit()
    response = client.get("/feedback?service=housing")
    assert response.status_code == 200
    assert "is not taking feedback here any more" in page(response).h1.get_text()
    assert page(client.get("/feedback?service=gone")).h1.get_text() == "We could not find that service"


def test_service_closing_mid_journey_keeps_answers(app_context, client, demo_data):
    walk_to_check(client, service="housing", what_helped="Kept words")
    service_by_slug("housing").accepting_feedback = False
    db.session.commit()
    stored = db.session.scalar(select(func.count()).select_from(FeedbackResponse))
    response = client.post("/feedback", data={"step": "check"})
    html = page(response)
    assert "is no longer taking feedback" in html.get_text()
    assert db.session.scalar(select(func.count()).select_from(FeedbackResponse)) == stored
    client.post("/feedback", data={"step": "service", "service": "police"})
    check = page(client.get("/feedback"))
    assert "Kept words" in check.get_text()


def test_service_link_preselects_service(client, demo_data):
    html = page(client.get("/feedback?service=refuge"))
    assert "Safe Haven Refuge" in html.get_text()
    client.get(html.find("a", string="Continue")["href"])
    form = page(client.get("/feedback"))
    assert form.find("input", attrs={"name": "service", "value": "refuge"}).has_attr("checked")


def test_stats_command_counts_responses(app_context, runner, demo_data):
    result = runner.invoke(args=["stats", "--json"])
    figures = json.loads(result.output)
    assert figures["responses"] == len(stored())
    assert sum(figures["by_service"].values()) == figures["responses"]
    assert figures["flagged"] == sum(r.risk_flagged for r in stored())


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_send_pressed_again_after_a_lost_reply_thanks_though_its_token_went_with_the_session(
        app_context, client, demo_data, app_overrides):
    with client.session_transaction() as session:  # as sending left it: the journey and its token gone
        session[THANKS_KEY] = {"flagged": False, "language": "", "easy_read": False}
    again = client.post("/feedback", data={"step": "check", "csrf_token": "from-the-sent-page"})
    assert again.status_code == 303
    assert page(client.get("/feedback")).h1.get_text(strip=True) == "Thank you"
