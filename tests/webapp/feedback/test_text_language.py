"""Free text Heard cannot read (issue 16, part 3): its language is stored with the response,
the thank-you page leads with help in that language, moderation marks it "needs a reader",
and staff can add an English working translation (encrypted, audited without the text)
that theming reads while the original is kept."""

from __future__ import annotations

from sqlalchemy import select, text

from tests.webapp.feedback.test_feedback_moderation import DAY, LIST, add_feedback, events, signed_in
from tests.webapp.helpers import page, walk_to_check
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.themes.scope import _items_of_feedback

POLISH = "Pracownica była bardzo miła i wysłuchała mnie w każdym tygodniu."
URDU = "میری کارکن بہت مہربان تھی اور اس نے ہر ہفتے میری بات سنی۔"


def send(client, helped: str, better: str = "Nothing."):
    walk_to_check(client, what_helped=helped, could_be_better=better)
    assert client.post("/feedback", data={"step": "check", "website": ""}).status_code == 303
    return page(client.get("/feedback"))


def newest(helped_part: str) -> FeedbackResponse:
    return next(r for r in db.session.scalars(select(FeedbackResponse)) if helped_part in r.what_helped)


def test_polish_free_text_is_stored_with_its_language_and_the_thank_you_leads_with_polish_help(
        app_context, client, demo_data):
    html = send(client, POLISH, "Dłuższe godziny otwarcia, proszę.")
    assert newest("Pracownica").text_language == "pl"
    block = html.select_one("main [lang=pl]")
    assert block is not None and block["dir"] == "ltr"
    words = block.get_text(" ", strip=True)
    assert "Znajdziemy osobę, która to przeczyta" in words and "999" in words
    # It comes first, before the page's own (English) thanks; the helplines are not listed twice.
    assert html.select_one("main h1").find_parent(attrs={"lang": "pl"}) is not None
    assert "Thank you, we have your feedback" in html.get_text()
    assert "If you need support" not in html.get_text()


def test_urdu_help_is_right_to_left(client, demo_data):
    html = send(client, URDU, URDU)
    block = html.select_one("main [lang=ur]")
    assert block["dir"] == "rtl" and "ہم کسی ایسے شخص کو تلاش کریں گے" in block.get_text()


def test_english_and_welsh_free_text_need_no_reader(app_context, client, demo_data):
    html = send(client, "My worker listened to me every single week.", "Longer opening hours please.")
    assert newest("every single week").text_language == "en"
    assert not html.select("main [lang]") and "If you need support" in html.get_text()
    html = send(client, "Roedd fy ngweithiwr yn garedig iawn ac fe wrandawodd arnaf bob wythnos.")
    assert newest("garedig").text_language == "cy" and not html.select("main [lang=cy]")


def test_on_a_page_already_in_that_language_the_help_shows_once_in_it(client, demo_data, app):
    app.config["LANGUAGES"] = ("en", "cy", "pl")
    client.get("/?lang=pl")
    client.get("/feedback?step=service&lang=pl")
    html = send(client, POLISH)
    assert not html.select("main [lang=pl]")  # the whole page is Polish: no second block
    assert "Znajdziemy osobę, która to przeczyta" in html.get_text()


def test_moderation_marks_text_that_needs_a_reader(app_context, app):
    polish = add_feedback(POLISH, text_language="pl")
    english = add_feedback("My worker listened.", text_language="en")
    html = page(signed_in(app, "engagement").get(LIST))
    card = html.find(id=f"response-{polish.id}")
    assert "Written in Polish: needs a reader" in card.get_text()
    assert card.select_one("[lang=pl]").get_text(strip=True) == POLISH
    assert "Add an English working translation" in card.get_text()
    assert "needs a reader" not in html.find(id=f"response-{english.id}").get_text()


def test_staff_add_a_working_translation_stored_encrypted_and_audited_without_the_text(app_context, app):
    response = add_feedback(POLISH, text_language="pl")
    client = signed_in(app, "engagement")
    url = f"/staff/feedback/{response.id}/translate?field=what_helped&quarter=2026Q3"
    html = page(client.get(url))
    assert html.select_one("#original-text").get_text(strip=True) == POLISH
    # An empty translation is a kind error; nothing is stored.
    refused = client.post(url, data={"translation": "  "})
    assert refused.status_code == 400 and "Enter the English working translation" in refused.get_data(as_text=True)
    saved = client.post(url, data={"translation": "The worker, Ania, was very kind and listened to me."})
    assert saved.status_code == 302
    db.session.expire_all()
    stored = db.session.get(FeedbackResponse, response.id)
    # Redacted like everything written into Heard; the original is kept as it was.
    assert stored.working_translation("what_helped") == "The worker, [name], was very kind and listened to me."
    assert stored.what_helped == POLISH
    raw = db.session.execute(text("SELECT working_translations FROM feedback_response WHERE id = :id"),
                             {"id": response.id}).scalar_one()
    assert "kind" not in raw and "listened" not in raw
    [event] = events("free_text.translate")
    assert event.target == f"feedback:{response.id}" and "kind" not in (event.detail or "")
    html = page(client.get(LIST))
    card = html.find(id=f"response-{response.id}")
    assert "Written in Polish: working translation added" in card.get_text()
    assert "The worker, [name], was very kind" in card.get_text() and POLISH in card.get_text()
    assert "Change the working translation" in card.get_text()


def test_theming_reads_the_working_translation_and_keeps_the_original(app_context, app):
    response = add_feedback(POLISH, text_language="pl",
                            working_translations={"what_helped": "The worker was very kind."})
    [item] = _items_of_feedback(response)
    assert item.text == "The worker was very kind." and response.what_helped == POLISH


def test_only_moderators_translate_and_only_text_that_needs_a_reader(app_context, app):
    polish = add_feedback(POLISH, text_language="pl")
    english = add_feedback("My worker listened.", text_language="en")
    assert signed_in(app, "analyst").get(f"/staff/feedback/{polish.id}/translate?field=what_helped").status_code == 403
    moderator = signed_in(app, "engagement")
    assert moderator.get(f"/staff/feedback/{english.id}/translate?field=what_helped").status_code == 404
    assert moderator.get(f"/staff/feedback/{polish.id}/translate?field=overall").status_code == 404
    assert moderator.get(f"/staff/feedback/{polish.id}/translate?field=could_be_better").status_code == 404
    assert DAY.year == 2026
