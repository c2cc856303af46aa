"""Issue 12 part 5 in every shipped language, not only in English: each of the
smaller things a survivor noticed (test_survivor_details.py) is on its page in
Welsh, Polish, Urdu, Punjabi, Romanian and Bengali, worded by that language's
catalogue (translated, not fuzzy), with no English left in its place."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from tests.webapp.helpers import field, make_consultation, page, page_id
from webapp.consultations import translations
from webapp.extensions import db

# What is checked is each catalogue's wording on the pages, which no database changes
# (storing text in other scripts is checked on both in test_consultation_translations.py).
pytestmark = pytest.mark.one_database

LANGUAGES = ("cy", "pl", "ur", "pa", "ro", "bn")
CATALOGUES = Path(__file__).resolve().parents[2] / "webapp" / "translations"
CONSULTATION = "/c/support-after-leaving"

WHO_READS = "Who reads your answers"
WHO_READS_TEXT = "A small engagement team at %(partnership_name)s reads every answer"
TO_LEAVE = "<strong>To leave quickly</strong>, select Exit this page"
SILENT_SOLUTION = "If you cannot speak, call 999 from a mobile and listen to the operator."
NO_NAMES = "Please do not write names, addresses or anything else that could identify you or someone else."
EASY_READ_SHIFT = "On a keyboard, you can press the Shift key 3 times."


@pytest.fixture
def app_overrides():
    return {"LANGUAGES": ("en", *LANGUAGES)}


@cache
def catalogue(lang: str):
    with (CATALOGUES / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=lang)


def translated(lang: str, msgid: str, **values) -> str:
    """The catalogue's words for the message `msgid` (exact, or the one message that
    starts with it), as a page shows them: placeholders filled, tags gone, spaces single."""
    messages = [m for m in catalogue(lang) if isinstance(m.id, str) and m.id]
    found = [m for m in messages if m.id == msgid] or [m for m in messages if m.id.startswith(msgid)]
    assert len(found) == 1, (lang, msgid, len(found))
    [message] = found
    assert message.string and not message.fuzzy and message.string != message.id, (lang, msgid)
    text = message.string % values if values else message.string
    return " ".join(BeautifulSoup(text, "html.parser").get_text().split())


def english(msgid: str, **values) -> str:
    text = msgid % values if values else msgid
    return " ".join(BeautifulSoup(text, "html.parser").get_text().split())


def translated_consultation(lang: str):
    """The test consultation offered in `lang`, every string of it translated (marked with the code)."""
    consultation = make_consultation()
    consultation.languages = lang
    sources = translations.all_sources(consultation)
    translations.save_part(consultation, lang, sources, [f"[{lang}] {source.source}" for source in sources])
    db.session.commit()
    return consultation


def words(response) -> str:
    return " ".join(page(response).get_text().split())


def assert_in_language(text: str, lang: str, msgid: str, **values) -> None:
    assert translated(lang, msgid, **values) in text, (lang, msgid)
    assert english(msgid, **values) not in text, (lang, msgid)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_start_pages_exit_wording_and_staying_safe_online(app_context, client, app, lang):
    partnership = app.config["PARTNERSHIP_NAME"]
    start = words(client.get(f"/feedback?lang={lang}"))
    assert_in_language(start, lang, WHO_READS)
    assert_in_language(start, lang, WHO_READS_TEXT, partnership_name=partnership)
    assert_in_language(start, lang, TO_LEAVE)  # "on a keyboard"
    translated_consultation(lang)
    consultation = words(client.get(f"{CONSULTATION}?lang={lang}"))
    assert_in_language(consultation, lang, WHO_READS_TEXT, partnership_name=partnership)
    easy_read = words(client.get(f"/feedback?read=easy&lang={lang}"))
    assert_in_language(easy_read, lang, EASY_READ_SHIFT)
    assert_in_language(easy_read, lang, "A small team reads what people tell us.")
    home = words(client.get(f"/?lang={lang}"))
    assert home.count(translated(lang, SILENT_SOLUTION)) == 1  # described once, in the footer
    safe = words(client.get(f"/staying-safe-online?lang={lang}"))
    for heading in ("Your search history", "Your phone's keyboard learns words",
                    "If you close the page without sending"):
        assert_in_language(safe, lang, heading)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_feedback_journey_declines_skips_and_says_who_reads(client, demo_data, lang):
    client.get(f"/feedback?step=service&lang={lang}")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    experience = page(client.get("/feedback"))
    overall = experience.find("input", attrs={"name": "overall", "value": "prefer-not"})
    label = experience.find("label", attrs={"for": overall["id"]}).get_text(strip=True)
    assert label == translated(lang, "Prefer not to say")
    client.post("/feedback", data={"step": "experience", "overall": "prefer-not"})
    client.post("/feedback", data={"step": "comments", "what_helped": "", "could_be_better": ""})
    controls = page(client.get("/feedback")).find_all(["button", "input"])  # in the order they are read
    skip = translated(lang, "Skip these questions")
    skip_at = next(i for i, c in enumerate(controls) if c.name == "button" and c.get_text(strip=True) == skip)
    assert skip_at < next(i for i, c in enumerate(controls) if c.get("type") == "radio")
    client.post("/feedback", data={"step": "about-you", "skip": "y"})
    client.post("/feedback", data={"step": "check", "website": ""})
    assert_in_language(words(client.get("/feedback")), lang, WHO_READS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_consultation_progress_and_the_reminder_not_to_write_names(app_context, client, app, lang):
    c = translated_consultation(lang)
    client.get(f"{CONSULTATION}?start=1&lang={lang}")
    first = words(client.get(CONSULTATION))
    assert translated(lang, "Page %(number)s of up to %(count)s", number=1, count=3) in first
    client.post(CONSULTATION, data={"step": page_id(c, "Your support"), field(c, "Did you stay in a refuge?"): "Yes"})
    second = words(client.get(CONSULTATION))
    assert translated(lang, "Page %(number)s of %(count)s", number=2, count=3) in second
    assert_in_language(second, lang, NO_NAMES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_easy_read_lets_people_decline_the_overall_answer(client, demo_data, lang):
    client.get(f"/feedback?step=service&read=easy&lang={lang}")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    experience = page(client.get("/feedback"))
    overall = experience.find("input", attrs={"name": "overall", "value": "prefer-not"})
    label = " ".join(experience.find("label", attrs={"for": overall["id"]}).get_text(" ").split())
    assert translated(lang, "I do not want to say") in label


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_exit_buttons_spoken_texts_survive_quotes_in_a_translation(client, lang):
    """Urdu quotes the button's name: the attribute once ended at its first quote."""
    button = BeautifulSoup(client.get(f"/?lang={lang}").get_data(as_text=True), "html.parser").find(id="exit-this-page")
    assert button["data-i18n.timed-out"] == translated(lang, "Exit this page expired.")
    assert button["data-i18n.press-one-more-time"] == translated(lang, "Shift, press 1 more time to exit.")
    assert all(name.isascii() for name in button.attrs)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_error_is_announced_as_one_in_the_page_language(client, demo_data, lang):
    client.get(f"/feedback?step=service&lang={lang}")
    html = page(client.post(f"/feedback?lang={lang}", data={"step": "service"}))
    error = translated(lang, "Error:")
    assert html.title.get_text().startswith(f"{error} ") and not html.title.get_text().startswith("Error:")
    hidden = [span.get_text() for span in html.select(".govuk-error-message .govuk-visually-hidden")]
    assert hidden and set(hidden) == {error}
