"""The public site in every language it ships, as a phone sees it (issue 16 part 6):
zero axe violations on every public page in each language, with and without
JavaScript for Welsh and Urdu; in each language the feedback journey end to end,
each step audited and photographed (Urdu right to left), leaving once by Shift
three times and once by tapping Exit; no cookie on a GET before a form is
started; after Exit, Back reaches a page that no longer knows the language.
Welsh and Urdu pages within 60 KB with nothing from anywhere else."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import PUBLIC_PAGES, audited_phone, axe, photograph

pytestmark = pytest.mark.browser

SHIPPED = ("cy", "pl", "ur", "pa", "ro", "bn")
RIGHT_TO_LEFT = {"ur"}


def with_lang(path: str, lang: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


def assert_language(page, lang: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang in RIGHT_TO_LEFT else "ltr")


def audit(page, axe_source, failures: dict, label: str) -> None:
    page.wait_for_load_state("load")
    violations = axe(page, axe_source)
    if violations:
        failures[label] = violations


@pytest.mark.parametrize("lang,js", [(lang, True) for lang in SHIPPED] + [("cy", False), ("ur", False)],
                         ids=[f"{lang}-js" for lang in SHIPPED] + ["cy-nojs", "ur-nojs"])
def test_every_public_page_has_no_axe_violations_in_each_language(languages_server, new_phone, axe_source,
                                                                   lang, js):
    phone = audited_phone(new_phone, js)
    page, failures = phone.page, {}
    for path in (*PUBLIC_PAGES, "/you-said-we-did/", "/feedback?service=gone"):
        page.goto(languages_server.url(with_lang(path, lang)))
        assert_language(page, lang)
        audit(page, axe_source, failures, path)
    assert failures == {}, failures
    assert phone.context.cookies() == [], "a GET set a cookie"


class Steps:
    """The feedback journey by what is on each page, not by its words, so it reads
    the same in any language; each step is audited and photographed."""

    def __init__(self, page, axe_source, lang: str):
        self.page, self.axe_source, self.lang = page, axe_source, lang
        self.failures: dict[str, list[str]] = {}
        self.seen: list[str] = []

    def arrive(self, label: str, marker: str) -> None:
        expect(self.page.locator(marker).first).to_be_visible()
        assert_language(self.page, self.lang)
        audit(self.page, self.axe_source, self.failures, label)
        photograph(self.page, f"{self.lang}-{len(self.seen):02d}-{label}")
        self.seen.append(label)

    def go_on(self) -> None:
        self.page.locator("form button.govuk-button:not(.govuk-button--secondary)").first.tap()

    def link_button(self) -> None:
        self.page.locator("main a[role=button]").first.tap()


def answer_feedback(page, server, steps: Steps, lang: str) -> None:
    page.goto(server.url(f"/?lang={lang}"))
    steps.arrive("home", "main a[role=button]")
    steps.link_button()
    steps.arrive("before-you-start", "main a[role=button]")
    steps.link_button()
    steps.arrive("service", "input[name=service]")
    steps.go_on()
    steps.arrive("service-error", ".govuk-error-summary")
    page.locator('input[name=service][value="police"]').tap()
    steps.go_on()
    steps.arrive("experience", "input[name=overall]")
    page.locator('input[name=overall][value="good"]').tap()
    steps.go_on()
    steps.arrive("comments", "textarea[name=what_helped]")
    page.locator("textarea[name=what_helped]").fill("The officer listened to me.")
    steps.go_on()
    steps.arrive("about-you", "input[name=age_band]")
    page.locator("form button.govuk-button--secondary").first.tap()
    steps.arrive("check", ".govuk-summary-list")


def cookies_before_a_form_is_started(phone, neutral) -> list[str]:
    """Every GET that sets a cookie before a form is started: choosing a language,
    the home page and the safety page set none. Continue on the safety page
    (`?step=`) starts the form and its session, and from then on each page
    refreshes that cookie."""
    setting: list[str] = []
    started: list[str] = []

    def seen(response) -> None:
        if response.url == neutral.url:  # an exit ended the form
            started.clear()
        elif response.request.method == "POST" or "step=" in response.url:
            started.append(response.url)
        elif not started and "set-cookie" in response.all_headers():
            setting.append(response.url)
    phone.page.on("response", seen)
    return setting


def shift_three_times_out(page, server, neutral, steps: Steps, lang: str) -> None:
    page.goto(server.url(f"/feedback?lang={lang}"))
    steps.link_button()
    expect(page.locator("input[name=service]").first).to_be_visible()
    assert_language(page, lang)
    page.locator("h1").click()  # focus anywhere but a text box
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral.url)


def assert_back_is_not_in_the_language(page, lang: str) -> None:
    """Back from the exit's destination: the page the person left was replaced,
    the one before it (the check page, a form-session page) no longer knows the
    language or any answer."""
    response = page.go_back(wait_until="load")
    assert response is not None and page.url != "about:blank"
    expect(page.locator("main")).to_be_visible()
    assert_language(page, "en")
    assert page.locator("input:checked").count() == 0, page.url
    expect(page.locator("body")).not_to_contain_text("The officer listened to me.")


@pytest.mark.parametrize("lang", ("en", *SHIPPED))
def test_the_feedback_journey_end_to_end_and_both_exits_in_each_language(languages_server, neutral_server,
                                                                        new_phone, axe_source, lang):
    """Shift three times leaves from the first question; then the whole journey,
    every step audited and photographed, and Exit tapped on the thank-you page.
    Each exit ends the language with the session, and no GET sets a cookie
    before a form is started."""
    phone = new_phone()
    page = phone.page
    setting = cookies_before_a_form_is_started(phone, neutral_server)
    steps = Steps(page, axe_source, lang)

    shift_three_times_out(page, languages_server, neutral_server, steps, lang)
    assert phone.context.cookies() == []

    answer_feedback(page, languages_server, steps, lang)
    steps.go_on()
    steps.arrive("thank-you", "main h1")
    assert steps.failures == {}, steps.failures
    assert len(steps.seen) == 9

    entries = page.evaluate("history.length")
    page.locator(".govuk-exit-this-page__button").tap()
    page.wait_for_url(neutral_server.url)
    assert page.evaluate("history.length") == entries, "the exit added to the history"
    assert phone.context.cookies() == []
    assert setting == [], "a GET set a cookie before a form was started"
    assert_back_is_not_in_the_language(page, lang)
    page.goto(languages_server.url("/"))
    assert_language(page, "en")


@pytest.mark.parametrize("lang", ["cy", "ur"])
@pytest.mark.parametrize("path", ["/", "/feedback", "/feedback?step=service"],
                         ids=["home", "before-you-start", "first-question"])
def test_welsh_and_urdu_pages_stay_within_60_kb_with_no_third_party_request(languages_server, new_phone,
                                                                            lang, path):
    """The home page, the journey's first step and first question, loaded cold: every byte they
    transfer (headers and bodies, compressed as sent), all from Heard itself."""
    page = new_phone().page
    loaded: list[tuple[str, int]] = []
    page.on("requestfinished", lambda request: loaded.append(
        (request.url, request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"])))
    page.goto(languages_server.url(with_lang(path, lang)))
    page.wait_for_load_state("load")
    assert_language(page, lang)
    assert all(url.startswith(languages_server.url("/")) for url, _ in loaded), loaded
    total = sum(size for _, size in loaded)
    assert total <= 60 * 1024, (total, loaded)
