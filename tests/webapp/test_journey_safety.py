"""What keeps answers from being seen again (webapp/journeys.py): the exit marker
honoured on the next request, answers shown only on pages the journey asked for,
a journey forgotten after JOURNEY_IDLE_MINUTES; and what a person is told when
their visit timed out part-way (nothing silently lost or bounced)."""

from __future__ import annotations

import time

import pytest

from tests.webapp.helpers import ACCESS_CODE, field, make_consultation, page, page_id
from webapp import journeys

# What is kept or hidden lives in the session (webapp/journeys.py), not the database.
pytestmark = pytest.mark.one_database

TYPED = "kestrelwords he grabbed my neck"
CONSULTATION = "/c/support-after-leaving"


def to_comments(client) -> None:
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    client.post("/feedback", data={"step": "comments", "what_helped": TYPED, "could_be_better": ""})


def test_the_exit_marker_ends_the_session_before_anything_is_shown(client, demo_data):
    to_comments(client)
    client.set_cookie("heard_exit", "1")
    response = client.get("/feedback")
    html = page(response)
    assert html.h1.get_text() == "Before you start"
    assert TYPED not in response.get_data(as_text=True)
    cookies = response.headers.getlist("Set-Cookie")
    assert any(c.startswith("heard_exit=;") for c in cookies), cookies  # the marker is spent
    assert any(c.startswith("heard=;") for c in cookies), cookies  # and the session cookie is gone
    # Continuing afterwards starts a new journey: nothing typed before comes back.
    check = page(client.get("/feedback?step=check", follow_redirects=True))
    assert TYPED not in check.get_text()


def test_a_form_posted_after_an_exit_is_not_read(client, demo_data):
    to_comments(client)
    client.set_cookie("heard_exit", "1")
    response = client.post("/feedback", data={"step": "about-you", "age_band": "35-44"})
    assert response.status_code == 303 and response.location.endswith("/feedback")
    assert page(client.get("/feedback")).h1.get_text() == "Before you start"


def test_the_marker_works_on_any_page_and_for_consultations(app_context, client, app):
    c = make_consultation()
    client.get(f"{CONSULTATION}?start=1")
    client.post(CONSULTATION, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "Yes"})
    client.set_cookie("heard_exit", "1")
    client.get("/privacy")  # the next request, wherever it goes
    assert page(client.get(CONSULTATION)).h1.get_text() == "Before you start"


def test_back_reload_or_reopening_hides_the_answers_until_continue(client, demo_data):
    to_comments(client)
    assert page(client.get("/feedback")).h1.get_text() == "About you (optional)"  # the journey's own redirect
    again = client.get("/feedback")  # Back, reload, or the site opened again
    html = page(again)
    assert html.h1.get_text() == "Your answers are hidden"
    assert "deleted 20 minutes after" in html.get_text()
    continue_link = html.find("a", string="Continue")["href"]
    assert continue_link == "/feedback?step=about-you"
    shown = page(client.get(continue_link, follow_redirects=True))
    assert shown.h1.get_text() == "About you (optional)"


@pytest.mark.parametrize("path", ["/static/favicon.svg", "/assets/heard-any.css", "/assets/heard-any.js"])
def test_a_file_answered_after_the_next_step_was_saved_does_not_undo_it(app, client, demo_data, path):
    """A browser fetches the favicon once a page has loaded, beside the next click.
    The file's request opened the session before the click's request saved the
    step, and answers after it: the step must stay saved (it was undone, and the
    next page said "Your answers are hidden")."""
    client.get("/feedback?step=service")
    endpoint = app.url_map.bind("localhost").match(path)[0]
    serve_file = app.view_functions[endpoint]

    def answered_after_the_click(**arguments):
        assert client.post("/feedback", data={"step": "service", "service": "outreach"}).status_code == 303
        return serve_file(**arguments)

    app.view_functions[endpoint] = answered_after_the_click
    assert client.get(path).status_code == 200
    assert page(client.get("/feedback")).h1.get_text() == "How it went"


def test_hidden_answers_for_a_consultation_too(app_context, client, app):
    c = make_consultation()
    client.get(f"{CONSULTATION}?start=1")
    client.post(CONSULTATION, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "Yes"})
    client.post(CONSULTATION, data={"step": page_id(c, "The refuge"), field(c, "What was the refuge like?"): TYPED})
    client.get(CONSULTATION)
    html = page(client.get(CONSULTATION))
    assert html.h1.get_text() == "Your answers are hidden"
    assert TYPED not in html.get_text()


def test_a_journey_left_alone_is_forgotten(client, demo_data, monkeypatch):
    to_comments(client)
    later = time.time() + 21 * 60
    monkeypatch.setattr(journeys.time, "time", lambda: later)
    assert page(client.get("/feedback")).h1.get_text() == "Before you start"
    assert TYPED not in page(client.get("/feedback?step=comments", follow_redirects=True)).get_text()


def test_the_journey_says_how_long_answers_are_kept(client, demo_data):
    start = page(client.get("/feedback")).get_text()
    assert "we keep your answers for 20 minutes after you last pressed a button" in " ".join(start.split())
    to_comments(client)
    client.post("/feedback", data={"step": "about-you", "skip": "y"})
    check = " ".join(page(client.get("/feedback")).get_text().split())
    assert "Until you send, we keep your answers for 20 minutes after you last pressed a button" in check


def test_a_consultation_says_how_long_answers_are_kept(app_context, client, app):
    c = make_consultation()
    start = " ".join(page(client.get(CONSULTATION)).get_text().split())
    assert "we keep your answers for 20 minutes after you last pressed a button" in start
    client.get(f"{CONSULTATION}?start=1")
    client.post(CONSULTATION, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "No"})
    client.post(CONSULTATION, data={"step": page_id(c, "Looking ahead")})
    check = " ".join(page(client.get(CONSULTATION)).get_text().split())
    assert "Check your answers before sending" in check
    assert "Until you send, we keep your answers for 20 minutes after you last pressed a button" in check


