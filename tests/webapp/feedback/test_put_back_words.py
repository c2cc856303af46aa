"""Putting back words Heard redacted (issue 12): the check page lists the removed words,
the writer ticks ones that identify nobody, sees the text again, and sends exactly that;
staff see the words put back in moderation and can redact more."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.webapp.feedback.test_feedback_moderation import LIST, add_feedback, events, signed_in
from tests.webapp.helpers import page, walk_to_check
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse

HELPED = "Will, my caseworker, rang Darren's mum on 07700 900123."


def choices(html) -> dict[str, str]:
    """{label text: value} of the put-back checkboxes."""
    return {box.find_next("label").get_text(strip=True): box["value"]
            for box in html.select("input[name=put_back]")}


def stored() -> list[FeedbackResponse]:
    """Responses these tests wrote (the demo data has others)."""
    return [r for r in db.session.scalars(select(FeedbackResponse))
            if "caseworker" in r.what_helped or "was kind." in r.what_helped]


def test_check_page_lists_removed_words_and_puts_back_only_the_ticked_ones(app_context, client, demo_data):
    html = page(walk_to_check(client, what_helped=HELPED, could_be_better="Nothing."))
    assert "[name], my caseworker, rang [name]'s mum on [phone]." in html.get_text()
    # Phone numbers, emails and addresses are never offered: only guesses that can be wrong.
    assert choices(html) == {"Will (a name)": "0", "Darren (a name)": "1"}
    assert "07700" not in html.get_text()
    # Ticking and pressing Send puts the word back first: nothing is sent that was not seen.
    response = client.post("/feedback", data={"step": "check", "put_back": "0", "website": ""})
    assert response.status_code == 303 and not stored()
    html = page(client.get("/feedback"))
    assert "We put back 1 word" in html.get_text()
    assert "Will, my caseworker, rang [name]'s mum on [phone]." in html.get_text()
    assert choices(html) == {"Darren (a name)": "0"}
    assert client.post("/feedback", data={"step": "check", "website": ""}).status_code == 303
    [row] = stored()
    assert row.what_helped == "Will, my caseworker, rang [name]'s mum on [phone]."
    assert row.restored_words == "what_helped\tname\tWill"


@pytest.mark.parametrize(("lang", "label"), [("pl", "Will (imię lub nazwisko)"), ("ur", "Will (نام)")])
def test_the_removed_words_are_named_in_the_chosen_language(app_context, client, demo_data, app, lang, label):
    """A survivor review: "(a name)" stayed English on the Urdu and Polish check pages."""
    app.config["LANGUAGES"] = ("en", lang)
    client.get(f"/feedback?step=service&lang={lang}")  # the form session keeps the language
    html = page(walk_to_check(client, what_helped=HELPED, could_be_better="Nothing."))
    assert label in choices(html)


def test_nothing_ticked_is_a_kind_error_and_nothing_changes(app_context, client, demo_data):
    walk_to_check(client, what_helped=HELPED)
    response = client.post("/feedback", data={"step": "check", "put_back_submit": "Put back the ticked words"})
    assert response.status_code == 303
    html = page(client.get("/feedback"))
    assert "Tick the words you want to put back" in html.select_one(".govuk-error-summary").get_text()
    assert len(choices(html)) == 2 and not stored()


def test_a_choice_that_is_not_offered_is_refused(app_context, client, demo_data):
    walk_to_check(client, what_helped=HELPED)
    response = client.post("/feedback", data={"step": "check", "put_back": "7"})
    assert response.status_code == 400 and not stored()


def test_no_removed_words_means_no_put_back_section(client, demo_data):
    html = page(walk_to_check(client, what_helped="The refuge was warm.", could_be_better="More groups."))
    assert not html.select("input[name=put_back]") and not html.find(id="put-back")


def test_the_session_never_holds_the_removed_words_in_clear(client, demo_data, app):
    walk_to_check(client, what_helped="My ex Darren rang 07700 900123.")
    with client.session_transaction() as session:
        stored_session = repr(dict(session))
    assert "Darren" not in stored_session and "07700" not in stored_session
    assert "[name]" in stored_session


def test_changing_the_comments_starts_the_list_again(app_context, client, demo_data):
    walk_to_check(client, what_helped=HELPED)
    client.post("/feedback", data={"step": "check", "put_back": ["0", "1"]})
    client.get("/feedback?step=comments")
    client.post("/feedback", data={"step": "comments", "what_helped": "Darren was kind.", "could_be_better": ""})
    html = page(client.get("/feedback"))
    assert choices(html) == {"Darren (a name)": "0"}
    client.post("/feedback", data={"step": "check", "website": ""})
    [row] = stored()
    assert row.what_helped == "[name] was kind." and row.restored_words == ""


@pytest.fixture
def moderator(app_context, app):
    return signed_in(app, "engagement")


def test_moderation_marks_words_put_back_and_staff_can_redact_more(app, moderator):
    response = add_feedback("Will, my caseworker, rang [name].", day=date(2026, 8, 12),
                            restored_words="what_helped\tname\tWill")
    plain = add_feedback("Kind staff.", day=date(2026, 8, 12))
    html = page(moderator.get(LIST))
    card = html.find(id=f"response-{response.id}")
    assert "Words put back by the writer" in card.get_text() and "Will (a name)" in card.get_text()
    assert "Words put back" not in html.find(id=f"response-{plain.id}").get_text()
    link = card.select_one("a[href*='/redact']")["href"]
    form = page(moderator.get(link))
    [will] = [box["value"] for box in form.select("input[name=words]")
              if box.find_next("label").get_text(strip=True) == "Will"]
    version = form.find("input", attrs={"name": "version"})["value"]
    assert moderator.post(link, data={"words": will, "version": version}).status_code == 302
    db.session.refresh(response)
    assert response.what_helped == "[redacted], my caseworker, rang [name]."
    # Redacted again, Will is no longer a word the writer put back: the note drops it.
    assert response.restored_words == ""
    assert "Words put back" not in page(moderator.get(LIST)).find(id=f"response-{response.id}").get_text()
    [audit] = events("free_text.redact")
    assert audit.target == f"feedback:{response.id}" and "Will" not in audit.detail


def test_redacting_one_put_back_word_keeps_the_others_and_other_fields(app, moderator):
    restored = "what_helped\tname\tWill\nwhat_helped\tname\tDarren\ncould_be_better\tname\tWill"
    response = add_feedback("Will and Darren rang. Will came too.", day=date(2026, 8, 12),
                            better="Will was late.", restored_words=restored)
    link = f"/staff/feedback/{response.id}/redact?field=what_helped"
    form = page(moderator.get(link))
    assert "Will (a name), Darren (a name)" in form.get_text()
    darren = [box["value"] for box in form.select("input[name=words]")
              if box.find_next("label").get_text(strip=True) == "Darren"]
    version = form.find("input", attrs={"name": "version"})["value"]
    assert moderator.post(link, data={"words": darren, "version": version}).status_code == 302
    db.session.refresh(response)
    assert response.what_helped == "Will and [redacted] rang. Will came too."
    assert response.restored_words == "what_helped\tname\tWill\ncould_be_better\tname\tWill"
    # Will is redacted once but still written once more: it stays in the note until it is gone.
    form = page(moderator.get(link))
    first = [box["value"] for box in form.select("input[name=words]")
             if box.find_next("label").get_text(strip=True) == "Will"][0]
    version = form.find("input", attrs={"name": "version"})["value"]
    moderator.post(link, data={"words": first, "version": version})
    db.session.refresh(response)
    assert "what_helped\tname\tWill" in response.restored_words
    assert response.what_helped == "[redacted] and [redacted] rang. Will came too."


def test_redact_more_needs_moderate_permission_and_a_real_field(app, moderator):
    response = add_feedback("Will rang.", day=date(2026, 8, 12))
    assert moderator.get(f"/staff/feedback/{response.id}/redact?field=age_band").status_code == 404
    analyst = signed_in(app, "analyst")
    assert analyst.get(f"/staff/feedback/{response.id}/redact?field=what_helped").status_code == 403
