"""Keyed entry: staff key in a paper response or an assisted one on a screen
laid out like the paper form. The text is redacted and checked for danger as
online; for paper, staff see the redacted text and confirm it before saving;
a danger flag goes straight to the safeguarding queue; the response records
its channel and nothing about who wrote or keyed it; the audit log records
the keyed entry without its text."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.webapp.helpers import field, make_consultation, make_user, page, sign_in_as
from webapp.audit import AuditEvent
from webapp.consultations.models import ConsultationResponse
from webapp.extensions import db

PHONE = "07700 900123"


@pytest.fixture
def engagement(app_context, client, app):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    return client


def _url(consultation) -> str:
    return f"/staff/consultations/{consultation.id}/keyed"


def _answers(consultation, **extra) -> dict:
    return {"channel": "paper", field(consultation, "Did you stay in a refuge?"): "Yes",
            field(consultation, "Which services did you use?"): ["Outreach", "Police"],
            field(consultation, "What was the refuge like?"): f"Kind staff. Call Sam on {PHONE} if you want.",
            field(consultation, "What matters most now?"): "Housing", **extra}


def test_the_screen_follows_the_paper_form(engagement):
    consultation = make_consultation()
    html = page(engagement.get(_url(consultation)))
    form = html.find("form", id="keyed-entry")
    names = [tag["name"] for tag in form.find_all(["input", "textarea", "select"])
             if tag.get("type") not in ("hidden",) and tag.get("name") != "csrf_token"]
    order = list(dict.fromkeys(names))
    expected = ["channel", "language"] + [field(consultation, q.text) for q in consultation.questions]
    assert order[:len(expected)] == expected
    # Numbered as on paper, and nothing required: a paper form can come back with anything blank.
    assert "1. Did you stay in a refuge?" in form.get_text()
    assert "7. Anything else?" in form.get_text()
    assert "Only if question 1 was answered “Yes”." in form.get_text()
    assert not form.find(attrs={"required": True})


def test_paper_round_trip_shows_the_redaction_then_saves_it(engagement):
    consultation = make_consultation()
    checking = engagement.post(_url(consultation), data=_answers(consultation))
    assert checking.status_code == 200
    html = page(checking)
    shown = html.find(id="redaction-check").get_text(" ", strip=True)
    assert PHONE not in shown and "Kind staff." in shown
    # What was typed is still in the form, so nothing is lost while checking.
    assert PHONE in html.find("textarea", attrs={"name": field(consultation, "What was the refuge like?")}).get_text()
    assert db.session.scalars(select(ConsultationResponse)).first() is None
    fingerprint = html.find("input", attrs={"name": "checked"})["value"]

    saved = engagement.post(_url(consultation), data=_answers(consultation, checked=fingerprint, confirm="y"))
    assert saved.status_code == 302 and saved.location.endswith(_url(consultation))
    [response] = db.session.scalars(select(ConsultationResponse))
    assert (response.channel, response.channel_language, response.safeguarding_flag) == ("paper", "", False)
    answers = {a.question.text: a.value or a.values for a in response.answers}
    assert PHONE not in answers["What was the refuge like?"] and "Kind staff." in answers["What was the refuge like?"]
    assert answers["Which services did you use?"] == ["Outreach", "Police"]
    assert answers["What matters most now?"] == "Housing"
    assert "Response saved" in page(engagement.get(saved.location)).get_text()


def test_confirming_without_checking_again_after_a_change_is_refused(engagement):
    consultation = make_consultation()
    html = page(engagement.post(_url(consultation), data=_answers(consultation)))
    fingerprint = html.find("input", attrs={"name": "checked"})["value"]
    changed = _answers(consultation, checked=fingerprint, confirm="y")
    changed[field(consultation, "What was the refuge like?")] = "Different words, email me at a@b.example"
    again = page(engagement.post(_url(consultation), data=changed))
    assert "The text changed after you checked it" in again.get_text()
    assert "a@b.example" not in again.find(id="redaction-check").get_text()
    assert db.session.scalars(select(ConsultationResponse)).first() is None


def test_an_interpreted_response_keeps_its_language_and_saves_without_a_paper_check(engagement):
    consultation = make_consultation()
    missing = page(engagement.post(_url(consultation), data=_answers(consultation, channel="interpreter")))
    assert "Enter the language the interpreter used" in missing.get_text()
    saved = engagement.post(_url(consultation), data=_answers(consultation, channel="interpreter", language="Polish"))
    assert saved.status_code == 302
    [response] = db.session.scalars(select(ConsultationResponse))
    assert (response.channel, response.channel_language) == ("interpreter", "Polish")


def test_danger_goes_straight_to_the_safeguarding_queue(engagement):
    consultation = make_consultation()
    words = {field(consultation, "What was the refuge like?"): "He said he will kill me when he finds me."}
    saved = engagement.post(_url(consultation), data=_answers(consultation, channel="phone", **words))
    assert saved.status_code == 302
    [response] = db.session.scalars(select(ConsultationResponse))
    assert response.channel == "phone"
    assert response.risk_flagged and response.safeguarding_flag
    assert "safeguarding queue" in page(engagement.get(saved.location)).get_text()


def test_the_audit_log_records_the_keyed_entry_without_its_text(engagement):
    consultation = make_consultation()
    engagement.post(_url(consultation), data=_answers(consultation, channel="in_person"))
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "consultation.keyed_entry"))
    assert event.actor_email == "eng@partnership.example"
    assert (event.target, event.detail) == (consultation.slug, "Assisted in person")
    [response] = db.session.scalars(select(ConsultationResponse))
    for text in ("Kind staff", PHONE, "Outreach", "Housing", str(response.id)):
        assert text not in f"{event.target} {event.detail}"


@pytest.mark.parametrize("role, status", [("admin", 200), ("engagement", 200), ("analyst", 403), ("board", 403)])
def test_keyed_entry_by_role(app_context, client, app, role, status):
    consultation = make_consultation()
    sign_in_as(client, make_user(f"{role}@partnership.example", role))
    assert client.get(_url(consultation)).status_code == status


def test_only_an_open_consultation_takes_keyed_responses(engagement):
    consultation = make_consultation(status="closed")
    response = engagement.get(_url(consultation))
    assert response.status_code == 302 and response.location.endswith(f"/staff/consultations/{consultation.id}")


def test_the_check_names_the_redacted_text_not_the_encrypted_words_it_took_out(app_context, app):
    from webapp import channels
    from webapp.crypto import encrypt
    from webapp.putting_back import REMOVED

    def answers():  # what redaction took out is encrypted afresh on every request
        return {"7": "Call [name] on [phone].", REMOVED: [["7", "name", 5, 11, encrypt("Sarah")]]}

    assert channels.fingerprint(answers()) == channels.fingerprint(answers())
    assert channels.fingerprint(answers()) != channels.fingerprint({"7": "Call [name] today."})


def test_what_redaction_took_out_is_kept_from_every_page(app_context, app):
    """Each page's values carry their own list of redacted words: reading the whole
    form joins them, so a later page's list never replaces an earlier one's."""
    from webapp.consultations import keyed
    from webapp.crypto import decrypt
    from webapp.putting_back import REMOVED

    consultation = make_consultation()
    form_data = {field(consultation, "Did you stay in a refuge?"): "Yes",
                 field(consultation, "What was the refuge like?"): f"Call Sam on {PHONE}.",
                 field(consultation, "Anything else?"): "Ring me on 07700 900456 please."}
    entered = keyed.read(consultation, form_data)
    removed = {(entry[0], decrypt(entry[4])) for entry in entered.answers[REMOVED]}
    refuge, anything = field(consultation, "What was the refuge like?")[1:], field(consultation, "Anything else?")[1:]
    assert (refuge, PHONE) in removed and (anything, "07700 900456") in removed
