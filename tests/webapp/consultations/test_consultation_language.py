"""Consultation answers Heard cannot read (issue 16, part 3): each free-text answer records its
language, the thank-you page leads with help in that language, the moderation queue marks it
"needs a reader", and staff add an English working translation (encrypted, audited without the
text) that theming reads while the answer is kept."""

from __future__ import annotations

from sqlalchemy import select, text

from tests.webapp.consultations.test_consultation_journey import URL, answer_all, post
from tests.webapp.helpers import make_consultation, make_user, page, sign_in_as
from webapp.audit import AuditEvent
from webapp.consultations.models import Answer, ConsultationResponse
from webapp.extensions import db
from webapp.themes.scope import _consultation_items

ROMANIAN = "Personalul a fost foarte amabil și m-a ascultat în fiecare săptămână."
BASE = "/staff/consultations"


def free_text_answers() -> list[Answer]:
    db.session.expire_all()
    return [a for a in db.session.scalars(select(Answer)) if a.question.kind == "free_text"]


def test_an_answer_in_romanian_is_stored_with_its_language_and_the_thank_you_helps_in_romanian(
        app_context, client, app):
    answer_all(client, make_consultation(), refuge_text=ROMANIAN)
    post(client, "check", {})
    html = page(client.get(URL))
    [answer] = free_text_answers()
    assert answer.text_language == "ro" and answer.value == ROMANIAN
    block = html.select_one("main [lang=ro]")
    assert block is not None and "Vom găsi pe cineva care o citește" in block.get_text()


def test_an_english_answer_needs_no_reader(app_context, client, app):
    answer_all(client, make_consultation(), refuge_text="The staff were kind and listened every week.")
    post(client, "check", {})
    html = page(client.get(URL))
    [answer] = free_text_answers()
    assert answer.text_language == "en" and not html.select("main [lang]")


def _answer(consultation, value: str, language: str) -> Answer:
    [question] = [q for q in consultation.questions if q.text == "What was the refuge like?"]
    response = ConsultationResponse(consultation_id=consultation.id, submitted_on=consultation.opens_on)
    answer = Answer(question=question, value=value, text_language=language)
    response.answers.append(answer)
    db.session.add(response)
    db.session.commit()
    return answer


def test_staff_mark_translate_and_theme_an_answer_heard_cannot_read(app_context, client, app):
    consultation = make_consultation()
    answer = _answer(consultation, ROMANIAN, "ro")
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    queue = f"{BASE}/{consultation.id}/moderation"
    card = page(client.get(queue)).find(id=f"answer-{answer.id}")
    assert "Written in Romanian: needs a reader" in card.get_text()
    assert card.select_one("[lang=ro]").get_text(strip=True) == ROMANIAN
    url = f"{queue}/answers/{answer.id}/translate"
    assert page(client.get(url)).select_one("#original-text").get_text(strip=True) == ROMANIAN
    refused = client.post(url, data={"translation": ""})
    assert refused.status_code == 400 and "Enter the English working translation" in refused.get_data(as_text=True)
    assert client.post(url, data={"translation": "The staff, Ioana, were very kind."}).status_code == 302
    db.session.expire_all()
    stored = db.session.get(Answer, answer.id)
    assert stored.working_translation == "The staff, [name], were very kind." and stored.value == ROMANIAN
    raw = db.session.execute(text("SELECT working_translation FROM consultation_answer WHERE id = :id"),
                             {"id": answer.id}).scalar_one()
    assert "kind" not in raw
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "free_text.translate")).all()
    assert event.target == f"answer:{answer.id}" and "kind" not in (event.detail or "")
    card = page(client.get(queue)).find(id=f"answer-{answer.id}")
    assert "Written in Romanian: working translation added" in card.get_text()
    assert "The staff, [name], were very kind." in card.get_text()
    [item] = _consultation_items(consultation)
    assert item.text == "The staff, [name], were very kind."


def test_translating_an_answer_heard_can_read_is_not_offered(app_context, client, app):
    consultation = make_consultation()
    answer = _answer(consultation, "Calm and safe.", "en")
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    assert client.get(f"{BASE}/{consultation.id}/moderation/answers/{answer.id}/translate").status_code == 404
    assert "needs a reader" not in page(client.get(f"{BASE}/{consultation.id}/moderation")).get_text()


# Putting back a word Heard removed, on the consultation's check page (issue 12, as for feedback) ------

def put_back_choices(html) -> dict[str, str]:
    return {box.find_next("label").get_text(strip=True): box["value"] for box in html.select("input[name=put_back]")}


