"""Smaller things a survivor noticed (issue 12 part 5): no forced answers, steady
progress, reminders not to write names, Skip first, accurate exit and Silent
Solution wording, what Staying safe online covers, and who reads the answers."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from tests.webapp.helpers import field, make_consultation, page, page_id
from webapp.consultations import rules
from webapp.consultations.models import Consultation
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse

# Wording and page order: no database changes them.
pytestmark = pytest.mark.one_database

PUBLIC = ("/", "/get-help", "/staying-safe-online", "/privacy", "/accessibility", "/feedback")
CONSULTATION = "/c/support-after-leaving"


def words(response) -> str:
    return " ".join(page(response).get_text().split())


def declined() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).where(FeedbackResponse.overall == "prefer-not"))


def test_the_overall_rating_can_be_declined(app_context, client, demo_data):
    before = declined()
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    experience = page(client.get("/feedback?step=experience", follow_redirects=True))
    assert experience.find("input", attrs={"name": "overall", "value": "prefer-not"})
    client.post("/feedback", data={"step": "experience", "overall": "prefer-not"})
    client.post("/feedback", data={"step": "comments", "what_helped": "", "could_be_better": ""})
    client.post("/feedback", data={"step": "about-you", "skip": "y"})
    check = words(client.get("/feedback"))
    assert "Overall, how was the support you got? Prefer not to say" in check
    assert client.post("/feedback", data={"step": "check", "website": ""}).status_code == 303
    assert declined() == before + 1  # response ids are random: counted, not the newest id


def test_the_demo_does_not_force_anyone_to_say_where_they_stayed(app_context, demo_data):
    demo = db.session.scalar(select(Consultation).where(Consultation.slug == "support-after-leaving"))
    refuge = demo.pages[0].questions[0]
    assert refuge.text.startswith("Did you stay in a refuge") and not refuge.required


def test_progress_counts_pages_that_may_still_be_shown(app_context, client, app):
    c = make_consultation("steady-progress")
    url = "/c/steady-progress"
    client.get(f"{url}?start=1")
    assert "Page 1 of up to 3" in words(client.get(url))
    client.post(url, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "Yes"})
    assert "Page 2 of 3" in words(client.get(url))
    client.get(f"{url}?page={page_id(c, 'Your support')}")
    client.post(url, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "No"})
    assert "Page 2 of 2" in words(client.get(url))


def test_pages_to_come_is_a_pure_rule():
    first = rules.PageRule(id=1)
    conditional = rules.PageRule(id=2, show_if_question_id=10, show_if_value="Yes")
    last = rules.PageRule(id=3)
    pages = [first, conditional, last]
    assert rules.pages_to_come(pages, {}) == (3, True)
    assert rules.pages_to_come(pages, {"10": "Yes"}) == (3, False)
    assert rules.pages_to_come(pages, {"10": "No"}) == (2, False)


def test_consultation_text_boxes_ask_for_no_names(app_context, client, app):
    c = make_consultation()
    client.get(f"{CONSULTATION}?start=1")
    client.post(CONSULTATION, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "Yes"})
    html = page(client.get(CONSULTATION))
    box = html.find("textarea")
    hints = " ".join(html.find(id=ident).get_text() for ident in box["aria-describedby"].split())
    assert "Please do not write names, addresses or anything else that could identify you" in hints


def test_skip_comes_before_the_choices_on_about_you(client, demo_data):
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    client.post("/feedback", data={"step": "comments", "what_helped": "", "could_be_better": ""})
    html = client.get("/feedback").get_data(as_text=True)
    assert html.index("Skip these questions") < html.index('type="radio"')
    skip_form = page(client.get("/feedback?step=about-you", follow_redirects=True)).find(
        "button", string=re.compile("Skip these questions")).find_parent("form")
    assert not skip_form.find("input", attrs={"type": "radio"})  # its own form: Enter in the choices never skips
    assert client.post("/feedback", data={"step": "about-you", "skip": "y", "age_band": "35-44"}).status_code == 303
    check = words(client.get("/feedback"))
    assert "Check your answers before sending" in check and "35 to 44" not in check


@pytest.mark.parametrize("url", [*PUBLIC, "/feedback?step=service"])
def test_shift_three_times_is_for_a_keyboard(client, demo_data, url):
    text = words(client.get(url, follow_redirects=True))
    for mention in re.finditer(r"[^.]*Shift key 3 times[^.]*", text):
        assert "keyboard" in mention.group(0).lower(), mention.group(0)


@pytest.mark.parametrize("url", PUBLIC)
def test_the_silent_solution_is_described_once_and_accurately(client, demo_data, url):
    text = words(client.get(url))
    assert text.count("press 55") == 1, url
    assert ("If you cannot speak, call 999 from a mobile and listen to the operator. When asked, press 55. "
            "This is the Silent Solution: it tells the operator your call is genuine, and they put you through "
            "to the police.") in text


def test_a_flagged_thank_you_page_describes_the_silent_solution_once(client, demo_data):
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "poor"})
    client.post("/feedback", data={"step": "comments", "what_helped": "", "could_be_better": "He said he will kill me"})
    client.post("/feedback", data={"step": "about-you", "skip": "y"})
    client.post("/feedback", data={"step": "check", "website": ""})
    text = words(client.get("/feedback"))
    assert "If you are in danger now, call 999" in text
    assert text.count("press 55") == 1


def test_staying_safe_online_covers_search_keyboard_and_closing_the_tab(client):
    text = words(client.get("/staying-safe-online"))
    assert "Your search history" in text and "search engine's own history" in text
    assert "Your phone's keyboard learns words" in text and "predictive text" in text
    assert "If you close the page without sending" in text and "20 minutes" in text
    assert "no signal" in text


@pytest.mark.parametrize("url", ["/feedback", CONSULTATION])
def test_start_pages_say_who_reads_the_answers(client, app, demo_data, url):
    text = words(client.get(url))
    assert "Who reads your answers" in text and "engagement team" in text


@pytest.mark.parametrize("url", ["/feedback?read=easy", f"{CONSULTATION}?read=easy"])
def test_easy_read_start_pages_say_who_reads_the_answers(client, app, demo_data, url):
    text = words(client.get(url))
    assert "Easy Read" in text
    assert "Who reads your answers A small team reads what people tell us. They do not know who you are." in text


def test_thank_you_pages_say_who_reads_the_answers(client, demo_data):
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    client.post("/feedback", data={"step": "comments", "what_helped": "", "could_be_better": ""})
    client.post("/feedback", data={"step": "about-you", "skip": "y"})
    client.post("/feedback", data={"step": "check", "website": ""})
    text = words(client.get("/feedback"))
    assert "Thank you" in text and "Who reads your answers" in text
