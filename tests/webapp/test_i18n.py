"""Languages on the public site: the list on the first screen (each name in its
own language, script and direction), choosing through `?lang=` without a cookie
on a page that has no form, the choice kept in the form session once a form is
being filled and ended by Exit, `<html lang dir>` from the locale, the
right-to-left stylesheet only for right-to-left languages, Accept-Language only
ever a hint, and the Exit this page component's words."""

from __future__ import annotations

import pytest

from tests.webapp.helpers import page
from webapp import create_app, i18n

# Language choice lives in the request and the session, not the database.
pytestmark = pytest.mark.one_database

ALL = ("en", "cy", "pl", "ur", "pa", "ro", "bn")


@pytest.fixture
def app_overrides():
    return {"LANGUAGES": ALL}


def test_the_first_screen_lists_each_language_in_its_own_name_script_and_direction(client):
    html = page(client.get("/"))
    nav = html.find("nav", class_="heard-languages")
    names = {item.get("lang"): (item.get_text(strip=True), item.get("dir"))
             for item in nav.find_all(attrs={"lang": True})}
    assert names == {"en": ("English", "ltr"), "cy": ("Cymraeg", "ltr"), "pl": ("Polski", "ltr"),
                     "ur": ("اردو", "rtl"), "pa": ("ਪੰਜਾਬੀ", "ltr"), "ro": ("Română", "ltr"),
                     "bn": ("বাংলা", "ltr")}
    assert nav.find(attrs={"aria-current": "true"}).get("lang") == "en"
    assert nav.find("a", lang="cy")["href"] == "/?lang=cy"


def test_choosing_welsh_on_a_page_without_a_form_sets_no_cookie_and_rides_in_links(client):
    response = client.get("/?lang=cy")
    html = page(response)
    assert "Set-Cookie" not in response.headers
    assert html.html["lang"] == "cy" and html.html["dir"] == "ltr"
    assert html.h1.get_text(strip=True) == "Rhannwch eich profiad"
    assert html.find("a", href="/staying-safe-online?lang=cy")
    # The exit link never carries it.
    assert html.find("a", class_="govuk-exit-this-page__button")["href"] == "/exit"
    # Without the argument, the next page is English again: nothing was stored.
    assert page(client.get("/")).html["lang"] == "en"


def test_the_choice_joins_the_form_session_and_exit_ends_it(client):
    before = page(client.get("/feedback?lang=cy"))
    assert before.find("a", string=lambda s: s and "Parhau" in s)["href"].endswith("lang=cy")  # Continue
    response = client.get("/feedback?step=service&lang=cy")
    assert "Set-Cookie" in response.headers  # the journey's own form session
    assert page(client.get("/")).html["lang"] == "cy"  # no argument needed now
    client.get("/exit")
    assert page(client.get("/")).html["lang"] == "en"


def test_urdu_is_right_to_left_with_its_own_stylesheet_and_the_exit_words_translated(client):
    html = page(client.get("/?lang=ur"))
    assert (html.html["lang"], html.html["dir"]) == ("ur", "rtl")
    assert html.find("link", href="/static/rtl.css")
    button = html.find("a", class_="govuk-exit-this-page__button")
    assert button.find(class_="govuk-visually-hidden").get_text() == "ہنگامی"
    assert "یہ صفحہ چھوڑیں" in button.get_text()
    assert page(client.get("/?lang=cy")).find("link", href="/static/rtl.css") is None


def test_exit_component_strings_are_passed_to_its_script(client):
    component = page(client.get("/")).find(attrs={"data-module": "govuk-exit-this-page"})
    assert component["data-i18n.activated"] == "Loading."
    assert component["data-i18n.timed-out"] == "Exit this page expired."
    assert component["data-i18n.press-two-more-times"] == "Shift, press 2 more times to exit."
    assert component["data-i18n.press-one-more-time"] == "Shift, press 1 more time to exit."


