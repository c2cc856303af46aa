"""The Easy Read feedback journey in Chromium on a 390x844 phone (issue 16 part 4):
from the home page's link to the thank-you page by tap and by keyboard with
JavaScript off; every Easy Read page audited by axe (with Heard's script and
without it) and photographed; the answer pictures drawn and within the 60 KB page
budget; Exit by tap and by Shift three times ends the journey."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    KeyboardDriver,
    TouchDriver,
    Typed,
    audited_phone,
    axe,
    photograph,
    stored_rows,
)
from tests.browser.settings import PHONE

pytestmark = pytest.mark.browser

HEADINGS = {
    "before": "Before you start",
    "service": "Which service do you want to tell us about?",
    "experience": "What was the service like?",
    "comments": "Tell us in your own words",
    "check": "Check your answers",
    "thanks": "Thank you",
}


def arrive(page, step: str) -> None:
    expect(page.locator("h1")).to_have_text(HEADINGS[step])
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], step


def into_easy_read(page, base_url: str, driver, each_step=lambda step: None) -> None:
    """Home -> the Easy Read link -> its safety interruption -> Continue -> the first question."""
    page.goto(base_url + "/")
    driver.follow("Easy Read version")
    arrive(page, "before")
    each_step("before")
    expect(page.get_by_text("On a keyboard, you can press the Shift key 3 times.")).to_be_visible()
    driver.follow("Continue")
    arrive(page, "service")


def answer_in_easy_read(page, driver, typed: Typed, each_step=lambda step: None) -> None:
    each_step("service")
    driver.choose("service", "outreach")
    driver.press("Continue")
    arrive(page, "experience")
    each_step("experience")
    driver.choose("ease", "difficult")
    driver.choose("listened", "yes")
    driver.choose("overall", "good")
    driver.press("Continue")
    arrive(page, "comments")
    each_step("comments")
    driver.type_into("what_helped", typed.what_helped)
    driver.press("Continue")
    arrive(page, "check")
    each_step("check")
    main = page.locator("main")
    expect(main).to_contain_text(typed.redacted_helped)
    expect(main).to_contain_text("Staff listened to me")
    driver.press("Send feedback")
    arrive(page, "thanks")
    each_step("thanks")


@pytest.mark.parametrize("how", ["touch", "keyboard"])
def test_easy_read_journey_by_tap_and_by_keyboard_without_javascript(prod_server, new_phone, how):
    phone = new_phone(js=False, viewport=PHONE)
    page = phone.page
    driver = KeyboardDriver(page) if how == "keyboard" else TouchDriver(page)
    typed = Typed.new()
    into_easy_read(page, prod_server.base_url, driver)
    answer_in_easy_read(page, driver, typed)
    assert phone.context.cookies() == []
    [row] = stored_rows(prod_server.db_path, typed.token)
    assert row["easy_read"] == 1
    assert (row["ease"], row["listened"], row["overall"]) == ("difficult", "yes", "good")
    assert row["what_helped"] == typed.redacted_helped


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-heard-script"])
def test_every_easy_read_page_has_no_axe_violations_and_big_words(prod_server, new_phone, axe_source, js):
    phone = audited_phone(new_phone, js)
    page = phone.page
    failures: dict[str, list[str]] = {}
    audited: list[str] = []

    def each_step(step: str) -> None:
        violations = axe(page, axe_source)
        if violations:
            failures[step] = violations
        photograph(page, f"easy-read-{step}")
        audited.append(step)
        if step != "thanks":
            size = page.evaluate("getComputedStyle(document.querySelector('main .govuk-body,"
                                 " main .govuk-radios__label')).fontSize")
            assert size == "24px", (step, size)

    driver = TouchDriver(page)
    into_easy_read(page, prod_server.base_url, driver, each_step)
    driver.press("Continue")  # nothing chosen: the error, in Easy Read words
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the service you want to tell us about.")
    each_step("service-error")
    pictures = []

    def with_pictures(step: str) -> None:
        each_step(step)
        if step == "experience":
            pictures.extend(page.locator("main svg.heard-picture").all())
            for picture in pictures:
                box = picture.bounding_box()
                assert box and box["width"] == 40 and box["height"] == 40
                assert picture.get_attribute("aria-hidden") == "true"

    answer_in_easy_read(page, driver, Typed.new(), with_pictures)
    assert len(pictures) == 9
    assert failures == {}, failures
    assert len(audited) == 7


def test_easy_read_pages_stay_within_60_kb_with_their_pictures(prod_server, new_phone):
    """The Easy Read first screen and its answers page (nine pictures), each loaded with
    every byte it transfers (headers and bodies, compressed as sent), all from Heard."""
    page = new_phone(js=True, viewport=PHONE).page
    loaded: list[tuple[str, int]] = []
    # Only what was asked for after weighing began: on a busy machine the page before's
    # stylesheet and script could finish late and be counted twice.
    asked: list = []
    page.on("request", lambda request: asked.append(request))
    page.on("requestfinished", lambda request: request in asked and loaded.append(
        (request.url, request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"])))

    def weighed(action) -> int:
        asked.clear()
        loaded.clear()
        action()
        page.wait_for_load_state("load")
        assert all(url.startswith(prod_server.url("/")) for url, _ in loaded), loaded
        return sum(size for _, size in loaded)

    first = weighed(lambda: page.goto(prod_server.url("/feedback?read=easy")))
    page.goto(prod_server.url("/feedback?step=service&read=easy"))
    page.locator('input[name=service][value="outreach"]').check()

    def to_answers() -> None:
        page.get_by_role("button", name="Continue").click()
        arrive(page, "experience")

    answers = weighed(to_answers)
    assert page.locator("main svg.heard-picture").count() == 9
    assert first <= 60 * 1024 and answers <= 60 * 1024, (first, answers, loaded)


def test_exit_by_tap_and_by_shift_ends_the_easy_read_journey(prod_server, neutral_server, new_phone):
    for js in (False, True):
        phone = new_phone(js=js, viewport=PHONE)
        page = phone.page
        driver = TouchDriver(page)
        into_easy_read(page, prod_server.base_url, driver)
        driver.choose("service", "outreach")
        driver.press("Continue")
        arrive(page, "experience")
        if js:
            page.locator("h1").click()
            for _ in range(3):
                page.keyboard.press("Shift")
        else:
            page.locator(".govuk-exit-this-page__button").tap()
        page.wait_for_url(neutral_server.url)
        assert phone.context.cookies() == []
        page.goto(prod_server.url("/feedback"))
        expect(page.locator("h1")).to_have_text("Before you start")  # the journey is gone
        assert "heard-easy-read" not in page.locator("main").get_attribute("class")


def test_danger_words_lead_the_easy_read_thank_you_with_help(prod_server, new_phone, axe_source):
    page = new_phone(js=True, viewport=PHONE).page
    driver = TouchDriver(page)
    into_easy_read(page, prod_server.base_url, driver)
    driver.choose("service", "outreach")
    driver.press("Continue")
    arrive(page, "experience")
    driver.choose("overall", "poor")
    driver.press("Continue")
    arrive(page, "comments")
    driver.type_into("could_be_better", "He said he would kill me if I left.")
    driver.press("Continue")
    arrive(page, "check")
    driver.press("Send feedback")
    expect(page.locator("h1")).to_have_text("If you are in danger now, call 999")
    urgent = page.locator(".heard-urgent")
    expect(urgent).to_contain_text("We cannot send you help, because we do not know who you are.")
    expect(urgent.locator("a[href=\"tel:999\"]")).to_be_visible()
    assert axe(page, axe_source) == []
    photograph(page, "easy-read-thanks-danger")


@pytest.mark.parametrize("lang", ["cy", "ur"])
def test_easy_read_in_welsh_and_urdu_has_no_axe_violations(languages_server, new_phone, axe_source, lang):
    """Easy Read chosen in Welsh, and in Urdu (right to left: each picture stays between
    its radio and its words, on the right); each page audited and photographed."""
    page = new_phone(js=True, viewport=PHONE).page
    failures: dict[str, list[str]] = {}

    def audit(step: str) -> None:
        page.wait_for_load_state("load")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], step
        violations = axe(page, axe_source)
        if violations:
            failures[step] = violations
        photograph(page, f"easy-read-{lang}-{step}")

    page.goto(languages_server.url(f"/feedback?read=easy&lang={lang}"))
    audit("before")
    page.locator("main a[role=button]").tap()
    page.locator('input[name=service][value="outreach"]').check()
    page.locator("form button.govuk-button").tap()
    expect(page.locator("svg.heard-picture")).to_have_count(9)
    audit("experience")
    radio = page.locator('input[name=ease][value="easy"]').bounding_box()
    picture = page.locator("svg.heard-picture").first.bounding_box()
    # Left to right the picture follows the radio; right to left it is on the radio's left.
    assert (picture["x"] < radio["x"]) if lang == "ur" else (picture["x"] > radio["x"]), (radio, picture)
    page.locator('input[name=overall][value="good"]').check()
    page.locator("form button.govuk-button").tap()
    expect(page.locator("textarea[name=what_helped]")).to_be_visible()
    audit("comments")
    page.locator("form button.govuk-button").tap()
    expect(page.locator(".govuk-summary-list").first).to_be_visible()
    audit("check")
    page.locator("form button.govuk-button:not(.govuk-button--secondary)").last.tap()
    expect(page.locator("main a[href*='read=easy']")).to_be_visible()
    audit("thanks")
    assert failures == {}, failures


def test_a_consultations_easy_read_version_by_tap(prod_server, neutral_server, new_phone, axe_source):
    """The demo consultation has Easy Read wording for every question: its first screen
    offers Easy Read, whose pages show that wording with no axe violations; Exit ends it.
    Without Heard's script (axe needs the browser's JavaScript), so Exit is the plain link."""
    phone = audited_phone(new_phone, js=False)
    page = phone.page
    driver = TouchDriver(page)
    page.goto(prod_server.url("/c/support-after-leaving"))
    driver.follow("Easy Read version")
    expect(page.locator("h1")).to_have_text("Before you start")
    expect(page.get_by_text("On a keyboard, you can press the Shift key 3 times.")).to_be_visible()
    audited = []

    def audit(step: str) -> None:
        page.wait_for_load_state("load")
        assert "heard-easy-read" in page.locator("main").get_attribute("class")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], step
        assert axe(page, axe_source) == [], step
        photograph(page, f"easy-read-consultation-{step}")
        audited.append(step)

    audit("before")
    driver.follow("Continue")
    expect(page.locator("legend").first).to_contain_text("Did you stay in a refuge or other safe place after you left?")
    audit("first-page")
    driver.choose(page.locator("input[type=radio]").first.get_attribute("name"), "Yes")
    driver.press("Continue")
    expect(page.locator("legend").first).to_contain_text("How good was the safe place you stayed in?")
    expect(page.get_by_text("1 is very bad. 5 is very good.")).to_be_visible()
    audit("second-page")
    page.locator(".govuk-exit-this-page__button").tap()
    page.wait_for_url(neutral_server.url)
    assert phone.context.cookies() == []
    assert audited == ["before", "first-page", "second-page"]
