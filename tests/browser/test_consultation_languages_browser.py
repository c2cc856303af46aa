"""A consultation translated into Welsh and Urdu, answered end to end on a phone
(390x844) in each (issue 16 part 2): every step in the chosen language (Urdu right
to left), zero axe violations, each step photographed, and the response stored
with the language it was given in."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe
from webapp import create_app
from webapp.consultations import translations
from webapp.consultations.models import Consultation, ConsultationPage, Question
from webapp.extensions import db

pytestmark = pytest.mark.browser

SLUG = "spring-2027-languages"
WORDS = {
    "cy": {"Improving support after leaving": "Gwella cymorth ar ôl gadael",
           "We want to know what helped.": "Rydym eisiau gwybod beth helpodd.",
           "Your support": "Eich cymorth", "Did you stay in a refuge?": "Wnaethoch chi aros mewn lloches?",
           "Which services did you use?": "Pa wasanaethau wnaethoch chi eu defnyddio?",
           "Housing": "Tai", "Police": "Heddlu", "In your words": "Yn eich geiriau chi",
           "What would have helped?": "Beth fyddai wedi helpu?",
           "I knew where to get help": "Roeddwn i'n gwybod ble i gael help", "on this site": "ar y wefan hon"},
    "ur": {"Improving support after leaving": "چھوڑنے کے بعد مدد کو بہتر بنانا",
           "We want to know what helped.": "ہم جاننا چاہتے ہیں کہ کس چیز سے مدد ملی۔",
           "Your support": "آپ کی مدد", "Did you stay in a refuge?": "کیا آپ کسی پناہ گاہ میں رہیں؟",
           "Which services did you use?": "آپ نے کون سی خدمات استعمال کیں؟",
           "Housing": "رہائش", "Police": "پولیس", "In your words": "آپ کے اپنے الفاظ میں",
           "What would have helped?": "کس چیز سے مدد مل سکتی تھی؟",
           "I knew where to get help": "مجھے معلوم تھا کہ مدد کہاں سے ملے گی", "on this site": "اس ویب سائٹ پر"},
}


@pytest.fixture(scope="module")
def translated(languages_server):
    """The consultation, written into the server's database and translated into Welsh and Urdu."""
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{languages_server.db_path}",
                              "LANGUAGES": ("en", "cy", "ur")})
    with app.app_context():
        consultation = Consultation(
            slug=SLUG, title="Improving support after leaving", introduction="We want to know what helped.",
            audience="public", status="open", opens_on=date.today() - timedelta(days=1),
            closes_on=date.today() + timedelta(days=30), results_where="on this site", languages="cy,ur")
        first = ConsultationPage(title="Your support", position=0)
        first.questions += [
            Question(kind="yes_no", text="Did you stay in a refuge?", required=True, position=0),
            Question(kind="multiple", text="Which services did you use?", options=["Housing", "Police"], position=1),
            Question(kind="agreement", text="I knew where to get help", position=2)]
        second = ConsultationPage(title="In your words", position=1)
        second.questions.append(Question(kind="free_text", text="What would have helped?", position=0))
        consultation.pages += [first, second]
        db.session.add(consultation)
        db.session.flush()
        for code, words in WORDS.items():
            sources = translations.all_sources(consultation)
            translations.save_part(consultation, code, sources, [words[s.source] for s in sources])
            assert translations.missing(consultation, code) == []
        db.session.commit()
    return languages_server


def arrive(page, axe_source, shots, failures, lang: str, label: str, marker: str) -> None:
    expect(page.locator(marker).first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ur" else "ltr")
    page.wait_for_load_state("load")
    violations = axe(page, axe_source)
    if violations:
        failures[label] = violations
    page.screenshot(path=shots / f"consultation-{lang}-{label}.png", full_page=True)


def go_on(page) -> None:
    page.locator("form button.govuk-button:not(.govuk-button--secondary)").first.tap()


@pytest.mark.parametrize("lang", ["cy", "ur"])
def test_a_translated_consultation_answered_end_to_end_in_welsh_and_urdu(translated, new_phone, axe_source,
                                                                         tmp_path, lang):
    words, failures = WORDS[lang], {}
    page = new_phone().page
    page.goto(translated.url(f"/c/{SLUG}?lang={lang}"))
    arrive(page, axe_source, tmp_path, failures, lang, "before-you-start", "main a[role=button]")
    expect(page.locator("main")).to_contain_text(words["We want to know what helped."])
    page.locator("main a[role=button]").first.tap()
    arrive(page, axe_source, tmp_path, failures, lang, "page-1", "input[type=radio]")
    expect(page.locator("main")).to_contain_text(words["Did you stay in a refuge?"])
    go_on(page)  # nothing chosen: the error is in the chosen language too
    arrive(page, axe_source, tmp_path, failures, lang, "page-1-error", ".govuk-error-summary")
    expect(page.locator(".govuk-error-summary")).to_contain_text(words["Did you stay in a refuge?"])
    page.locator("input[type=radio][value=Yes]").first.tap()
    page.locator("input[type=checkbox][value=Housing]").tap()
    expect(page.locator("main")).to_contain_text(words["Housing"])
    page.locator("input[type=radio][value=Agree]").tap()
    go_on(page)
    arrive(page, axe_source, tmp_path, failures, lang, "page-2", "textarea")
    page.locator("textarea").fill("Someone to call in the evening.")
    go_on(page)
    arrive(page, axe_source, tmp_path, failures, lang, "check", ".govuk-summary-list")
    expect(page.locator(".govuk-summary-list").first).to_contain_text(words["Housing"])
    go_on(page)
    arrive(page, axe_source, tmp_path, failures, lang, "thank-you", ".govuk-panel")
    expect(page.locator("main")).to_contain_text(words["on this site"])
    assert failures == {}, failures
    assert len(list(tmp_path.glob(f"consultation-{lang}-*.png"))) == 6
    with sqlite3.connect(f"file:{translated.db_path}?mode=ro", uri=True) as connection:
        stored = connection.execute(
            "SELECT r.language FROM consultation_response r JOIN consultation c ON c.id = r.consultation_id "
            "WHERE c.slug = ?", (SLUG,)).fetchall()
    assert (lang,) in stored