def test_accept_language_is_only_a_hint(client):
    html = page(client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9"}))
    assert html.html["lang"] == "en"  # a controlled phone's settings do not switch the page
    first = html.find("nav", class_="heard-languages").find(attrs={"lang": True})
    assert first.get("lang") == "pl"  # but the list offers Polish first


def test_an_unknown_or_unoffered_language_is_ignored(client, app):
    assert page(client.get("/?lang=xx")).html["lang"] == "en"
    app.config["LANGUAGES"] = ("en", "cy")
    assert page(client.get("/?lang=ur")).html["lang"] == "en"


def test_a_welsh_body_puts_welsh_first(test_database):
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": test_database.url, "LANGUAGES": ("cy", "en")})
    with app.test_client() as client:
        html = page(client.get("/"))
    assert html.html["lang"] == "cy" and html.h1.get_text(strip=True) == "Rhannwch eich profiad"


def test_languages_must_have_a_catalogue(test_database):
    with pytest.raises(RuntimeError, match="no catalogue for: de"):
        create_app("test", {"SQLALCHEMY_DATABASE_URI": test_database.url, "LANGUAGES": ("en", "de")})
    assert set(i18n.SHIPPED) == set(ALL)


def test_staff_pages_stay_in_english_links(client):
    html = page(client.get("/?lang=cy"))
    assert all("lang=" not in a["href"] for a in html.find_all("a", href=True) if a["href"].startswith("/staff"))


PUBLIC_PAGES = ("/", "/get-help", "/staying-safe-online", "/privacy", "/accessibility",
                "/feedback", "/feedback?service=gone", "/you-said-we-did/")
# Proper names stay as they are in every language (helplines, the partnership, brands).
NAMES_KEPT = ("Helpline", "Silent Solution", "Women's Aid", "Refuge", "Respect", "Samaritans",
              "Galop", "Karma Nirvana", "Hourglass", "Men's Advice Line", "Heard")


def _sentences(client, path: str, lang: str) -> set[str]:
    html = page(client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}"))
    found = set()
    for element in html.body.find_all(["p", "li", "h1", "h2", "h3", "a", "legend", "label", "button"]):
        text = " ".join(element.get_text(" ", strip=True).split())
        if len([word for word in text.split() if word.isalpha()]) >= 3:
            found.add(text)
    return found


@pytest.mark.parametrize("lang", ["cy", "ur"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_no_english_sentence_is_left_on_a_translated_page(client, path, lang):
    """A sentence rendered the same in English and in the chosen language was never
    translated (a template string outside `trans`, or a value not passed through `_`)."""
    same = _sentences(client, path, "en") & _sentences(client, path, lang)
    left = {text for text in same if not any(name in text for name in NAMES_KEPT)}
    assert not left, left


@pytest.mark.parametrize("lang,under_one,under_many", [
    ("pl", "Pozostał Ci %{count} znak", "Pozostało Ci %{count} znaków"),
    ("cy", "Mae gennych %{count} nod ar ôl", "Mae gennych %{count} nod ar ôl"),
])
def test_the_character_count_speaks_the_language_with_its_plural_forms(app, lang, under_one, under_many):
    with app.test_request_context(f"/?lang={lang}"):
        app.preprocess_request()
        words = i18n.character_count_words(1500)
    expected = {"pl": {"one", "few", "many"}, "cy": {"zero", "one", "two", "few", "many", "other"}}
    assert set(words["charactersUnderLimitText"]) == expected[lang]
    assert words["charactersUnderLimitText"]["one"] == under_one
    assert words["charactersUnderLimitText"]["many"] == under_many
    assert "1500" in words["textareaDescriptionText"]


def test_the_comments_step_renders_the_count_in_polish(client, demo_data):
    client.get("/feedback?step=service&lang=pl")
    client.post("/feedback", data={"step": "service", "service": "outreach", "other_service": ""})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    html = page(client.get("/feedback"))
    box = html.find("div", class_="govuk-character-count")
    assert box["data-i18n.characters-under-limit.few"] == "Pozostały Ci %{count} znaki"
    assert box["data-i18n.characters-over-limit.many"] == "Masz o %{count} znaków za dużo"
    assert html.find(id="what_helped-info").get_text(strip=True) == "Możesz wpisać maksymalnie 1500 znaków"
