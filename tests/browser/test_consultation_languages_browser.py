"""A consultation translated into every language Heard ships, answered end to end
on a phone (390x844) in each, English too (issue 16 parts 2 and 6): every step in
the chosen language (Urdu right to left), zero axe violations, each step
photographed, and the response stored with the language it was given in. One
server and one translated consultation serve every language."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe, photograph
from webapp import create_app
from webapp.consultations import translations
from webapp.consultations.models import Consultation, ConsultationPage, Question
from webapp.extensions import db
from webapp.i18n import SHIPPED

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
    "pl": {"Improving support after leaving": "Lepsze wsparcie po odejściu",
           "We want to know what helped.": "Chcemy wiedzieć, co pomogło.",
           "Your support": "Twoje wsparcie", "Did you stay in a refuge?": "Czy mieszkałaś lub mieszkałeś w schronisku?",
           "Which services did you use?": "Z jakich usług korzystałaś lub korzystałeś?",
           "Housing": "Mieszkanie", "Police": "Policja", "In your words": "Twoimi słowami",
           "What would have helped?": "Co by pomogło?",
           "I knew where to get help": "Wiedziałam lub wiedziałem, gdzie szukać pomocy",
           "on this site": "na tej stronie"},
    "pa": {"Improving support after leaving": "ਛੱਡਣ ਤੋਂ ਬਾਅਦ ਮਦਦ ਨੂੰ ਬਿਹਤਰ ਬਣਾਉਣਾ",
           "We want to know what helped.": "ਅਸੀਂ ਜਾਣਨਾ ਚਾਹੁੰਦੇ ਹਾਂ ਕਿ ਕਿਸ ਚੀਜ਼ ਨੇ ਮਦਦ ਕੀਤੀ।",
           "Your support": "ਤੁਹਾਡੀ ਮਦਦ", "Did you stay in a refuge?": "ਕੀ ਤੁਸੀਂ ਕਿਸੇ ਸ਼ਰਨ ਘਰ ਵਿੱਚ ਰਹੇ?",
           "Which services did you use?": "ਤੁਸੀਂ ਕਿਹੜੀਆਂ ਸੇਵਾਵਾਂ ਵਰਤੀਆਂ?",
           "Housing": "ਰਿਹਾਇਸ਼", "Police": "ਪੁਲਿਸ", "In your words": "ਤੁਹਾਡੇ ਆਪਣੇ ਸ਼ਬਦਾਂ ਵਿੱਚ",
           "What would have helped?": "ਕਿਸ ਚੀਜ਼ ਨਾਲ ਮਦਦ ਮਿਲ ਸਕਦੀ ਸੀ?",
           "I knew where to get help": "ਮੈਨੂੰ ਪਤਾ ਸੀ ਕਿ ਮਦਦ ਕਿੱਥੋਂ ਮਿਲੇਗੀ", "on this site": "ਇਸ ਵੈੱਬਸਾਈਟ 'ਤੇ"},
    "ro": {"Improving support after leaving": "Îmbunătățirea sprijinului după plecare",
           "We want to know what helped.": "Vrem să știm ce v-a ajutat.",
           "Your support": "Sprijinul dumneavoastră", "Did you stay in a refuge?": "Ați stat într-un adăpost?",
           "Which services did you use?": "Ce servicii ați folosit?",
           "Housing": "Locuință", "Police": "Poliție", "In your words": "În cuvintele dumneavoastră",
           "What would have helped?": "Ce v-ar fi ajutat?",
           "I knew where to get help": "Știam unde să cer ajutor", "on this site": "pe acest site"},
    "bn": {"Improving support after leaving": "চলে যাওয়ার পরে সহায়তা আরও ভালো করা",
           "We want to know what helped.": "আমরা জানতে চাই কী সাহায্য করেছিল।",
           "Your support": "আপনার সহায়তা", "Did you stay in a refuge?": "আপনি কি কোনো আশ্রয়কেন্দ্রে ছিলেন?",
           "Which services did you use?": "আপনি কোন কোন পরিষেবা ব্যবহার করেছেন?",
           "Housing": "বাসস্থান", "Police": "পুলিশ", "In your words": "আপনার নিজের ভাষায়",
           "What would have helped?": "কী হলে সাহায্য হতো?",
           "I knew where to get help": "আমি জানতাম কোথায় সাহায্য পাওয়া যায়", "on this site": "এই ওয়েবসাইটে"},
}
# English is the consultation as staff wrote it; then every translation, in the order Heard lists them.
LANGUAGES = ("en", *(code for code in SHIPPED if code in WORDS))


@pytest.fixture(scope="module")
def translated(languages_server):
    """The consultation, written into the server's database and translated into every shipped language."""
    assert set(WORDS) == set(SHIPPED) - {"en"}
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{languages_server.db_path}",
                              "LANGUAGES": SHIPPED})
    with app.app_context():
        consultation = Consultation(
            slug=SLUG, title="Improving support after leaving", introduction="We want to know what helped.",
            audience="public", status="open", opens_on=date.today() - timedelta(days=1),
            closes_on=date.today() + timedelta(days=30), results_where="on this site",
            languages=",".join(WORDS))
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


