"""Exit this page with no signal (issue 12 part 3) in the journeys other than
the standard feedback form (that one is in test_offline_exit.py): the Easy Read
feedback journey, answering a consultation, and a service-user group member
reviewing a consultation before it opens (co-production). Each is tried on a
390x844 phone: Exit tapped and Shift pressed 3 times on a keyboard with the
network cut, then, once the signal is back, Back and opening the site again.
What was typed must never appear. Without JavaScript no marker can be left, so
Back shows "Your answers are hidden" (or, for a review, whose comments are kept
nowhere but in the database, an empty page) and never the answers."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    TouchDriver,
    Typed,
    assert_nothing_typed,
    audited_phone,
    axe,
    back_until_heard,
    exit_offline,
)

pytestmark = pytest.mark.browser

CONSULTATION = "/c/support-after-leaving"
REVIEW = "/review/family-courts"  # the demo consultation in review with the group (`review_code`)
CHECK = "Check your answers before sending"
EASY_CHECK = "Check your answers"
HIDDEN = "Your answers are hidden"
BEFORE = "Before you start"
CODE_PAGE = "Enter your access code"
HOW = ["tap", "shift-3"]


# The journeys, as far as a page that shows what was typed -------------------------------------

def easy_read_to_check(page, server, typed: Typed) -> None:
    driver = TouchDriver(page)
    page.goto(server.url("/feedback?read=easy"))
    expect(page.locator("h1")).to_have_text(BEFORE)
    driver.follow("Continue")
    driver.choose("service", "outreach")
    driver.press("Continue")
    driver.choose("overall", "good")
    driver.press("Continue")
    driver.type_into("what_helped", typed.what_helped)
    driver.press("Continue")
    expect(page.locator("h1")).to_have_text(EASY_CHECK)
    assert "heard-easy-read" in page.locator("main").get_attribute("class")
    expect(page.locator("main")).to_contain_text(typed.token)


def consultation_to_check(page, server, typed: Typed) -> None:
    driver = TouchDriver(page)
    page.goto(server.url(CONSULTATION))
    driver.follow("Continue")
    driver.choose(page.locator("input[type=radio]").first.get_attribute("name"), "Yes")
    driver.press("Continue")
    expect(page.locator("legend").first).to_contain_text("How would you rate the safe accommodation")
    page.locator("textarea").first.fill(typed.what_helped)
    driver.press("Continue")
    for heading in ("How it felt", "In your own words"):  # the remaining pages, all optional
        expect(page.locator("h1")).to_have_text(heading)
        driver.press("Continue")
    expect(page.locator("h1")).to_have_text(CHECK)
    expect(page.locator("main")).to_contain_text(typed.token)


def review_with_a_comment_typed(page, server, typed: Typed, code: str) -> None:
    """Page 1's comment saved (it is stored at once, redacted, with nothing that links
    it to this phone), page 2's comment typed and not yet saved."""
    driver = TouchDriver(page)
    page.goto(server.url(REVIEW))
    expect(page.locator("h1")).to_have_text(CODE_PAGE)
    page.get_by_role("textbox", name="Access code").fill(code)
    driver.press("Continue")
    expect(page.locator("h1")).to_contain_text("Page 1 of")
    page.locator("textarea[name^='comment-']").first.fill(f"Saved comment {typed.token}")
    driver.press("Save and continue")
    expect(page.locator("h1")).to_contain_text("Page 2 of")
    page.locator("textarea[name^='comment-']").first.fill(typed.what_helped)


JOURNEYS = {"easy-read": (easy_read_to_check, "/feedback?read=easy"),
            "consultation": (consultation_to_check, CONSULTATION)}


# Exiting with no signal, and what the phone shows afterwards ----------------------------------


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("journey", JOURNEYS)
def test_exit_with_no_signal_then_back_and_reopening_show_nothing_typed(prod_server, neutral_server, phone,
                                                                        journey, how):
    fill, address = JOURNEYS[journey]
    page = phone.page
    typed = Typed.new()
    fill(page, prod_server, typed)
    exit_offline(phone, how)
    back_until_heard(page)
    assert_nothing_typed(page, typed)
    expect(page.locator("h1")).to_have_text(BEFORE)  # the session ended before this page
    assert phone.context.cookies() == [], "the marker or the session outlived the exit"
    page.goto(prod_server.url(address))
    assert_nothing_typed(page, typed)
    expect(page.locator("h1")).to_have_text(BEFORE)


@pytest.mark.parametrize("journey", JOURNEYS)
def test_without_javascript_an_exit_with_no_signal_leaves_the_answers_hidden(prod_server, neutral_server, new_phone,
                                                                             axe_source, journey):
    fill, address = JOURNEYS[journey]
    phone = audited_phone(new_phone, js=False)
    page = phone.page
    typed = Typed.new()
    fill(page, prod_server, typed)
    exit_offline(phone, "tap")
    back_until_heard(page)
    expect(page.locator("h1")).to_have_text(HIDDEN)
    assert_nothing_typed(page, typed)
    assert axe(page, axe_source) == []
    page.goto(prod_server.url(address))
    expect(page.locator("h1")).to_have_text(HIDDEN)
    assert_nothing_typed(page, typed)
    # Exit this page, now with signal, deletes them: the check page is never reached again.
    page.locator(".govuk-exit-this-page__button").tap()
    page.wait_for_url(neutral_server.url)
    page.goto(prod_server.url(address))
    expect(page.locator("h1")).to_have_text(BEFORE)
    assert_nothing_typed(page, typed)


@pytest.mark.parametrize("how", HOW)
def test_a_review_exited_with_no_signal_shows_nothing_typed(prod_server, neutral_server, phone, review_code, how):
    page = phone.page
    typed = Typed.new()
    review_with_a_comment_typed(page, prod_server, typed, review_code)
    exit_offline(phone, how)
    back_until_heard(page)
    assert_nothing_typed(page, typed)
    expect(page.locator("h1")).to_have_text(CODE_PAGE)  # the session ended: the code is needed again
    # The code page's form has a new session (for its token); the marker is spent.
    assert "heard_exit" not in [c["name"] for c in phone.context.cookies()]
    page.goto(prod_server.url(REVIEW))
    expect(page.locator("h1")).to_have_text(CODE_PAGE)
    assert_nothing_typed(page, typed)


def test_without_javascript_a_review_exited_with_no_signal_shows_nothing_typed(prod_server, neutral_server,
                                                                               new_phone, review_code):
    """The review keeps no comment in the visit (each page's comments are stored when
    it is saved), so Back shows the page again, empty; the comment typed and not saved
    is not restored by the browser either (`autocomplete=off`)."""
    phone = new_phone(js=False)
    page = phone.page
    typed = Typed.new()
    review_with_a_comment_typed(page, prod_server, typed, review_code)
    exit_offline(phone, "tap")
    back_until_heard(page)
    assert_nothing_typed(page, typed)
    page.goto(prod_server.url(REVIEW))
    assert_nothing_typed(page, typed)
