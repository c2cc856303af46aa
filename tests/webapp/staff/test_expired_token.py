"""A staff form sent after its token expired (the page was open over an hour)
is kept and offered to send again, as after the idle time-out, never lost
behind an error page."""

from __future__ import annotations

import pytest

from tests.webapp.helpers import go_idle, make_consultation, make_user, page, sign_in_as
from webapp.consultations.models import Question
from webapp.extensions import db


@pytest.mark.parametrize("app_overrides", [{"DEMO": True, "WTF_CSRF_ENABLED": True}])
def test_a_form_sent_after_its_token_expired_is_kept_to_send_again(app_context, client, app_overrides):
    user = make_user("eng@partnership.example", "engagement", demo=True)
    consultation = make_consultation(status="draft")
    question = consultation.questions[-1]
    url = f"/staff/consultations/{consultation.id}/questions/{question.id}"
    sign_in_as(client, user)
    typed = {"kind": "free_text", "text": "Is there anything else you want to tell us?", "hint": "Zoë's words",
             "options": "", "char_limit": "500", "csrf_token": "expired"}
    response = client.post(url, data=typed)
    assert response.status_code == 302 and response.location.endswith("/staff/resume")
    resume = page(client.get("/staff/resume"))
    assert "open for more than an hour" in resume.get_text()
    form = resume.find("form", attrs={"action": url})
    kept = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert kept["text"] == typed["text"] and kept["hint"] == "Zoë's words" and kept["csrf_token"] != "expired"
    assert client.post(url, data=kept).status_code == 302
    db.session.expire_all()
    assert db.session.get(Question, question.id).text == typed["text"]


@pytest.mark.parametrize("app_overrides", [{"DEMO": True, "WTF_CSRF_ENABLED": True}])
def test_an_expired_token_on_a_timed_out_session_keeps_the_form_for_after_signing_in(app_context, client,
                                                                                    app_overrides):
    user = make_user("eng@partnership.example", "engagement", demo=True)
    consultation = make_consultation(status="draft")
    sign_in_as(client, user)
    go_idle(client)
    response = client.post(f"/staff/consultations/{consultation.id}/edit",
                           data={"title": "Kept title", "csrf_token": "expired"})
    assert "timed-out=1" in response.location and "kept=1" in response.location
    with client.session_transaction() as session:
        assert session["staff_resume"]["fields"] == [("title", "Kept title")]


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_an_expired_token_with_no_one_signed_in_gets_the_plain_error(app_context, client, app_overrides):
    response = client.post("/staff/themes/codebook/new", data={"label": "Parking", "csrf_token": "expired"})
    assert response.status_code == 400
    with client.session_transaction() as session:
        assert "staff_resume" not in session