def arrive(page, axe_source, seen, failures, lang: str, label: str, marker: str) -> None:
    expect(page.locator(marker).first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ur" else "ltr")
    page.wait_for_load_state("load")
    violations = axe(page, axe_source)
    if violations:
        failures[label] = violations
    photograph(page, f"consultation-{lang}-{label}")
    seen.append(label)


def go_on(page) -> None:
    page.locator("form button.govuk-button:not(.govuk-button--secondary)").first.tap()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_consultation_answered_end_to_end_in_every_offered_language(translated, new_phone, axe_source, lang):
    # In English the consultation reads as staff wrote it.
    words, failures, seen = WORDS.get(lang) or {english: english for english in WORDS["cy"]}, {}, []
    page = new_phone().page
    page.goto(translated.url(f"/c/{SLUG}?lang={lang}"))
    arrive(page, axe_source, seen, failures, lang, "before-you-start", "main a[role=button]")
    expect(page.locator("main")).to_contain_text(words["Improving support after leaving"])
    expect(page.locator("main")).to_contain_text(words["We want to know what helped."])
    expect(page.locator("#language-notice")).to_have_count(0)  # complete, so never English with a notice
    page.locator("main a[role=button]").first.tap()
    arrive(page, axe_source, seen, failures, lang, "page-1", "input[type=radio]")
    expect(page.locator("main")).to_contain_text(words["Did you stay in a refuge?"])
    go_on(page)  # nothing chosen: the error is in the chosen language too
    arrive(page, axe_source, seen, failures, lang, "page-1-error", ".govuk-error-summary")
    expect(page.locator(".govuk-error-summary")).to_contain_text(words["Did you stay in a refuge?"])
    page.locator("input[type=radio][value=Yes]").first.tap()
    page.locator("input[type=checkbox][value=Housing]").tap()
    expect(page.locator("main")).to_contain_text(words["Housing"])
    page.locator("input[type=radio][value=Agree]").tap()
    go_on(page)
    arrive(page, axe_source, seen, failures, lang, "page-2", "textarea")
    page.locator("textarea").fill("Someone to call in the evening.")
    go_on(page)
    arrive(page, axe_source, seen, failures, lang, "check", ".govuk-summary-list")
    expect(page.locator(".govuk-summary-list").first).to_contain_text(words["Housing"])
    go_on(page)
    arrive(page, axe_source, seen, failures, lang, "thank-you", ".govuk-panel")
    expect(page.locator("main")).to_contain_text(words["on this site"])
    assert failures == {}, failures
    assert len(seen) == 6
    with sqlite3.connect(f"file:{translated.db_path}?mode=ro", uri=True) as connection:
        stored = connection.execute(
            "SELECT r.language FROM consultation_response r JOIN consultation c ON c.id = r.consultation_id "
            "WHERE c.slug = ?", (SLUG,)).fetchall()
    assert (lang,) in stored