def test_the_consultation_check_page_puts_back_only_the_ticked_words_and_staff_see_them(app_context, client, app):
    consultation = make_consultation()
    html = page(answer_all(client, consultation, refuge_text="Will, my caseworker, rang Darren on 07700 900123."))
    assert "[name], my caseworker, rang [name] on [phone]." in html.get_text()
    assert put_back_choices(html) == {"Will (a name)": "0", "Darren (a name)": "1"}
    # Ticking and pressing Send puts the word back first, and is not a send.
    post(client, "check", {"put_back": "0"})
    assert not free_text_answers()
    html = page(client.get(URL))
    assert "We put back 1 word" in html.get_text()
    assert "Will, my caseworker, rang [name] on [phone]." in html.get_text()
    assert put_back_choices(html) == {"Darren (a name)": "0"}
    post(client, "check", {})
    [answer] = free_text_answers()
    assert answer.value == "Will, my caseworker, rang [name] on [phone]."
    assert answer.restored_words == "name\tWill"
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    card = page(client.get(f"{BASE}/{consultation.id}/moderation")).find(id=f"answer-{answer.id}")
    assert "Words put back by the writer" in card.get_text() and "Will (a name)" in card.get_text()


def _redact_in_moderation(client, consultation, answer, word: str):
    link = f"{BASE}/{consultation.id}/moderation/answers/{answer.id}/redact"
    form = page(client.get(link))
    [box] = [b["value"] for b in form.select("input[name=words]") if b.find_next("label").get_text(strip=True) == word]
    version = form.find("input", attrs={"name": "version"})["value"]
    assert client.post(link, data={"words": box, "version": version}).status_code == 302


def test_a_put_back_word_staff_redact_again_leaves_the_writers_note(app_context, client, app):
    consultation = make_consultation()
    answer_all(client, consultation, refuge_text="Will and Darren, my caseworkers, rang on 07700 900123.")
    post(client, "check", {"put_back": ["0", "1"]})
    post(client, "check", {})
    [answer] = free_text_answers()
    assert answer.restored_words == "name\tWill\nname\tDarren"
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    redact_page = page(client.get(f"{BASE}/{consultation.id}/moderation/answers/{answer.id}/redact"))
    assert "Will (a name), Darren (a name)" in redact_page.find(id="restored-words").get_text()
    _redact_in_moderation(client, consultation, answer, "Will")
    [answer] = free_text_answers()
    assert answer.value.startswith("[redacted] and Darren") and answer.restored_words == "name\tDarren"
    card = page(client.get(f"{BASE}/{consultation.id}/moderation")).find(id=f"answer-{answer.id}")
    assert "Darren (a name)" in card.get_text() and "Will (a name)" not in card.get_text()
    _redact_in_moderation(client, consultation, answer, "Darren")
    [answer] = free_text_answers()
    assert answer.restored_words == ""
    card = page(client.get(f"{BASE}/{consultation.id}/moderation")).find(id=f"answer-{answer.id}")
    assert "Words put back by the writer" not in card.get_text()


def test_words_put_back_in_an_other_answer_are_noted_for_moderation(app_context, client, app):
    from tests.webapp.consultations import test_consultation_question_types as kinds

    consultation = kinds.make_kinds()
    client.get(f"{kinds.URL}?start=1")
    other = kinds.name(consultation, "How did you hear about us?", "_other")
    typed = {other: "My friend Darren told me"}
    kinds.post(client, consultation.pages[0].id, kinds.choices_data(consultation, **typed))
    kinds.post(client, consultation.pages[1].id, kinds.more_data(consultation))
    assert put_back_choices(page(client.get(kinds.URL))) == {"Darren (a name)": "0"}
    post(client, "check", {"put_back": "0"}, url=kinds.URL)
    post(client, "check", {}, url=kinds.URL)
    db.session.expire_all()
    answer = db.session.scalar(select(Answer).where(
        Answer.question_id == kinds.q(consultation, "How did you hear about us?").id))
    assert answer.other_text == "My friend Darren told me" and answer.restored_words == "name\tDarren"
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    card = page(client.get(f"{BASE}/{consultation.id}/moderation")).find(id=f"answer-{answer.id}")
    assert "Words put back by the writer" in card.get_text() and "Darren (a name)" in card.get_text()


def test_nothing_ticked_is_a_kind_error_and_changing_the_answer_starts_the_list_again(app_context, client, app):
    consultation = make_consultation()
    answer_all(client, consultation, refuge_text="Darren hit me.")
    post(client, "check", {"put_back_submit": "Put back the ticked words"})
    html = page(client.get(URL))
    assert "Tick the words you want to put back" in html.select_one(".govuk-error-summary").get_text()
    assert put_back_choices(html) == {"Darren (a name)": "0"}
    answer_all(client, consultation, refuge_text="The staff were kind.")
    assert not put_back_choices(page(client.get(URL)))
