"""Answering a consultation at /c/<slug>: the feedback journey's safety shell,
pages with progress, show-a-page-if, redaction before the check page, risk help,
kind pages when it cannot be answered, and what is stored."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.webapp.helpers import ACCESS_CODE, field, make_consultation, page, page_id
from webapp.consultations.journey import THANKS_KEY
from webapp.consultations.models import ConsultationResponse
from webapp.extensions import db

URL = "/c/support-after-leaving"


@pytest.fixture
def consultation(app_context, app):
    return make_consultation()


def responses() -> list[ConsultationResponse]:
    db.session.expire_all()
    return list(db.session.scalars(select(ConsultationResponse)))


def post(client, step: str, data: dict, url: str = URL, status: int = 303):
    response = client.post(url, data={"step": step, **data})
    assert response.status_code == status, response.get_data(as_text=True)[:3000]
    return response


def answer_all(client, c, *, refuge: str = "Yes", refuge_text: str = "Safe and kind staff.",
               anything_else: str = "", url: str = URL):
    client.get(f"{url}?start=1")
    post(client, page_id(c, "Your support"), {field(c, "Did you stay in a refuge?"): refuge,
                                               field(c, "Which services did you use?"): ["Outreach", "Police"]},
         url=url)
    if refuge == "Yes":
        post(client, page_id(c, "The refuge"), {field(c, "What was the refuge like?"): refuge_text}, url=url)
    post(client, page_id(c, "Looking ahead"), {
        field(c, "I knew where to get help"): "Agree",
        field(c, "How would you rate support overall?"): "4",
        field(c, "What matters most now?"): "Housing",
        field(c, "Anything else?"): anything_else}, url=url)
    return client.get(url)


def test_interruption_first_with_no_cookie_and_safe_headers(client, consultation):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    html = page(response)
    assert html.h1.get_text() == "Before you start"
    assert html.find(id="exit-this-page")
    assert "Shift key 3 times" in html.get_text()
    assert html.find("a", string="Continue")["href"] == f"{URL}?start=1"
    assert not html.find("form")


def test_whole_journey_with_show_if_stores_a_redacted_dated_response(client, consultation):
    c = consultation
    client.get(f"{URL}?start=1")
    first = page(client.get(URL))
    # The refuge page depends on the first answer: counted as "up to", so the total never jumps up.
    assert "Page 1 of up to 3" in first.get_text()
    assert first.find("input", attrs={"type": "radio", "value": "Yes"})
    assert first.find("input", attrs={"type": "checkbox", "value": "Housing"})
    post(client, page_id(c, "Your support"), {field(c, "Did you stay in a refuge?"): "Yes",
                                               field(c, "Which services did you use?"): ["Outreach"]})
    second = page(client.get(URL))
    assert second.h1.get_text() == "The refuge" and "Page 2 of 3" in second.get_text()
    assert second.find("textarea", attrs={"name": field(c, "What was the refuge like?")})
    check = answer_all(client, c, refuge_text="My worker Sarah Jones rang me on 07700 900123.")
    html = page(check)
    assert html.h1.get_text() == "Check your answers before sending"
    text = html.get_text()
    assert "[phone]" in text and "07700" not in text
    # The name is shown only in the closed list of words the writer may put back (issue 12).
    put_back = html.find(id="put-back").extract()
    assert "Sarah Jones (a name)" in put_back.get_text() and "Sarah" not in html.get_text()
    assert html.find("a", href=f"{URL}?page={page_id(c, 'The refuge')}")

    post(client, "check", {"website": ""})
    thanks = page(client.get(URL))
    assert "We have your answers" in thanks.get_text()
    results = thanks.find(id="results-when-where").get_text()
    assert "by 31 March 2027, on this site and at the partnership board" in results
    [row] = responses()
    assert row.submitted_on == date.today() and not row.risk_flagged
    stored = {answer.question.text: answer.values or answer.value for answer in row.answers}
    assert stored["Did you stay in a refuge?"] == "Yes"
    assert stored["Which services did you use?"] == ["Outreach", "Police"]
    assert "07700" not in stored["What was the refuge like?"] and "[phone]" in stored["What was the refuge like?"]
    assert stored["How would you rate support overall?"] == "4"
    assert "Anything else?" not in stored
    assert all(q.meaning_locked for q in row.consultation.questions)
    # The thank-you page ended the session: the next visit starts again.
    assert page(client.get(URL)).h1.get_text() == "Before you start"


def test_page_hidden_by_its_condition_is_skipped_and_not_stored(client, consultation):
    c = consultation
    client.get(f"{URL}?start=1")
    post(client, page_id(c, "Your support"), {field(c, "Did you stay in a refuge?"): "No"})
    html = page(client.get(URL))
    assert html.h1.get_text() == "Looking ahead" and "Page 2 of 2" in html.get_text()
    check = page(answer_all(client, c, refuge="No"))
    assert "What was the refuge like?" not in check.get_text()
    post(client, "check", {})
    [row] = responses()
    assert {a.question.text for a in row.answers} >= {"Did you stay in a refuge?"}
    assert "What was the refuge like?" not in {a.question.text for a in row.answers}


def test_changing_an_answer_that_reveals_a_page_asks_it_before_the_check(client, consultation):
    c = consultation
    answer_all(client, c, refuge="No")
    client.get(f"{URL}?page={page_id(c, 'Your support')}")
    post(client, page_id(c, "Your support"), {field(c, "Did you stay in a refuge?"): "Yes"})
    assert page(client.get(URL)).h1.get_text() == "The refuge"
    post(client, page_id(c, "The refuge"), {field(c, "What was the refuge like?"): "Good."})
    assert page(client.get(URL)).h1.get_text() == "Check your answers before sending"


def test_validation_errors_keep_everything_typed(client, consultation):
    c = consultation
    client.get(f"{URL}?start=1")
    response = post(client, page_id(c, "Your support"), {field(c, "Which services did you use?"): ["Housing"]},
                    status=400)
    html = page(response)
    assert html.title.get_text().startswith("Error: ")
    assert "Choose an answer to: Did you stay in a refuge?" in html.find(class_="govuk-error-summary").get_text()
    assert html.find("input", attrs={"value": "Housing"}).has_attr("checked")
    post(client, page_id(c, "Your support"), {field(c, "Did you stay in a refuge?"): "Yes"})
    long_text = "It was far from town and I was lonely there. " * 6
    response = post(client, page_id(c, "The refuge"), {field(c, "What was the refuge like?"): long_text},
                    status=400)
    html = page(response)
    assert "200 characters or fewer" in html.find(class_="govuk-error-summary").get_text()
    assert html.find("textarea").get_text().strip() == long_text.strip()


def test_risk_words_lead_the_thank_you_with_999_and_flag(client, consultation):
    check = page(answer_all(client, consultation,  # help leads the check page too, before anything is sent
                            anything_else="He said he would kill me if I left and he has a knife."))
    assert check.h1.get_text(strip=True) == "Check your answers before sending"
    assert check.find(id="urgent-heading").get_text(strip=True) == "If you are in danger now, call 999"
    post(client, "check", {})
    html = page(client.get(URL))
    assert html.h1.get_text() == "If you are in danger now, call 999"
    assert "press 55" in html.get_text()
    [row] = responses()
    assert row.risk_flagged and "threat_to_kill_or_harm" in row.risk_categories


def test_honeypot_stores_nothing(client, consultation):
    answer_all(client, consultation)
    post(client, "check", {"website": "http://spam.example"})
    assert "Thank you" in page(client.get(URL)).get_text()
    assert responses() == []


def test_closed_not_yet_open_and_unknown_consultations(app_context, client, app):
    today = date.today()
    make_consultation("closed-one", status="closed")
    make_consultation("ended-by-date", closes_on=today - timedelta(days=1), opens_on=today - timedelta(days=9))
    make_consultation("later", opens_on=today + timedelta(days=3), closes_on=today + timedelta(days=20))
    make_consultation("a-draft", status="draft")
    for slug in ("closed-one", "ended-by-date"):
        html = page(client.get(f"/c/{slug}"))
        assert html.h1.get_text() == "This consultation has closed"
        assert client.post(f"/c/{slug}", data={"step": "check"}).status_code == 200
    later = client.get("/c/later")
    assert page(later).h1.get_text() == "This consultation has not opened yet"
    assert "Set-Cookie" not in later.headers
    for slug in ("a-draft", "no-such-thing"):
        response = client.get(f"/c/{slug}")
        assert response.status_code == 404
        assert page(response).find(id="exit-this-page")
    assert responses() == []


def test_group_consultation_asks_for_the_access_code_first(app_context, client, app):
    c = make_consultation("group-check", audience="group")
    url = "/c/group-check"
    assert page(client.get(url)).h1.get_text() == "Before you start"
    client.get(f"{url}?start=1")
    assert page(client.get(url)).h1.get_text() == "Enter your access code"
    # Cannot skip ahead to a page without the code.
    post(client, page_id(c, "Your support"), {field(c, "Did you stay in a refuge?"): "Yes"}, url=url)
    assert page(client.get(url)).h1.get_text() == "Enter your access code"
    wrong = page(post(client, "code", {"code": "RIVER-0000"}, url=url, status=400))
    assert "That access code is not right" in wrong.get_text()
    assert wrong.find("input", attrs={"name": "code"})["value"] == "RIVER-0000"
    post(client, "code", {"code": "maple 4821"}, url=url)
    assert page(client.get(url)).h1.get_text() == "Your support"
    assert ACCESS_CODE not in c.access_code_hash


def test_answers_are_kept_per_consultation(client, consultation):
    other = make_consultation("another-one")
    client.get(f"{URL}?start=1")
    post(client, page_id(consultation, "Your support"), {field(consultation, "Did you stay in a refuge?"): "No"})
    client.get("/c/another-one?start=1")
    assert page(client.get("/c/another-one")).h1.get_text() == "Your support"
    back = page(client.get(f"{URL}?page={page_id(consultation, 'Your support')}", follow_redirects=True))
    assert back.find("input", attrs={"value": "No", "type": "radio"}).has_attr("checked")
    assert other.slug == "another-one"


def test_exit_forgets_the_journey(client, consultation):
    answer_all(client, consultation)
    assert client.get("/exit").status_code == 303
    assert page(client.get(URL)).h1.get_text() == "Before you start"


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_expired_token_keeps_what_was_typed(client, consultation, app_overrides):
    c = consultation
    client.get(f"{URL}?start=1")
    response = client.post(URL, data={"step": page_id(c, "Your support"), "csrf_token": "stale",
                                      field(c, "Did you stay in a refuge?"): "No"})
    assert response.status_code == 400
    html = page(response)
    assert "open for a long time" in html.get_text()
    assert html.find("input", attrs={"value": "No", "type": "radio"}).has_attr("checked")


@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_ENABLED": True, "FEEDBACK_RATE_LIMIT": "1 per hour"}])
def test_rate_limited_send_keeps_what_was_typed_and_says_how_long(client, consultation, app_overrides):
    """Starting counts and sending counts; the pages between do not."""
    c = consultation
    client.get(f"{URL}?start=1")
    post(client, page_id(c, "Your support"), {field(c, "Did you stay in a refuge?"): "Yes"})
    post(client, page_id(c, "The refuge"), {field(c, "What was the refuge like?"): "Words I typed"})
    post(client, page_id(c, "Looking ahead"), {field(c, "How would you rate support overall?"): "4"})
    response = post(client, "check", {"website": ""}, status=429)
    text = page(response).get_text()
    assert "Please wait 60 minutes" in text or "Please wait 59 minutes" in text
    assert "Words I typed" in text
    assert responses() == []


def test_send_pressed_again_after_a_lost_reply_thanks_and_stores_once(client, consultation):
    answer_all(client, consultation)
    post(client, "check", {"website": ""})  # stored; say the reply never reached the phone
    again = post(client, "check", {"website": ""})
    assert again.location.endswith(URL)
    assert "Thank you" in page(client.get(URL)).get_text()
    assert len(responses()) == 1


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_send_pressed_again_after_a_lost_reply_thanks_though_its_token_went_with_the_session(
        client, consultation, app_overrides):
    with client.session_transaction() as session:
        session[THANKS_KEY] = {"slug": "support-after-leaving", "flagged": False, "language": "", "easy_read": False}
    again = client.post(URL, data={"step": "check", "csrf_token": "from-the-sent-page"})
    assert again.status_code == 303 and again.location.endswith(URL)
    assert "Thank you" in page(client.get(URL)).get_text() and responses() == []
