"""Exit this page: by tapping, by Shift pressed three times, by the first Tab and
Enter, and without JavaScript. Each exit ends at EXIT_URL, ends the session and
clears the cookie, and Back never shows the answers that were being given."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import TouchDriver, Typed, expect_step, start

pytestmark = pytest.mark.browser

OVERLAY = ".govuk-exit-this-page-overlay"


def half_fill(page, server) -> Typed:
    """Answer two steps, then type (but do not send) personal words on the third."""
    driver = TouchDriver(page)
    typed = Typed.new()
    start(page, server.base_url, driver)
    driver.choose("service", "police")
    driver.press("Continue")
    driver.choose("ease", "very-difficult")
    driver.choose("overall", "very-poor")
    driver.press("Continue")
    expect_step(page, "comments")
    driver.type_into("what_helped", typed.what_helped)
    return typed


def assert_left(phone, neutral, visits_before: int) -> None:
    page = phone.page
    page.wait_for_url(neutral.url)
    expect(page.locator("h1")).to_have_text("Weather")
    assert phone.context.cookies() == [], "the session cookie outlived the exit"
    arrivals = [headers for path, headers in neutral.hits[visits_before:] if path == "/weather"]
    assert len(arrivals) == 1, arrivals
    headers = arrivals[0]
    assert "referer" not in headers, ("the destination learned where the person came from", headers.get("referer"))
    assert "cookie" not in headers


def assert_back_shows_no_answers(phone, typed: Typed) -> None:
    """Go back through every entry: nothing typed or chosen ever comes back."""
    page = phone.page
    for _ in range(8):
        if page.evaluate("history.length") <= 1:
            break
        response = page.go_back(wait_until="load")
        if response is None and page.url.startswith("about:"):
            break
        expect(page.locator("main")).to_be_visible()
        expect(page.locator("body")).not_to_contain_text(typed.token)
        assert page.locator("input:checked").count() == 0, page.url
        values = page.eval_on_selector_all(
            "textarea, input[type=text]", "els => els.map(el => el.value).filter(Boolean)")
        assert values == [], (page.url, values)
        assert page.locator(OVERLAY).count() == 0
        heading = page.locator("h1").inner_text()
        assert heading in {"Share your experience", "Before you start"}, (page.url, heading)
        if heading == "Share your experience":
            break


def test_tapping_exit_shows_loading_and_leaves(prod_server, neutral_server, phone):
    page = phone.page
    typed = half_fill(page, prod_server)
    visits = len(neutral_server.hits)
    # Report what the page shows the moment the overlay goes in (a locator would
    # wait for the navigation to finish and see only the destination).
    page.evaluate("""() => new MutationObserver((changes, observer) => {
        const overlay = document.querySelector('.govuk-exit-this-page-overlay');
        if (!overlay) return;
        observer.disconnect();
        console.log('exit-state:' + JSON.stringify({
            overlay: overlay.textContent, role: overlay.getAttribute('role'),
            hidden: document.body.classList.contains('govuk-exit-this-page-hide-content'),
            visible: document.body.innerText.trim(), url: location.href}));
    }).observe(document.body, {childList: true, characterData: true, subtree: true})""")
    neutral_server.delay = 1.0  # hold the destination: the overlay is what people see meanwhile
    try:
        with page.expect_console_message(lambda m: m.text.startswith("exit-state:")) as message:
            page.locator(".govuk-exit-this-page__button").tap()
        seen = json.loads(message.value.text.removeprefix("exit-state:"))
        assert seen["url"] == prod_server.url("/feedback")
        assert seen["overlay"] == "Loading." and seen["role"] == "alert", seen
        assert seen["hidden"], seen
        assert typed.token not in seen["visible"], "the form was still on screen"
        assert seen["visible"] == "Loading.", seen["visible"]
    finally:
        neutral_server.delay = 0
    assert_left(phone, neutral_server, visits)
    assert_back_shows_no_answers(phone, typed)


def test_exit_replaces_the_form_in_history(prod_server, neutral_server, phone):
    """location.replace: the number of history entries does not grow on exit."""
    page = phone.page
    half_fill(page, prod_server)
    entries = page.evaluate("history.length")
    page.locator(".govuk-exit-this-page__button").tap()
    page.wait_for_url(neutral_server.url)
    assert page.evaluate("history.length") == entries


def test_shift_three_times_exits(prod_server, neutral_server, phone):
    page = phone.page
    typed = half_fill(page, prod_server)
    page.locator("h1").click()  # focus is anywhere but a text box
    visits = len(neutral_server.hits)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.locator(OVERLAY).count() == 0
    page.keyboard.press("Shift")
    assert_left(phone, neutral_server, visits)
    assert_back_shows_no_answers(phone, typed)


def test_shift_interrupted_by_another_key_does_not_exit(prod_server, phone):
    page = phone.page
    page.goto(prod_server.url("/"))
    status = page.locator(".govuk-exit-this-page [role=status]")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit.")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit.")  # the count started again
    assert page.locator(OVERLAY).count() == 0
    assert page.url == prod_server.url("/")
    expect(page.locator("h1")).to_have_text("Share your experience")


def test_shift_presses_count_within_five_seconds_of_each_other(prod_server, neutral_server, new_phone):
    """The exit timing test: page.clock stands in for waiting in real time."""
    phone = new_phone()
    page = phone.page
    page.clock.install()
    page.goto(prod_server.url("/privacy"))
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5_100)  # more than 5 seconds: the count resets
    status = page.locator(".govuk-exit-this-page [role=status]")
    expect(status).to_have_text("Exit this page expired.")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit.")
    assert page.locator(OVERLAY).count() == 0
    # Each press within 5 seconds of the last still counts. The installed clock also runs in real time, so
    # 4.5 seconds left half a real second for each press: on a busy machine (CI) the count ran out between
    # them and the exit never came; 4 seconds leaves a whole one.
    page.clock.run_for(4_000)
    page.keyboard.press("Shift")
    page.clock.run_for(4_000)
    visits = len(neutral_server.hits)
    page.keyboard.press("Shift")
    assert_left(phone, neutral_server, visits)


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_first_tab_is_the_exit_skip_link(prod_server, neutral_server, new_phone, js):
    phone = new_phone(js=js)
    page = phone.page
    typed = half_fill(page, prod_server)
    TouchDriver(page).press("Continue")  # the typed words are saved (redacted) for now
    expect_step(page, "about-you")
    page.keyboard.press("Tab")
    focused = page.evaluate("({text: document.activeElement.textContent.trim(),"
                            " href: document.activeElement.getAttribute('href'),"
                            " rel: document.activeElement.getAttribute('rel'),"
                            " cls: document.activeElement.className})")
    assert focused["text"] == "Exit this page"
    assert focused["href"] == "/exit"
    assert "govuk-skip-link" in focused["cls"]
    assert set(focused["rel"].split()) == {"nofollow", "noreferrer"}
    expect(page.locator("a.govuk-js-exit-this-page-skiplink")).to_be_in_viewport()  # shown on focus
    visits = len(neutral_server.hits)
    page.keyboard.press("Enter")
    assert_left(phone, neutral_server, visits)
    assert_back_shows_no_answers(phone, typed)


def test_without_javascript_exit_is_a_plain_link_through_exit(prod_server, neutral_server, new_phone):
    phone = new_phone(js=False)
    page = phone.page
    typed = half_fill(page, prod_server)
    button = page.locator(".govuk-exit-this-page__button")
    expect(button).to_have_attribute("href", "/exit")
    assert set(button.get_attribute("rel").split()) >= {"nofollow", "noreferrer"}
    visits = len(neutral_server.hits)
    with page.expect_navigation(url=neutral_server.url) as navigation:
        button.tap()
    final = navigation.value
    hop = final.request.redirected_from
    assert hop is not None and hop.url == prod_server.url("/exit")
    exit_response = hop.response()
    assert exit_response.status == 303
    assert exit_response.headers["location"] == neutral_server.url
    assert "heard=;" in (exit_response.header_value("set-cookie") or "")
    assert_left(phone, neutral_server, visits)
    assert_back_shows_no_answers(phone, typed)


def test_the_server_forgot_the_journey(prod_server, neutral_server, phone):
    """Even replaying the old cookie after an exit starts afresh."""
    page = phone.page
    half_fill(page, prod_server)
    [old_cookie] = phone.context.cookies()
    page.locator(".govuk-exit-this-page__button").tap()
    page.wait_for_url(neutral_server.url)
    phone.context.add_cookies([old_cookie])
    page.goto(prod_server.url("/feedback"))
    expect(page.locator("h1")).to_have_text("Before you start")
