"""A consultation's Easy Read version (issue 16 part 4): staff write Easy Read wording
per question in the builder (recorded like any wording once people have answered);
once every question has it, the first screen offers Easy Read, whose journey shows
that wording with the Easy Read safety interruption, and each response records it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.webapp.helpers import field, make_consultation, make_user, page, page_id, sign_in_as
from webapp.consultations import translations
from webapp.consultations.models import ConsultationResponse, Question, WordingChange
from webapp.extensions import db
from webapp.themes.scope import consultation_scope, items

URL = "/c/support-after-leaving"
EASY = {
    "Did you stay in a refuge?": "Did you stay in a refuge, or not?",
    "Which services did you use?": "Which services helped you?",
    "What was the refuge like?": "Was the refuge good or bad for you?",
    "I knew where to get help": "I knew where to get help.",
    "How would you rate support overall?": "Was the help good, OK or bad?",
    "What matters most now?": "What is most important to you now?",
    "Anything else?": "Do you want to tell us anything else?",
}


@pytest.fixture
def consultation(app_context, app):
    return make_consultation()


def write_easy_read(consultation) -> None:
    for question in consultation.questions:
        question.easy_read_text = EASY[question.text]
    db.session.commit()


def test_no_easy_read_link_until_every_question_has_easy_read_wording(client, consultation):
    assert not page(client.get(URL)).find("a", string="Easy Read version")
    first, *rest = consultation.questions
    first.easy_read_text = EASY[first.text]
    db.session.commit()
    assert not consultation.has_easy_read
    html = page(client.get(f"{URL}?read=easy"))  # not offered: the standard first screen
    assert "heard-easy-read" not in html.find("main")["class"]
    write_easy_read(consultation)
    assert page(client.get(URL)).find("a", string="Easy Read version")["href"] == f"{URL}?read=easy"


def test_easy_read_journey_shows_easy_read_wording_and_records_it(client, consultation):
    write_easy_read(consultation)
    c = consultation
    first = client.get(f"{URL}?read=easy")
    assert "Set-Cookie" not in first.headers
    html = page(first)
    assert html.find("main")["class"] == ["govuk-main-wrapper", "heard-easy-read"]
    assert "On a keyboard, you can press the Shift key 3 times." in html.get_text()
    assert html.find("a", string="Continue")["href"] == f"{URL}?start=1&read=easy"
    client.get(f"{URL}?start=1&read=easy")
    html = page(client.get(URL))
    legends = [legend.get_text(strip=True) for legend in html.select("legend")]
    assert legends[:2] == [EASY["Did you stay in a refuge?"], EASY["Which services did you use?"] + " (optional)"]
    assert html.find("input", attrs={"name": "read"})["value"] == "easy"
    # An error says the Easy Read wording too.
    refused = client.post(URL, data={"step": page_id(c, "Your support"), "read": "easy"})
    assert EASY["Did you stay in a refuge?"] in page(refused).select_one(".govuk-error-summary").get_text()
    client.post(URL, data={"step": page_id(c, "Your support"), "read": "easy",
                           field(c, "Did you stay in a refuge?"): "No"})
    client.post(URL, data={"step": page_id(c, "Looking ahead"), "read": "easy",
                           field(c, "What matters most now?"): "Housing",
                           field(c, "Anything else?"): "My worker Sarah Jones rang 07700 900123."})
    check = page(client.get(URL))
    assert check.h1.get_text() == "Check your answers"  # in Easy Read words
    assert EASY["Anything else?"] in check.get_text() and "07700" not in check.get_text()
    assert client.post(URL, data={"step": "check", "website": "", "read": "easy"}).status_code == 303
    thanks = page(client.get(URL))
    assert thanks.find("main")["class"] == ["govuk-main-wrapper", "heard-easy-read"]
    [response] = db.session.scalars(select(ConsultationResponse)).all()
    assert response.easy_read
    # What the board's breakdown by version reads.
    assert [item.easy_read for item in items(consultation_scope(c.slug))] == [True]
    # The questions themselves are unchanged: the Easy Read words were only shown.
    db.session.expire_all()
    assert {q.text for q in db.session.scalars(select(Question))} == set(EASY)


def test_a_standard_response_is_not_marked_easy_read(client, consultation):
    write_easy_read(consultation)
    c = consultation
    client.get(f"{URL}?start=1")
    assert page(client.get(URL)).select("legend")[0].get_text(strip=True) == "Did you stay in a refuge?"
    client.post(URL, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "No"})
    client.post(URL, data={"step": page_id(c, "Looking ahead")})
    client.post(URL, data={"step": "check", "website": ""})
    [response] = db.session.scalars(select(ConsultationResponse)).all()
    assert not response.easy_read


def test_staff_write_easy_read_wording_recorded_once_people_have_answered(client, consultation):
    staff = make_user("eng@partnership.example", "engagement")
    sign_in_as(client, staff)
    question = next(q for q in consultation.questions if q.text == "What matters most now?")
    url = f"/staff/consultations/{consultation.id}/questions/{question.id}"
    form = page(client.get(url))
    assert form.find("input", attrs={"name": "easy_read_text"})
    base = {"kind": "single", "text": question.text, "hint": "", "options": "Housing\nMoney\nChildren",
            "char_limit": ""}
    assert client.post(url, data=base | {"easy_read_text": "What is most important to you now?",
                                         "easy_read_hint": "Choose one."}).status_code == 302
    db.session.expire_all()
    question = db.session.get(Question, question.id)
    assert (question.easy_read_text, question.easy_read_hint) == ("What is most important to you now?", "Choose one.")
    question.meaning_locked = True
    db.session.commit()
    assert client.post(url, data=base | {"easy_read_text": "What matters most to you now?",
                                         "easy_read_hint": "Choose one."}).status_code == 302
    [change] = db.session.scalars(select(WordingChange)).all()
    assert (change.field, change.old, change.new) == (
        "easy_read_text", "What is most important to you now?", "What matters most to you now?")


@pytest.mark.parametrize("app_overrides", [{"LANGUAGES": ("en", "cy")}], ids=["welsh-offered"])
def test_easy_read_is_offered_in_english_only(client, consultation):
    # Staff write Easy Read wording in English: in Welsh the consultation reads as translated.
    write_easy_read(consultation)
    consultation.languages = "cy"
    sources = translations.all_sources(consultation)
    translations.save_part(consultation, "cy", sources, [f"CY {source.source}" for source in sources])
    db.session.commit()
    welsh = page(client.get(f"{URL}?lang=cy"))
    assert welsh.html["lang"] == "cy" and not welsh.find("a", string="Easy Read version")
    asked = page(client.get(f"{URL}?read=easy&lang=cy"))
    assert "heard-easy-read" not in asked.find("main")["class"]
    local = translations.localise(consultation, "cy")
    assert not local.has_easy_read and local.questions[0].easy_read_text == ""
    assert translations.localise(consultation, "en").has_easy_read
