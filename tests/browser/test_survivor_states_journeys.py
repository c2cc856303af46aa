"""A page left open too long (issue 12 part 4) in the consultation and
co-production journeys, met on a 390x844 phone with and without JavaScript,
each new state audited by axe: what was typed comes back, the notice says what
happened and what was kept, and a check page whose visit expired says the
answers were deleted instead of listing them as "Not answered". The feedback
journey's own states are in test_survivor_states.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import TouchDriver, audited_phone, axe

pytestmark = pytest.mark.browser

CONSULTATION = "/c/support-after-leaving"
REVIEW = "/review/family-courts"
WRITTEN = "A quieter room for the children"
BANNER = ".govuk-notification-banner"
CHECK = "Check your answers before sending"
JS = pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])


def the_visit_times_out(phone) -> None:
    """The server forgets the visit while the page stays open (the session cookie goes)."""
    phone.context.clear_cookies()


def to_consultation_page_one(page, server) -> TouchDriver:
    driver = TouchDriver(page)
    page.goto(server.url(CONSULTATION))
    driver.follow("Continue")
    expect(page.locator("h1")).to_have_text("Your support")
    return driver


def say_stayed_in_a_refuge(page, driver) -> None:
    driver.choose(page.locator("input[type=radio]").first.get_attribute("name"), "Yes")
    driver.press("Continue")
    expect(page.locator("h1")).to_have_text("Safe accommodation")


@JS
def test_a_consultation_page_open_too_long_keeps_what_was_typed(prod_server, new_phone, axe_source, js):
    """Page 2 is shown only after "Yes" on page 1, an answer the time-out deleted: the
    journey starts again at page 1, says so, and page 2 comes back with what was typed."""
    phone = audited_phone(new_phone, js)
    page = phone.page
    driver = to_consultation_page_one(page, prod_server)
    say_stayed_in_a_refuge(page, driver)
    page.locator("textarea").first.fill(WRITTEN)
    the_visit_times_out(phone)
    driver.press("Continue")

    expect(page.locator("h1")).to_have_text("Your support")
    expect(page.locator(BANNER)).to_contain_text("Some answers were deleted")
    expect(page.locator(BANNER)).to_contain_text("We kept what you typed on the page that was open")
    assert axe(page, axe_source) == [], "a page kept for later"
    say_stayed_in_a_refuge(page, driver)
    expect(page.locator("textarea").first).to_have_value(WRITTEN)
    assert axe(page, axe_source) == [], "the kept page"


@JS
def test_a_consultation_check_page_after_a_time_out_says_what_happened(prod_server, new_phone, axe_source, js):
    phone = audited_phone(new_phone, js)
    page = phone.page
    driver = to_consultation_page_one(page, prod_server)
    driver.press("Continue")  # page 1 left unanswered: page 2 is not shown
    expect(page.locator("h1")).to_have_text("How it felt")
    driver.press("Continue")
    expect(page.locator("h1")).to_have_text("In your own words")
    page.locator("textarea").first.fill(WRITTEN)
    the_visit_times_out(phone)
    driver.press("Continue")

    expect(page.locator("h1")).to_have_text("In your own words")  # a page shown whatever was answered
    expect(page.locator(BANNER)).to_contain_text("open for a long time")
    expect(page.locator("textarea").first).to_have_value(WRITTEN)
    assert axe(page, axe_source) == [], "the page open too long"
    driver.press("Continue")

    expect(page.locator("h1")).to_have_text(CHECK)
    expect(page.locator(BANNER)).to_contain_text("Some answers were deleted")
    expect(page.locator("main")).to_contain_text(WRITTEN)
    assert axe(page, axe_source) == [], "the check page after a time-out"

    the_visit_times_out(phone)  # and again, with the check page open
    driver.press("Send your answers")
    expect(page.locator("h1")).to_have_text("Your support")
    expect(page.locator(BANNER)).to_contain_text("so they were deleted")
    expect(page.locator(BANNER)).to_contain_text("Please answer again, starting here.")
    expect(page.locator("main")).not_to_contain_text("Not answered")
    assert axe(page, axe_source) == [], "Send after the check page's visit expired"


@JS
def test_a_review_page_open_too_long_keeps_the_comment(prod_server, new_phone, axe_source, review_code, js):
    """A group member's comment rides in the code page until the code is given again."""
    phone = audited_phone(new_phone, js)
    page = phone.page
    driver = TouchDriver(page)
    page.goto(prod_server.url(REVIEW))
    page.get_by_role("textbox", name="Access code").fill(review_code)
    driver.press("Continue")
    expect(page.locator("h1")).to_contain_text("Page 1 of")
    page.locator("textarea[name^='comment-']").first.fill(WRITTEN)
    the_visit_times_out(phone)
    driver.press("Save and continue")

    expect(page.locator("h1")).to_have_text("Enter your access code")
    expect(page.locator(BANNER)).to_contain_text("What you typed on that page has not been lost")
    assert axe(page, axe_source) == [], "the code asked for again"
    page.get_by_role("textbox", name="Access code").fill(review_code)
    driver.press("Continue")
    expect(page.locator("h1")).to_contain_text("Page 1 of")
    expect(page.locator("textarea[name^='comment-']").first).to_have_value(WRITTEN)
    assert axe(page, axe_source) == [], "the review page with the comment back"
