"""The idle time-out never throws away a form being typed: a form sent after
30 minutes without activity is kept, and once the same person signs in again
they are offered it to send; the time-out warning's dialog and keep-alive."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from tests.webapp.helpers import PASSWORD, go_idle, make_consultation, make_user, page, sign_in_as
from webapp.consultations.models import Question
from webapp.extensions import db

pytestmark = pytest.mark.parametrize("app_overrides", [{"DEMO": True}])


def sign_in(client, user):
    return client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})


def test_a_form_sent_after_the_time_out_is_kept_and_sent_after_signing_in(app_context, client, app_overrides):
    user = make_user("eng@partnership.example", "engagement", demo=True)
    consultation = make_consultation(status="draft")
    question = consultation.questions[-1]  # "Anything else?", free text
    url = f"/staff/consultations/{consultation.id}/questions/{question.id}"
    sign_in(client, user)
    go_idle(client)
    typed = {"kind": "free_text", "text": "Is there anything else you want to tell us?",
             "hint": "Take as long as you need – Zoë", "options": "", "char_limit": "500"}
    response = client.post(url, data=typed)
    assert response.status_code == 302 and "timed-out=1" in response.location and "kept=1" in response.location
    db.session.expire_all()
    assert db.session.get(Question, question.id).text == "Anything else?"  # nothing saved while signed out
    notice = page(client.get(response.location)).get_text()
    assert "Heard has kept what you were sending" in notice

    signed_in = sign_in(client, user)
    assert signed_in.location.endswith("/staff/resume")
    resume = page(client.get("/staff/resume"))
    assert resume.h1.get_text() == "Carry on where you left off"
    form = resume.find("form", attrs={"action": url})
    kept = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert kept["text"] == typed["text"] and kept["hint"] == typed["hint"] and kept["char_limit"] == "500"
    assert "Take as long as you need – Zoë" in resume.find(id="kept-fields").get_text()
    # Sending it does what the Save did before the time-out.
    assert client.post(url, data={name: value for name, value in kept.items()}).status_code == 302
    db.session.expire_all()
    saved = db.session.get(Question, question.id)
    assert (saved.text, saved.hint, saved.char_limit) == (typed["text"], typed["hint"], 500)
    # Offered once.
    assert client.get("/staff/resume").location.endswith("/staff/")


def test_a_kept_form_is_only_for_the_person_who_typed_it_and_never_keeps_passwords(app_context, client, app_overrides):
    typist = make_user("eng@partnership.example", "engagement", demo=True)
    other = make_user("other@partnership.example", "engagement", demo=True)
    sign_in(client, typist)
    go_idle(client)
    client.post("/staff/password", data={"current_password": PASSWORD, "new_password": "Another-Long-Secret-9",
                                         "confirm_password": "Another-Long-Secret-9"})
    with client.session_transaction() as session:
        assert "staff_resume" not in session  # only passwords typed: nothing worth keeping
    consultation = make_consultation(status="draft")
    sign_in(client, typist)
    go_idle(client)
    client.post(f"/staff/consultations/{consultation.id}/edit", data={"title": "Kept title"})
    with client.session_transaction() as session:
        assert session["staff_resume"]["fields"] == [("title", "Kept title")]
    assert sign_in(client, other).location.endswith("/staff/")
    assert client.get("/staff/resume").location.endswith("/staff/")


def test_a_page_opened_after_the_time_out_comes_back_after_signing_in(app_context, client, app_overrides):
    user = make_user("eng@partnership.example", "engagement", demo=True)
    sign_in(client, user)
    go_idle(client)
    response = client.get("/staff/consultations?x=1")
    assert "next=" in response.location and "kept" not in response.location
    form = page(client.get(response.location)).find("form")
    assert client.post(form["action"], data={"email": user.email, "password": PASSWORD}).location.endswith(
        "/staff/consultations?x=1")


def test_the_warning_dialog_and_keep_alive(app_context, client, app_overrides):
    user = make_user("eng@partnership.example", "engagement", demo=True)
    sign_in_as(client, user)
    html = page(client.get("/staff/"))
    dialog = html.find("dialog", id="timeout-warning")
    assert dialog["data-idle-seconds"] == "1800" and dialog["data-warn-seconds"] == "120"
    assert not dialog.has_attr("open")  # hidden unless the script opens it
    assert dialog.find("button", string="Stay signed in")
    go_idle(client, minutes=29)
    response = client.get(dialog["data-keep-alive-url"])
    assert response.status_code == 204 and response.headers["Cache-Control"] == "no-store"
    with client.session_transaction() as session:
        assert time.time() - session["staff_last_seen"] < 5  # the clock starts again
    go_idle(client)
    assert client.get(dialog["data-keep-alive-url"]).status_code == 302  # too late: signed out
    assert "timeout-warning" not in client.get("/staff/sign-in").get_data(as_text=True)
    assert db.session.scalar(select(Question.id)) is None