def test_easy_read_says_how_long_answers_are_kept(client, demo_data):
    start = " ".join(page(client.get("/feedback?read=easy")).get_text().split())
    assert "If you stop, we delete your answers after 20 minutes." in start
    client.get("/feedback?step=service&read=easy")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    client.post("/feedback", data={"step": "comments", "what_helped": "", "could_be_better": ""})
    check = " ".join(page(client.get("/feedback")).get_text().split())
    assert "Check your answers" in check
    assert "If you do not send, we delete your answers after 20 minutes." in check


def test_after_a_time_out_the_check_page_says_what_was_kept_and_what_is_needed(client, demo_data):
    """The session expired while the comments page was open: its text is kept,
    the check page says so and marks the lost required answers as needed, and
    Send asks for them with a word, not a silent bounce to step 1."""
    client.post("/feedback", data={"step": "comments", "what_helped": "Being believed", "could_be_better": ""})
    client.post("/feedback", data={"step": "about-you", "skip": "y"})
    html = page(client.get("/feedback"))
    assert html.h1.get_text() == "Check your answers before sending"
    text = " ".join(html.get_text().split())
    assert "Some answers were deleted" in text and "We kept what you typed on the page that was open" in text
    assert "Being believed" in text
    assert text.count("Needed: please answer again") == 2  # the service and the overall rating
    rows = {row.find("dt").get_text(strip=True): row.find("dd").get_text(strip=True)
            for row in html.select(".govuk-summary-list__row")}
    assert rows["Service"] == "Needed: please answer again"
    assert rows["Overall, how was the support you got?"] == "Needed: please answer again"
    sent = client.post("/feedback", data={"step": "check", "website": ""})
    assert sent.status_code == 200
    step = page(sent)
    assert step.h1.get_text(strip=True) == "Which service would you like to tell us about?"
    assert "We need this answer before we can send" in step.get_text()
    assert "Your other answers are kept" in step.get_text()


def words(response) -> str:
    return " ".join(page(response).get_text().split())


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_send_pressed_after_a_time_out_says_everything_was_deleted_and_where_to_start(client, demo_data,
                                                                                    app_overrides):
    """The check page was open until the visit (and its token) expired: nothing typed
    is on it to keep, so Send says what happened on the first question, not "check below"."""
    response = client.post("/feedback", data={"step": "check", "csrf_token": "expired", "website": ""})
    assert response.status_code == 400
    assert page(response).h1.get_text(strip=True) == "Which service would you like to tell us about?"
    text = words(response)
    assert "We could not send your answers because nothing was sent for 20 minutes, so they were deleted" in text
    assert "Nothing has been sent. Please answer again, starting here." in text
    assert "What you typed is still below" not in text and "Not answered" not in text


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_a_consultation_sent_after_a_time_out_says_everything_was_deleted(app_context, client, app, app_overrides):
    make_consultation()
    response = client.post(CONSULTATION, data={"step": "check", "csrf_token": "expired", "website": ""})
    assert response.status_code == 400
    assert page(response).h1.get_text(strip=True) == "Your support"
    text = words(response)
    assert "so they were deleted" in text and "Please answer again, starting here." in text
    assert "What you typed is still below" not in text


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_a_consultation_page_open_too_long_keeps_what_was_typed(app_context, client, app, app_overrides):
    """Any page after the first, with the session (and its token) gone."""
    c = make_consultation()
    response = client.post(CONSULTATION, data={
        "step": page_id(c, "Looking ahead"), "csrf_token": "expired",
        field(c, "Anything else?"): "More evening support please",
        field(c, "What matters most now?"): "Housing"})
    assert response.status_code == 400
    html = page(response)
    assert html.h1.get_text() == "Looking ahead"
    assert "open for a long time" in html.get_text()
    assert html.find("textarea").get_text().strip() == "More evening support please"
    assert html.find("input", attrs={"value": "Housing", "type": "radio"}).has_attr("checked")


def test_a_timed_out_page_that_depends_on_a_lost_answer_is_kept_for_later(app_context, client, app):
    c = make_consultation()
    response = client.post(CONSULTATION, data={"step": page_id(c, "The refuge"),
                                               field(c, "What was the refuge like?"): "Quiet and safe"})
    assert response.status_code == 400
    html = page(response)
    assert html.h1.get_text() == "Your support"
    assert "We kept what you typed on the page that was open" in html.get_text()
    client.post(CONSULTATION, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "Yes"})
    refuge = page(client.get(CONSULTATION))
    assert refuge.h1.get_text() == "The refuge"
    assert refuge.find("textarea").get_text().strip() == "Quiet and safe"


def test_a_group_consultation_that_timed_out_asks_for_the_code_and_keeps_the_page(app_context, client, app):
    c = make_consultation("group-timed-out", audience="group")
    url = "/c/group-timed-out"
    response = client.post(url, data={"step": page_id(c, "Looking ahead"),
                                      field(c, "Anything else?"): "Call Sarah Jones back please"})
    assert response.status_code == 400
    html = page(response)
    assert html.h1.get_text() == "Enter your access code"
    assert "we need the access code again" in html.get_text()
    assert "Sarah Jones" not in response.get_data(as_text=True)  # kept on the server only once redacted
    client.post(url, data={"step": "code", "code": ACCESS_CODE})
    client.post(url, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "No"})
    kept = page(client.get(url))
    assert kept.h1.get_text() == "Looking ahead"
    assert kept.find("textarea").get_text().strip() == "Call [name] back please"
