"""Paper forms: the feedback form and a consultation as A4 PDFs drawn from the
definitions the web journeys use, with every question, the tick boxes, the
"Please don't write names" line, how to return it and when it is deleted; the
feedback form in the visitor's language; who may download which."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.webapp.consultations.test_consultation_question_types import make_kinds
from tests.webapp.helpers import make_consultation, make_user, page, sign_in_as
from webapp.audit import AuditEvent
from webapp.consultations import translations
from webapp.extensions import db
from webapp.feedback.models import Service

# The forms are drawn from the question definitions; no database changes a PDF.
pytestmark = pytest.mark.one_database

A4_POINTS = (595, 842)
NO_NAMES = "Please don't write names"


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    # Lines wrap wherever the page is full: compare words, not line breaks.
    return reader, " ".join(" ".join(p.extract_text() for p in reader.pages).split())


@pytest.fixture
def engagement(app_context, client, app):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    return client


def test_consultation_form_has_every_question_and_how_to_answer_it(engagement):
    consultation = make_kinds()
    response = engagement.get(f"/staff/paper/consultations/{consultation.id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert 'filename="paper-form-' in response.headers["Content-Disposition"]
    reader, text = pdf_text(response.data)
    assert tuple(round(v) for v in reader.pages[0].mediabox.upper_right) == A4_POINTS
    for words in ["Every kind of question", "1. How did you hear about us?", "Leaflet", "Other: please write it here",
                  "Tick all that apply.", "Which area do you live in?", "About your support", "Take your time.",
                  "How safe did you feel?", "At home", "Unsafe", "Tick one box in each row.",
                  "What matters most?", "Number them in order", "How many times did you call?",
                  "Write a number from 0 to 50.",
                  "When did support start?", "Day", "Month", "Year", "0 = Not at all likely", "Staff listened",
                  "Sometimes", "Anything else?", NO_NAMES, "How to return this form", "What happens to this form",
                  "We keep answers for 12 months", "If you are in danger now, call 999"]:
        assert words in text, words
    # Information between questions has no number; the ten answerable questions are 1 to 10 in order.
    assert "10. Anything else?" in text


@pytest.mark.parametrize("app_overrides", [{"LANGUAGES": ("en", "cy")}], ids=["welsh-offered"])
def test_consultation_form_says_when_to_return_it_and_a_numbers_range_in_its_language(engagement):
    consultation = make_kinds()
    consultation.closes_on = date(2027, 1, 31)
    [number] = [q for q in consultation.questions if q.kind == "number"]
    number.settings = {"min": 1, "max": 10}
    consultation.languages = "cy"  # offered in Welsh, and translated: a form prints only in a complete language
    sources = translations.all_sources(consultation)
    translations.save_part(consultation, "cy", sources, [f"CY {source.source}" for source in sources])
    db.session.commit()
    url = f"/staff/paper/consultations/{consultation.id}.pdf"
    _reader, text = pdf_text(engagement.get(url).data)
    # At the top, and again where it says how to return the form.
    assert text.count("Please return this by 31 January 2027.") == 2
    assert "Write a number from 1 to 10." in text
    _reader, welsh = pdf_text(engagement.get(f"{url}?lang=cy").data)
    assert "Dychwelwch y ffurflen hon erbyn 31 Ionawr 2027." in welsh
    assert "Ysgrifennwch rif o 1 i 10." in welsh and "Please return" not in welsh


@pytest.mark.parametrize("settings, words", [({"min": 5}, "Write a number of 5 or more."),
                                             ({"max": 9}, "Write a number of 9 or less."),
                                             ({}, "Write a number.")])
def test_a_number_with_one_end_or_none_says_so(engagement, settings, words):
    consultation = make_kinds()
    [number] = [q for q in consultation.questions if q.kind == "number"]
    number.settings = settings
    db.session.commit()
    _reader, text = pdf_text(engagement.get(f"/staff/paper/consultations/{consultation.id}.pdf").data)
    assert words in text


def test_a_consultation_without_a_closing_date_asks_for_no_return_date(engagement):
    consultation = make_consultation()
    consultation.closes_on = None
    db.session.commit()
    _reader, text = pdf_text(engagement.get(f"/staff/paper/consultations/{consultation.id}.pdf").data)
    assert "Please return this by" not in text and "How to return this form" in text


def test_a_page_shown_after_an_answer_says_when_to_answer_it(engagement):
    consultation = make_consultation()
    _reader, text = pdf_text(engagement.get(f"/staff/paper/consultations/{consultation.id}.pdf").data)
    assert "Answer this part only if you answered “Yes” to question 1." in text



def test_a_part_shown_after_one_of_several_answers_quotes_each(engagement):
    consultation = make_consultation()
    consultation.pages[1].show_if_value = "Yes\nNo"
    db.session.commit()
    _reader, text = pdf_text(engagement.get(f"/staff/paper/consultations/{consultation.id}.pdf").data)
    assert "Answer this part only if you answered “Yes” or “No” to question 1." in text


def test_downloading_a_consultation_form_is_audited(engagement):
    consultation = make_consultation()
    engagement.get(f"/staff/paper/consultations/{consultation.id}.pdf")
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "consultation.paper_form"))
    assert event.target == consultation.slug


@pytest.mark.parametrize("role, status", [("admin", 200), ("engagement", 200), ("analyst", 403), ("board", 403)])
def test_consultation_form_by_role(app_context, client, app, role, status):
    consultation = make_consultation()
    sign_in_as(client, make_user(f"{role}@partnership.example", role))
    assert client.get(f"/staff/paper/consultations/{consultation.id}.pdf").status_code == status


def test_unknown_consultation_is_not_found(engagement):
    assert engagement.get("/staff/paper/consultations/999.pdf").status_code == 404


def test_consultation_and_share_pages_link_to_the_paper_form(engagement):
    consultation = make_consultation()
    href = f"/staff/paper/consultations/{consultation.id}.pdf"
    assert page(engagement.get(f"/staff/consultations/{consultation.id}")).find(id="paper-form-link")["href"] == href
    shared = page(engagement.get(f"/staff/consultations/{consultation.id}/share"))
    assert shared.find(id="share-paper-form-link")["href"] == href


def test_feedback_form_for_anyone_from_the_accessibility_statement(app_context, client, app):
    db.session.add(Service(slug="refuge", name="Northshire Refuge", accepting_feedback=True))
    db.session.commit()
    link = page(client.get("/accessibility")).find(id="paper-form-link")
    response = client.get(link["href"])
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    _reader, text = pdf_text(response.data)
    for words in ["Share your experience", "1. Which service would you like to tell us about?", "Northshire Refuge",
                  "How easy was it to get help from them?", "Very difficult", "Did you feel listened to",
                  "What helped?", "What could be better?", "How old are you?", "Prefer not to say", NO_NAMES,
                  "How to return this form", "We keep answers for 12 months"]:
        assert words in text, words


@pytest.mark.parametrize("app_overrides", [{"LANGUAGES": ("en", "cy")}], ids=["welsh-offered"])
def test_feedback_form_in_welsh(client, app):
    _reader, text = pdf_text(client.get("/paper-form.pdf?lang=cy").data)
    assert "Share your experience" not in text
    assert "999" in text
