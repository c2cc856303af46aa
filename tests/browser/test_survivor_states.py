"""The states issue 12 added, met as a person meets them on a 390x844 phone, with
and without JavaScript, each audited by axe: a page posted after the visit timed
out (what was typed kept), the check page saying what was deleted, Send asking
for a lost answer, Skip before the About you choices, steady consultation
progress with the reminder not to write names, and the real wait when a shared
connection is limited."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import TouchDriver, audited_phone, axe, expect_step, start

pytestmark = pytest.mark.browser

WRITTEN = "The worker believed me straight away"


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_a_visit_that_timed_out_says_what_was_kept_and_what_is_needed(prod_server, new_phone, axe_source, js):
    phone = audited_phone(new_phone, js)
    page = phone.page
    driver = TouchDriver(page)
    start(page, prod_server.base_url, driver)
    driver.choose("service", "outreach")
    driver.press("Continue")
    driver.choose("overall", "good")
    driver.press("Continue")
    expect_step(page, "comments")
    driver.type_into("what_helped", WRITTEN)
    phone.context.clear_cookies()  # the session timed out while the page was open
    driver.press("Continue")

    expect(page.locator(".govuk-notification-banner")).to_contain_text("open for a long time")
    expect(page.locator('textarea[name="what_helped"]')).to_have_value(WRITTEN)
    assert axe(page, axe_source) == [], "comments, token expired"
    driver.press("Continue")

    expect_step(page, "about-you")
    skip = page.get_by_role("button", name="Skip these questions")
    first_choice = page.locator("input[type=radio]").first
    assert skip.bounding_box()["y"] < first_choice.bounding_box()["y"], "Skip comes after the choices"
    assert axe(page, axe_source) == [], "about you"
    skip.tap()

    expect_step(page, "check")
    main = page.locator("main")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Some answers were deleted")
    expect(main).to_contain_text(WRITTEN)
    expect(main.get_by_text("Needed: please answer again")).to_have_count(2)
    for required in ("Service", "Overall, how was the support you got?"):  # optional ones may say "Not answered"
        row = main.locator(".govuk-summary-list__row", has=page.locator("dt", has_text=required))
        expect(row.locator("dd").first).to_have_text("Needed: please answer again")
    assert axe(page, axe_source) == [], "check page after a time-out"

    driver.press("Send feedback")
    expect_step(page, "service")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("We need this answer before we can send")
    assert axe(page, axe_source) == [], "a lost answer asked for"
    driver.choose("service", "outreach")
    driver.press("Continue")
    expect_step(page, "check")  # back to the check page, one answer still needed
    expect(main.get_by_text("Needed: please answer again")).to_have_count(1)
    driver.press("Send feedback")
    expect_step(page, "experience")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("We need this answer before we can send")
    driver.choose("overall", "good")
    driver.press("Continue")
    expect_step(page, "check")
    expect(main).not_to_contain_text("Needed")
    driver.press("Send feedback")
    expect_step(page, "thanks")
    expect(main).to_contain_text("Who reads your answers")


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_consultation_progress_is_steady_and_boxes_ask_for_no_names(prod_server, new_phone, axe_source, js):
    page = audited_phone(new_phone, js).page
    driver = TouchDriver(page)
    page.goto(prod_server.url("/c/support-after-leaving"))
    expect(page.locator("main")).to_contain_text("Who reads your answers")
    driver.follow("Continue")
    expect(page.locator(".govuk-caption-l").first).to_have_text("Page 1 of up to 4")
    expect(page.locator("legend", has_text="Did you stay in a refuge")).to_contain_text("(optional)")
    assert axe(page, axe_source) == [], "consultation page 1"
    page.locator('input[type=radio][value="Yes"]').tap()
    driver.press("Continue")
    expect(page.locator(".govuk-caption-l").first).to_have_text("Page 2 of 4")
    expect(page.locator("main")).to_contain_text("Please do not write names")
    assert axe(page, axe_source) == [], "consultation page 2"


def test_a_limited_connection_is_told_the_real_wait(limited_server, new_phone, axe_source):
    for _ in range(6):
        page = new_phone(forwarded_for="203.0.113.221").page
        if page.goto(limited_server.url("/feedback?step=service")).status == 429:
            break
    else:
        raise AssertionError("starting journeys was never limited")
    expect(page.locator("h1")).to_have_text(re.compile(r"^Please wait \d+ minutes?$"))
    expect(page.locator("main")).not_to_contain_text("a few minutes")
    assert axe(page, axe_source) == []
