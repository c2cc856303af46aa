"""Shared connections (a refuge's Wi-Fi, a library PC, a mobile network): the
limit counts journeys started and answers sent per address, not every page, so
30 people an hour can finish both journeys from one address; scripts are capped
per visit; a refused person is told the real wait and loses nothing typed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.webapp.helpers import field, make_consultation, page, page_id
from webapp.consultations.models import ConsultationResponse
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse

URL = "/c/shared-wifi"
LIMITED = {"RATELIMIT_ENABLED": True}  # with the configured FEEDBACK_RATE_LIMIT


def give_feedback(client) -> int:
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good", "ease": "easy"})
    client.post("/feedback", data={"step": "comments", "what_helped": "Being listened to.", "could_be_better": ""})
    client.post("/feedback", data={"step": "about-you", "skip": "y"})
    response = client.post("/feedback", data={"step": "check", "website": ""})
    client.get("/feedback")  # the thank-you page
    return response.status_code


def answer_consultation(client, c) -> int:
    client.get(f"{URL}?start=1")
    client.post(URL, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "No"})
    client.post(URL, data={"step": page_id(c, "Looking ahead"),
                           field(c, "How would you rate support overall?"): "4"})
    response = client.post(URL, data={"step": "check", "website": ""})
    client.get(URL)  # the thank-you page
    return response.status_code


def count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("app_overrides", [LIMITED])
def test_thirty_people_an_hour_from_one_address_finish_both_journeys(app_context, app, demo_data, app_overrides):
    """Every test client comes from the same address (127.0.0.1): one refuge's Wi-Fi."""
    c = make_consultation("shared-wifi")
    before = count(FeedbackResponse), count(ConsultationResponse)
    sent = [(give_feedback(person), answer_consultation(person, c))
            for person in (app.test_client() for _ in range(30))]
    assert sent == [(303, 303)] * 30
    assert count(FeedbackResponse) - before[0] == 30
    assert count(ConsultationResponse) - before[1] == 30


@pytest.mark.parametrize("app_overrides", [{**LIMITED, "FEEDBACK_RATE_LIMIT": "2 per hour"}])
def test_pages_do_not_count_only_starting_and_sending(app_context, client, demo_data, app_overrides):
    """Going back and forth many times is one start and one send."""
    before = count(FeedbackResponse)
    client.get("/feedback?step=service")
    for _ in range(10):
        assert client.post("/feedback", data={"step": "service", "service": "outreach"}).status_code == 303
        client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    client.post("/feedback", data={"step": "comments", "what_helped": "", "could_be_better": ""})
    client.post("/feedback", data={"step": "about-you", "skip": "y"})
    assert client.post("/feedback", data={"step": "check", "website": ""}).status_code == 303
    assert count(FeedbackResponse) - before == 1


@pytest.mark.parametrize("app_overrides", [{**LIMITED, "FEEDBACK_RATE_LIMIT": "2 per hour"}])
def test_a_refused_start_says_the_real_wait(client, demo_data, app_overrides):
    assert give_feedback(client) == 303
    response = client.get("/feedback?step=service")
    assert response.status_code == 429
    text = " ".join(page(response).get_text().split())
    assert "Please wait 60 minutes and try again" in text or "Please wait 59 minutes and try again" in text
    assert "a few minutes" not in text


@pytest.mark.parametrize("app_overrides", [{**LIMITED, "JOURNEY_STEP_LIMIT": 3}])
def test_a_script_is_capped_per_visit_and_a_person_keeps_what_was_typed(client, demo_data, app_overrides):
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    client.post("/feedback", data={"step": "comments", "what_helped": "Kind words", "could_be_better": ""})
    response = client.post("/feedback", data={"step": "about-you", "age_band": "35-44"})
    assert response.status_code == 429
    html = page(response)
    assert "has gone through 3 pages" in html.get_text()
    assert html.find("input", attrs={"name": "age_band", "value": "35-44"}).has_attr("checked")


@pytest.mark.parametrize("app_overrides", [{**LIMITED, "ACCESS_CODE_RATE_LIMIT": "1 per 10 minutes"}])
def test_too_many_wrong_codes_are_told_the_real_wait_too(app_context, client, app, app_overrides):
    make_consultation("group-wait", audience="group")
    url = "/c/group-wait"
    client.get(f"{url}?start=1")
    assert client.post(url, data={"step": "code", "code": "wrong-wrong-wrong"}).status_code == 400
    slowed = client.post(url, data={"step": "code", "code": "wrong-wrong-wrong"})
    assert slowed.status_code == 429
    text = " ".join(page(slowed).get_text().split())
    assert "Please wait 10 minutes, then press the button again" in text or "Please wait 9 minutes" in text


@pytest.mark.parametrize("app_overrides", [{**LIMITED, "FEEDBACK_RATE_LIMIT": "3 per hour"}])
def test_a_consultation_refused_on_send_keeps_the_answers_and_says_the_real_wait(
        app_context, client, app, app_overrides):
    """One person's start and send, then a second person's start, use the hour's 3:
    the second is told the real wait on their check page and nothing is lost."""
    c = make_consultation("shared-wifi")
    assert answer_consultation(app.test_client(), c) == 303
    client.get(f"{URL}?start=1")
    client.post(URL, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "No"})
    client.post(URL, data={"step": page_id(c, "Looking ahead"), field(c, "Anything else?"): "Evening drop-ins"})
    before = count(ConsultationResponse)
    refused = client.post(URL, data={"step": "check", "website": ""})
    assert refused.status_code == 429
    text = " ".join(page(refused).get_text().split())
    assert "Please wait 60 minutes, then press the button again" in text or "Please wait 59 minutes" in text
    assert "Evening drop-ins" in text  # the check page again, answers and all
    assert count(ConsultationResponse) == before


@pytest.mark.parametrize("app_overrides", [{**LIMITED, "FEEDBACK_RATE_LIMIT": "1 per hour",
                                            "LANGUAGES": ("en", "cy")}])
def test_a_refused_start_says_the_real_wait_in_the_chosen_language(app_context, client, app, app_overrides):
    make_consultation("shared-wifi")
    client.get(f"{URL}?start=1")
    refused = client.get("/feedback?step=service&lang=cy")
    assert refused.status_code == 429
    html = page(refused)
    assert html.html["lang"] == "cy"
    assert html.h1.get_text(strip=True) in ("Arhoswch 60 munud", "Arhoswch 59 munud")
    assert "Please wait" not in html.get_text()
