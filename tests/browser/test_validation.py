"""Nothing a person typed or chose is lost when the page asks them to fix something,
with and without JavaScript; the rate limit keeps answers too."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import HEADINGS, TouchDriver, Typed, answer_to_check, expect_step, start

pytestmark = pytest.mark.browser


def expect_error(page, message: str, js: bool) -> None:
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text(message)
    expect(page.locator("p.govuk-error-message")).to_contain_text(message)
    assert page.title().startswith("Error: ")
    if js:  # GOV.UK's error summary takes focus so screen readers announce it
        expect(summary).to_be_focused()


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_errors_keep_everything_typed(prod_server, new_phone, js):
    phone = new_phone(js=js)
    page = phone.page
    driver = TouchDriver(page)
    typed = Typed.new()
    start(page, prod_server.base_url, driver)

    # Another service with no name: the choice stays made.
    driver.choose("service", "another")
    other = page.locator('input[name="other_service"]')
    expect(other).to_be_visible()  # revealed by the script, or always shown without it
    driver.press("Continue")
    expect_error(page, "Tell us which service it was", js)
    expect(page.locator('input[name="service"][value="another"]')).to_be_checked()

    # A name that is too long: the typed name comes back as typed.
    long_name = "The drop-in at the community centre on the corner " * 3
    driver.type_into("other_service", long_name)
    driver.press("Continue")
    expect_error(page, "120 characters or fewer", js)
    expect(page.locator('input[name="service"][value="another"]')).to_be_checked()
    expect(other).to_have_value(long_name)
    driver.type_into("other_service", "The drop-in on Tuesdays")
    driver.press("Continue")
    expect_step(page, "experience")

    # No overall answer: the optional answers already chosen stay chosen.
    driver.choose("ease", "difficult")
    driver.choose("listened", "partly")
    driver.press("Continue")
    expect_error(page, "Choose how the support was overall", js)
    expect(page.locator('input[name="ease"][value="difficult"]')).to_be_checked()
    expect(page.locator('input[name="listened"][value="partly"]')).to_be_checked()
    driver.choose("overall", "neither")
    driver.press("Continue")
    expect_step(page, "comments")

    # Too much text: both answers come back exactly as typed, nothing redacted yet.
    too_long = ("It was a long story and I want to tell all of it. " * 32).strip()
    assert len(too_long) > 1500
    driver.type_into("what_helped", too_long)
    driver.type_into("could_be_better", typed.could_be_better)
    driver.press("Continue")
    expect_error(page, "1500 characters or fewer", js)
    if js:
        count = page.locator(".govuk-character-count", has=page.locator('[name="what_helped"]'))
        expect(count.locator(".govuk-character-count__status")).to_contain_text("characters too many")
    expect(page.locator('textarea[name="what_helped"]')).to_have_value(too_long)
    expect(page.locator('textarea[name="could_be_better"]')).to_have_value(typed.could_be_better)
    if js:  # the summary's link takes the person to the field
        page.locator(".govuk-error-summary a").first.tap()
        expect(page.locator('textarea[name="what_helped"]')).to_be_focused()
    driver.type_into("what_helped", f"Short now, {typed.token}.")
    driver.press("Continue")
    expect_step(page, "about-you")
    driver.press("Continue")
    expect_step(page, "check")
    main = page.locator("main")
    expect(main).to_contain_text("The drop-in on Tuesdays")
    expect(main).to_contain_text(f"Short now, {typed.token}.")
    expect(main).to_contain_text(typed.redacted_better)
    expect(main).not_to_contain_text(typed.email)


def use_up_starts(limited_server, new_phone, address: str):
    """Other people on one connection start journeys (4 an hour on this server,
    counting sends too) until the next is refused; that refusal's page."""
    for _ in range(6):
        other = new_phone(forwarded_for=address).page
        if other.goto(limited_server.url("/feedback?step=service")).status == 429:
            return other
    raise AssertionError("starting journeys was never limited")


def test_rate_limit_keeps_what_was_typed(limited_server, new_phone):
    """Over the limit, Send shows the check page again with the real wait and the answers kept."""
    address = "203.0.113.201"
    phone = new_phone(forwarded_for=address)
    page = phone.page
    driver = TouchDriver(page)
    typed = Typed.new()
    start(page, limited_server.base_url, driver)
    answer_to_check(page, driver, typed)  # the pages in between are not counted
    refused = use_up_starts(limited_server, new_phone, address)
    expect(refused.locator("h1")).to_have_text(re.compile(r"^Please wait \d+ minutes?$"))
    with page.expect_navigation():
        driver.press("Send feedback")
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text(re.compile(r"Please wait \d+ minutes?, then press the button again"))
    expect(banner).not_to_contain_text("a few minutes")
    expect(banner).to_contain_text("Your answers below have not been lost")
    expect_step(page, "check")
    expect(page.locator("main")).to_contain_text(typed.token)


def test_rate_limit_is_per_visitor_behind_the_proxy(limited_server, new_phone):
    use_up_starts(limited_server, new_phone, "203.0.113.211")
    second = new_phone(forwarded_for="203.0.113.212")
    driver = TouchDriver(second.page)
    start(second.page, limited_server.base_url, driver)
    driver.choose("service", "police")
    driver.press("Continue")
    expect(second.page.locator("h1")).to_have_text(HEADINGS["experience"], timeout=3_000)
