"""Consultations in several languages (issue 16, part 2): staff offer a consultation
in the partnership's languages and translate it question by question; the builder
lists what is missing and refuses to open an incomplete language; respondents and
the group's review see it in their language (English with a notice until it is
complete); each response records its language; the board's language breakdown is
suppressed like the others; the question bank has the Welsh Language Standards
questions; the paper form prints in any complete language."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tests.webapp.consultations.test_consultation_journey import URL, post
from tests.webapp.helpers import ACCESS_CODE, field, make_consultation, make_user, page, page_id, sign_in_as
from webapp.consultations import translations
from webapp.consultations.bank import WELSH_LANGUAGE_QUESTIONS
from webapp.consultations.models import (
    Answer,
    ConsultationResponse,
    Question,
    ReviewComment,
    ReviewDecision,
    answer_ref,
)
from webapp.consultations.rules import AGREEMENT, YES_NO
from webapp.extensions import db
from webapp.i18n import SHIPPED
from webapp.reports.queries import LANGUAGE_TITLE, breakdowns
from webapp.reports.summary import build_summary
from webapp.themes.models import ThemeRun, ThemeRunItem
from webapp.themes.scope import Item, consultation_scope

BASE = "/staff/consultations"
WELSH = {
    "Improving support after leaving": "Gwella cymorth ar ôl gadael",
    "We want to know what helped after you left.": "Rydym eisiau gwybod beth helpodd ar ôl i chi adael.",
    "Did you stay in a refuge?": "Wnaethoch chi aros mewn lloches?",
    "Which services did you use?": "Pa wasanaethau wnaethoch chi eu defnyddio?",
    "Outreach": "Allgymorth", "Housing": "Tai", "Police": "Heddlu",
    "What was the refuge like?": "Sut le oedd y lloches?",
}


@pytest.fixture
def app_overrides():
    return {"LANGUAGES": ("en", "cy", "ur")}


def translate_everything(consultation, language: str) -> None:
    """Every string, Welsh where the test reads it, else marked with the language."""
    sources = translations.all_sources(consultation)
    texts = [WELSH.get(s.source, f"{language.upper()} {s.source}") if language == "cy" else f"اردو {s.source}"
             for s in sources]
    translations.save_part(consultation, language, sources, texts)
    db.session.commit()


def offered(consultation, *codes: str) -> None:
    consultation.languages = ",".join(codes)
    db.session.commit()


@pytest.fixture
def signed_in(app_context, client, app):
    sign_in_as(client, make_user("lead@partnership.example", "admin"))
    return client


def test_staff_choose_languages_translate_question_by_question_and_see_what_is_missing(signed_in):
    c = make_consultation(status="review")
    form = page(signed_in.get(f"{BASE}/{c.id}/languages"))
    assert {box["value"] for box in form.find_all("input", attrs={"name": "languages"})} == {"cy", "ur"}
    assert signed_in.post(f"{BASE}/{c.id}/languages", data={"languages": ["cy"]}).status_code == 302
    overview = page(signed_in.get(f"{BASE}/{c.id}/languages/cy"))
    total = len(translations.all_sources(c))
    assert f"{total} strings still to translate" in overview.find(id="translation-state").get_text()
    listed = overview.find(id="missing-strings").get_text()
    assert "Question 1: question \u201cDid you stay in a refuge?\u201d" in listed and "Title \u201cImproving" in listed
    # The first question's page: a box per string, labelled with the English, typed in Welsh.
    refuge = next(q for q in c.questions if q.text == "Did you stay in a refuge?")
    part = page(signed_in.get(f"{BASE}/{c.id}/languages/cy/q{refuge.id}"))
    box = part.find("input", attrs={"name": "t0"})
    label = part.find("label", attrs={"for": box["id"]})
    assert box["lang"] == "cy" and "Did you stay in a refuge?" in label.get_text()
    saved = signed_in.post(f"{BASE}/{c.id}/languages/cy/q{refuge.id}", data={"t0": "Wnaethoch chi aros mewn lloches?"})
    # Saving goes on to the next question, keyboard-first.
    assert saved.status_code == 302 and saved.headers["Location"].endswith(f"/languages/cy/q{refuge.id + 1}")
    assert len(translations.missing(c, "cy")) == total - 1
    show = page(signed_in.get(f"{BASE}/{c.id}"))
    assert f"{total - 1} strings to translate" in show.find(id="language-status").get_text()


def test_opening_is_refused_kindly_while_a_language_is_incomplete(signed_in):
    c = make_consultation(status="review")
    offered(c, "cy", "ur")
    translate_everything(c, "cy")
    refused = signed_in.post(f"{BASE}/{c.id}/status", data={"value": "open"}, follow_redirects=True)
    message = page(refused).get_text()
    db.session.expire_all()
    assert c.status == "review"
    assert "cannot open yet because the Urdu translation is missing" in message
    assert "Welsh" not in message.split("cannot open yet")[1].split("Add the missing")[0]
    assert "\u201cImproving support after leaving\u201d" in message
    translate_everything(c, "ur")
    signed_in.post(f"{BASE}/{c.id}/status", data={"value": "open"})
    db.session.expire_all()
    assert c.status == "open"


def test_a_changed_english_string_needs_translating_again(app_context, app):
    c = make_consultation(status="review")
    offered(c, "cy")
    translate_everything(c, "cy")
    assert translations.missing(c, "cy") == []
    next(q for q in c.questions if q.text == "Anything else?").hint = "You can leave this empty."
    db.session.commit()
    [gap] = translations.missing(c, "cy")
    assert (gap.field, gap.source) == ("hint", "You can leave this empty.")


def test_a_respondent_answers_in_welsh_and_the_response_records_it(app_context, client, app):
    c = make_consultation()
    offered(c, "cy")
    translate_everything(c, "cy")
    first = page(client.get(f"{URL}?lang=cy"))
    assert first.html["lang"] == "cy" and "Gwella cymorth ar ôl gadael" in first.get_text()
    assert "Rydym eisiau gwybod beth helpodd" in first.get_text()
    # The language list offers only the languages the consultation has.
    assert {link["lang"] for link in first.select(".heard-languages [lang]")} == {"en", "cy"}
    client.get(f"{URL}?start=1&lang=cy")  # the choice joins the form session the journey starts
    one = page(client.get(URL))
    assert "Wnaethoch chi aros mewn lloches?" in one.get_text() and "Tudalen 1 o hyd at 3" in one.get_text()
    labels = {label.get_text(strip=True)
              for label in one.select("label.govuk-radios__label, label.govuk-checkboxes__label")}
    assert {"Ie", "Na", "Allgymorth", "Tai", "Heddlu"} <= labels
    post(client, page_id(c, "Your support"), {field(c, "Did you stay in a refuge?"): "Yes",
                                               field(c, "Which services did you use?"): ["Outreach"]})
    refused = page(post(client, page_id(c, "The refuge"), {}, status=400))
    assert "Sut le oedd y lloches?" in refused.find(class_="govuk-error-summary").get_text()
    post(client, page_id(c, "The refuge"), {field(c, "What was the refuge like?"): "Roedd y staff yn garedig."})
    post(client, page_id(c, "Looking ahead"), {field(c, "I knew where to get help"): "Agree",
                                               field(c, "What matters most now?"): "Housing"})
    check = page(client.get(URL)).find("main").get_text()
    assert "Wnaethoch chi aros mewn lloches?" in check and "Allgymorth" in check and "Cytuno" in check
    post(client, "check", {})
    thanks = page(client.get(URL))
    assert thanks.html["lang"] == "cy" and "Diolch" in thanks.get_text()
    results = thanks.find(id="results-when-where")
    assert results.find("a").get_text() == "dywedoch chi, fe wnaethom ni"
    assert "erbyn 31 Mawrth 2027, CY on this site and at the partnership board." in results.get_text()
    [response] = db.session.scalars(select(ConsultationResponse))
    assert response.language == "cy"
    # Answers are kept as the English values, so counting and conditions do not change.
    assert sorted(a.values or [a.value] for a in response.answers if a.question.kind != "free_text")[0] in (
        ["Agree"], ["Housing"], ["Outreach"], ["Yes"])
    assert {a.value for a in response.answers if a.question.kind in ("yes_no", "single", "agreement")} == \
        {"Yes", "Housing", "Agree"}


def test_an_incomplete_language_shows_english_with_a_notice_in_that_language(app_context, client, app):
    c = make_consultation()
    offered(c, "cy")
    html = page(client.get(f"{URL}?lang=cy"))
    assert html.html["lang"] == "en" and "Improving support after leaving" in html.get_text()
    notice = html.find(id="language-notice")
    assert notice["lang"] == "cy" and "Saesneg" in notice.get_text()
    assert "Gwella" not in html.get_text()


def test_an_incomplete_language_keeps_the_exit_button_and_help_in_that_language(app_context, client, app):
    """Someone who chose Urdu may not read the English consultation, but must
    be able to leave fast and find help: those parts stay in Urdu, marked so."""
    c = make_consultation()
    offered(c, "ur")
    html = page(client.get(f"{URL}?lang=ur"))
    assert html.html["lang"] == "en" and html.select_one('link[href*="rtl.css"]')
    skip, bar = html.select_one(".govuk-js-exit-this-page-skiplink"), html.select_one(".heard-exit-bar")
    footer = html.footer
    for part in (skip, bar, footer):
        assert (part["lang"], part["dir"]) == ("ur", "rtl")
    assert skip.get_text() == "یہ صفحہ چھوڑیں" and "یہ صفحہ چھوڑیں" in bar.get_text()
    assert "اگر آپ کو ابھی مدد چاہیے" in footer.get_text() and "If you need help now" not in footer.get_text()
    warning = html.find(string=lambda text: "اگر کوئی آپ کا فون یا کمپیوٹر دیکھ سکتا ہے" in text)
    assert warning and warning.find_parent(lang="ur") and "If someone might check" not in html.get_text()
    # The rest of the page stays English, and a fully translated page has no marked parts.
    main_skip = html.select_one(".govuk-skip-link:not(.govuk-js-exit-this-page-skiplink)")
    assert main_skip.get_text() == "Skip to main content"
    translate_everything(c, "ur")
    translated = page(client.get(f"{URL}?lang=ur"))
    assert translated.html["lang"] == "ur" and not translated.footer.has_attr("lang")


def test_urdu_is_right_to_left_and_recorded(app_context, client, app):
    c = make_consultation()
    offered(c, "ur")
    translate_everything(c, "ur")
    html = page(client.get(f"{URL}?lang=ur"))
    assert html.html["lang"] == "ur" and html.html["dir"] == "rtl"
    assert "اردو Improving support after leaving" in html.get_text()


def test_the_group_reviews_in_welsh(app_context, client, app):
    c = make_consultation(status="review", audience="group")
    offered(c, "cy")
    translate_everything(c, "cy")
    review = f"/review/{c.slug}"
    client.get(f"{review}?lang=cy")
    client.post(review, data={"step": "code", "code": ACCESS_CODE})
    html = page(client.get(review))
    assert html.html["lang"] == "cy"
    assert "Wnaethoch chi aros mewn lloches?" in html.get_text() and "Adolygu: Gwella cymorth" in html.get_text()
    second = next(q for q in c.questions if q.text == "Which services did you use?")
    assert client.post(review, data={"step": "1", f"comment-{second.id}": "Ychwanegwch iechyd."}).status_code == 303
    later = page(client.get(review))
    assert "Mae pobl yn gweld y dudalen hon dim ond os" in later.get_text() and "\u201cIe\u201d" in later.get_text()


def _coded(language: str, n: int, theme: str, start: int) -> list:
    return [SimpleNamespace(item=Item(ref=f"a:{start + i}", text="x", question="q", submitted_on=date(2026, 7, 1),
                                      response_id=start + i, language=language), codes=(theme,))
            for i in range(n)]


def test_the_board_language_breakdown_is_suppressed_below_five(app):
    assert breakdowns(_coded("English", 8, "housing", 0), ["housing"], ["Housing"], 5) == []
    small = breakdowns(_coded("English", 8, "housing", 0) + _coded("Welsh", 3, "housing", 100),
                       ["housing"], ["Housing"], 5)
    [table] = [t for t in small if t.title == LANGUAGE_TITLE]
    assert table.groups == ("English", "Welsh") and table.responses == (None, None)
    assert all(value is None for _label, cells, _total in table.rows for value in cells)
    large = breakdowns(_coded("English", 8, "housing", 0) + _coded("Welsh", 6, "housing", 100),
                       ["housing"], ["Housing"], 5)
    [table] = [t for t in large if t.title == LANGUAGE_TITLE]
    assert table.responses == (8, 6) and table.rows[0][1] == (8, 6)


def test_the_bank_offers_the_welsh_language_standards_questions_in_english_and_welsh(signed_in):
    c = make_consultation(status="draft")
    offered(c, "cy")
    first = c.pages[0]
    form = page(signed_in.get(f"{BASE}/{c.id}/pages/{first.id}/question-bank"))
    assert {box["value"] for box in form.find_all("input", attrs={"name": "welsh"})} == \
        {q.key for q in WELSH_LANGUAGE_QUESTIONS}
    signed_in.post(f"{BASE}/{c.id}/pages/{first.id}/question-bank",
                   data={"welsh": [q.key for q in WELSH_LANGUAGE_QUESTIONS], "questions": ["age_band"]})
    db.session.expire_all()
    added = db.session.scalars(select(Question).where(Question.page_id == first.id)
                               .order_by(Question.position)).all()[-3:]
    assert [q.text for q in added[1:]] == [q.text for q in WELSH_LANGUAGE_QUESTIONS]
    have = translations.stored(c, "cy")
    assert have[(None, added[1].id, "text", added[1].text)].startswith("Pa effeithiau")
    assert "beidio â thrin y Gymraeg yn llai ffafriol na'r Saesneg" in have[(None, added[2].id, "text", added[2].text)]
    # The equality question comes translated from the site's catalogues.
    assert have[(None, added[0].id, "text", "How old are you?")] != "How old are you?"
    assert not [gap for gap in translations.missing(c, "cy") if gap.question_id in {q.id for q in added}]


def test_the_bank_has_no_welsh_questions_without_welsh(signed_in, app):
    app.config["LANGUAGES"] = ("en", "ur")
    c = make_consultation(status="draft")
    form = page(signed_in.get(f"{BASE}/{c.id}/pages/{c.pages[0].id}/question-bank"))
    assert not form.find_all("input", attrs={"name": "welsh"})


def test_fixed_answers_are_in_the_catalogues():
    assert set(translations.FIXED_WORDS) == set(AGREEMENT) | set(YES_NO)


@pytest.mark.one_database  # the PDF of stored translations, which the other tests here read back on each database
def test_the_paper_form_prints_in_welsh(signed_in):
    from tests.webapp.paper.test_paper_forms import pdf_text

    c = make_consultation()
    offered(c, "cy")
    translate_everything(c, "cy")
    response = signed_in.get(f"/staff/paper/consultations/{c.id}.pdf?lang=cy")
    assert response.headers["Content-Disposition"].endswith('-cy.pdf"')
    _reader, text = pdf_text(response.data)
    for words in ("Gwella cymorth ar ôl gadael", "Wnaethoch chi aros mewn lloches?", "Allgymorth", "Cytuno'n gryf"):
        assert words in text, words
    english = pdf_text(signed_in.get(f"/staff/paper/consultations/{c.id}.pdf?lang=en").data)[1]
    assert "Improving support after leaving" in english


def test_an_open_consultation_takes_a_new_language_only_when_it_is_complete(signed_in):
    c = make_consultation()
    refused = signed_in.post(f"{BASE}/{c.id}/languages", data={"languages": ["ur"]})
    assert refused.status_code == 400 and "already open" in page(refused).find(class_="govuk-error-summary").get_text()
    db.session.expire_all()
    assert c.language_codes == ()
    translate_everything(c, "ur")
    assert signed_in.post(f"{BASE}/{c.id}/languages", data={"languages": ["ur"]}).status_code == 302
    db.session.expire_all()
    assert c.language_codes == ("ur",)


def test_translations_go_with_a_deleted_question_and_come_with_a_duplicate(app_context, app):
    from webapp.consultations import editing

    c = make_consultation(status="draft")
    offered(c, "cy")
    translate_everything(c, "cy")
    copy = editing.duplicate(c)
    db.session.commit()
    # Only the copy's title (it ends "(copy)") is left to translate.
    [gap] = translations.missing(copy, "cy")
    assert gap.field == "title" and copy.language_codes == ("cy",)
    question = next(q for q in c.questions if q.text == "Anything else?")
    editing.delete_question(question)
    db.session.commit()
    db.session.expire_all()
    assert not [t for t in c.translations if t.question_id == question.id]


def test_a_welsh_paper_form_keyed_in_records_welsh(app_context, client, app):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    c = make_consultation()
    url = f"{BASE}/{c.id}/keyed"
    assert not page(client.get(url)).find_all("input", attrs={"name": "form_language"})  # English only so far
    offered(c, "cy")
    translate_everything(c, "cy")
    choices = page(client.get(url)).find_all("input", attrs={"name": "form_language"})
    assert [box["value"] for box in choices] == ["en", "cy"]
    saved = client.post(url, data={"channel": "in_person", "form_language": "cy",
                                   field(c, "Did you stay in a refuge?"): "No",
                                   field(c, "What matters most now?"): "Housing"})
    assert saved.status_code == 302
    [response] = db.session.scalars(select(ConsultationResponse))
    assert (response.channel, response.language) == ("in_person", "cy")


def test_the_home_page_names_a_consultation_in_the_visitors_language(app_context, client, app):
    c = make_consultation()
    offered(c, "cy")
    untranslated = page(client.get("/?lang=cy")).find(id="open-consultations").find("a")
    # Not yet complete in Welsh: its English title, marked as English for screen readers.
    assert untranslated.get_text() == "Improving support after leaving" and untranslated["lang"] == "en"
    translate_everything(c, "cy")
    listed = page(client.get("/?lang=cy")).find(id="open-consultations")
    assert listed.find("a").get_text() == "Gwella cymorth ar ôl gadael" and not listed.find("a").get("lang")
    assert "Ar agor tan" in listed.get_text()


@pytest.mark.parametrize("role, status", [("admin", 200), ("engagement", 200), ("analyst", 403), ("board", 403)])
@pytest.mark.one_database  # who may open a page is decided before any query
def test_the_translation_pages_by_role(app_context, client, app, role, status):
    c = make_consultation(status="draft")
    offered(c, "cy")
    sign_in_as(client, make_user(f"{role}@partnership.example", role))
    for path in ("languages", "languages/cy", "languages/cy/details", f"languages/cy/q{c.questions[0].id}"):
        assert client.get(f"{BASE}/{c.id}/{path}").status_code == status, path
    # A language it is not offered in, or a part it does not have, is not there to translate.
    if status == 200:
        assert client.get(f"{BASE}/{c.id}/languages/ur").status_code == 404
        assert client.get(f"{BASE}/{c.id}/languages/cy/q999999").status_code == 404


def test_scheduling_is_refused_too_while_a_language_is_incomplete(signed_in):
    from datetime import timedelta

    c = make_consultation(status="review", opens_on=date.today() + timedelta(days=7))
    offered(c, "cy")
    message = page(signed_in.post(f"{BASE}/{c.id}/status", data={"value": "open"}, follow_redirects=True)).get_text()
    db.session.expire_all()
    assert c.status == "review" and "the Welsh translation is missing" in message
    translate_everything(c, "cy")
    signed_in.post(f"{BASE}/{c.id}/status", data={"value": "open"})
    db.session.expire_all()
    assert c.status == "scheduled"


def test_published_results_are_translated_before_the_closed_page_shows_in_welsh(app_context, client, app):
    c = make_consultation(status="open")
    offered(c, "cy")
    translate_everything(c, "cy")
    c.status, c.results_summary = "published", "Most people wanted help with housing."
    db.session.commit()
    fallback = page(client.get(f"{URL}?lang=cy"))
    assert fallback.html["lang"] == "en" and fallback.find(id="language-notice")
    [gap] = translations.missing(c, "cy")
    translations.save_part(c, "cy", [gap], ["Roedd y rhan fwyaf o bobl eisiau help gyda thai."])
    db.session.commit()
    closed = page(client.get(f"{URL}?lang=cy"))
    assert closed.html["lang"] == "cy" and "Roedd y rhan fwyaf o bobl eisiau help gyda thai." in closed.get_text()


def _themed_answers(consultation, run, language: str, n: int) -> None:
    question = next(q for q in consultation.questions if q.text == "Anything else?")
    for i in range(n):
        response = ConsultationResponse(consultation_id=consultation.id, submitted_on=date(2026, 8, 1),
                                        language=language)
        response.answers.append(Answer(question_id=question.id, value=f"They believed me ({language} {i})."))
        db.session.add(response)
        db.session.flush()
        db.session.add(ThemeRunItem(run=run, ref=answer_ref(response.answers[0].id), codes=["believed"],
                                    scores={"believed": 0.9}, compound=0.6, sentiment="positive"))


@pytest.mark.parametrize("welsh, shown", [(3, (None, None)), (6, (6, 6))], ids=["under-five", "five-or-more"])
def test_the_board_summary_breaks_a_consultation_down_by_language(app_context, app, client, welsh, shown):
    c = make_consultation(status="closed")
    run = ThemeRun(scope=consultation_scope(c.slug).key, status="done", finished_at=datetime(2026, 9, 1))
    db.session.add(run)
    _themed_answers(c, run, "en", 6)
    _themed_answers(c, run, "cy", welsh)
    db.session.commit()
    [table] = [t for t in build_summary(consultation_scope(c.slug)).breakdowns if t.title == LANGUAGE_TITLE]
    assert table.groups == ("English", "Welsh") and table.responses == shown
    sign_in_as(client, make_user("board@partnership.example", "board"))
    html = page(client.get(f"/staff/reports/summary/consultation:{c.slug}"))
    assert f"Themes by {LANGUAGE_TITLE.lower()}" in html.get_text()


def test_you_said_we_did_names_a_finished_consultation_in_the_visitors_language(app_context, client, app):
    c = make_consultation("after-leaving", status="closed", closes_on=date(2026, 11, 1))
    offered(c, "cy", "ur")
    translate_everything(c, "cy")  # Urdu offered but never translated: its readers get the English title.
    for path in ("/you-said-we-did/", f"/you-said-we-did/consultations/{c.slug}"):
        welsh = page(client.get(f"{path}?lang=cy"))
        title = welsh.select_one("#finished-consultations a") or welsh.h1
        assert welsh.html["lang"] == "cy" and title.get_text() == "Gwella cymorth ar ôl gadael"
        assert not title.get("lang") and "1 Tachwedd 2026" in welsh.get_text()  # the date in Welsh too
        urdu = page(client.get(f"{path}?lang=ur"))
        title = urdu.select_one("#finished-consultations a") or urdu.h1
        # The page's own words stay in Urdu; only the title is English, marked so for screen readers.
        assert urdu.html["lang"] == "ur" and not urdu.find(id="language-notice")
        assert title.get_text() == "Improving support after leaving"
        assert (title["lang"], title["dir"]) == ("en", "ltr")


def _decided_comments(consultation) -> None:
    """One comment decided twice (first not changed, then changed), one not decided yet, one about what is missing."""
    refuge = next(q for q in consultation.questions if q.text == "Did you stay in a refuge?")
    changed = ReviewComment(question=refuge, text="Say what counts as a refuge.", status="accepted",
                            reason="Added a hint.")
    changed.decisions += [ReviewDecision(decision="declined", reason="Out of scope.", decided_on=date(2026, 11, 3)),
                          ReviewDecision(decision="accepted", reason="Added a hint.", decided_on=date(2026, 11, 9))]
    consultation.comments += [changed, ReviewComment(question=None, text="Ask about pets.")]
    db.session.commit()


def _decisions_page(client, consultation, language: str):
    address = f"/review/{consultation.slug}/decisions"
    asked = page(client.get(f"{address}?lang={language}"))
    assert client.post(address, data={"step": "code", "code": ACCESS_CODE}).status_code == 303
    return asked, page(client.get(address))


def test_the_group_reads_what_happened_to_its_comments_in_welsh(app_context, client, app):
    c = make_consultation(status="open", audience="group")
    offered(c, "cy")
    translate_everything(c, "cy")
    _decided_comments(c)
    asked, html = _decisions_page(client, c, "cy")
    assert asked.html["lang"] == "cy" and "Eich sylwadau ar: Gwella cymorth ar ôl gadael" in asked.get_text()
    text = " ".join(html.get_text(" ").split())
    assert html.html["lang"] == "cy" and not html.find(id="language-notice")
    # Each comment under its question in Welsh, then what is missing; the team's own words stay as written.
    order = [text.index(words) for words in ("Wnaethoch chi aros mewn lloches?", "Mae rhywbeth ar goll",
                                             "Ask about pets.")]
    assert order == sorted(order)
    tags = [tag.get_text(strip=True) for tag in html.select(".govuk-tag")]
    assert tags == ["Fe wnaethon ni ei newid", "Heb benderfynu eto"]
    assert "Nid yw'r tîm wedi penderfynu eto am 1 sylw." in text
    assert "Yn gynharach: ar 3 Tachwedd 2026, heb ei newid: Out of scope." in text


def test_what_happened_to_the_comments_is_in_english_with_a_notice_until_the_translation_is_complete(
        app_context, client, app):
    c = make_consultation(status="open", audience="group")
    offered(c, "ur")
    _decided_comments(c)
    _asked, html = _decisions_page(client, c, "ur")
    assert html.html["lang"] == "en" and html.find(id="language-notice")["lang"] == "ur"
    assert "Did you stay in a refuge?" in html.get_text() and "We changed it" in html.get_text()


# The page's own words and a month name: none may stay in English once the consultation is translated.
DECISIONS_ENGLISH = ("What happened to the group's comments", "A comment from the group", "We changed it",
                     "Not decided yet", "What changed:", "The team has not decided", "Come back to this page",
                     "changed its mind", "Something is missing", "not changed", "November")


@pytest.mark.parametrize("app_overrides", [{"LANGUAGES": SHIPPED}])
@pytest.mark.parametrize("language", [code for code in SHIPPED if code != "en"])
@pytest.mark.one_database  # the catalogues' words, read from stored translations as the tests above do on each database
def test_what_happened_to_the_comments_is_translated_in_every_catalogue(
        app_context, client, app, app_overrides, language):
    c = make_consultation(status="open", audience="group")
    offered(c, language)
    translate_everything(c, language)
    _decided_comments(c)
    asked, html = _decisions_page(client, c, language)
    assert html.html["lang"] == language and not html.find(id="language-notice")
    text = html.find("main").get_text(" ", strip=True)
    assert [words for words in DECISIONS_ENGLISH if words in text] == []
    assert "Your comments on" not in asked.find("main").get_text()
