"""Exit this page with no signal (issue 12 part 3). With the network cut, the
request to /exit never reaches Heard. With JavaScript the exit leaves a marker
cookie that the next request carries, and Heard ends the session before it shows
anything; without JavaScript a page reached by Back or by opening the site again
shows "Your answers are hidden", never the answers. Either way, once the signal
is back, neither Back nor reopening the site shows what was typed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    TouchDriver,
    Typed,
    answer_to_check,
    assert_nothing_typed,
    audited_phone,
    axe,
    back_until_heard,
    exit_offline,
    expect_step,
    start,
)

pytestmark = pytest.mark.browser

OVERLAY = ".govuk-exit-this-page-overlay"


def fill_to_check(page, server) -> Typed:
    """The whole journey to the check page, with words no one else should see."""
    driver = TouchDriver(page)
    typed = Typed.new()
    start(page, server.base_url, driver)
    answer_to_check(page, driver, typed)
    expect(page.locator("main")).to_contain_text(typed.token)
    return typed


@pytest.mark.parametrize("how", ["tap", "shift-3"])
def test_exit_with_no_signal_then_back_shows_nothing_typed(prod_server, neutral_server, phone, how):
    page = phone.page
    typed = fill_to_check(page, prod_server)
    exit_offline(phone, how)
    back_until_heard(page)
    assert_nothing_typed(page, typed)
    expect(page.locator("h1")).to_have_text("Before you start")  # the session ended before this page
    assert [c["name"] for c in phone.context.cookies()] == [], "the marker or the session outlived the exit"


@pytest.mark.parametrize("how", ["tap", "shift-3"])
def test_exit_with_no_signal_then_reopening_shows_nothing_typed(prod_server, neutral_server, phone, how):
    page = phone.page
    typed = fill_to_check(page, prod_server)
    exit_offline(phone, how)
    page.goto(prod_server.url("/feedback"))
    assert_nothing_typed(page, typed)
    expect(page.locator("h1")).to_have_text("Before you start")
    # Carrying on from the start, or jumping to the check page, starts a new journey.
    page.goto(prod_server.url("/feedback?step=check"))
    assert_nothing_typed(page, typed)
    expect(page.locator("h1")).to_have_text("Which service would you like to tell us about?")


def test_without_javascript_an_exit_with_no_signal_leaves_the_answers_hidden(prod_server, neutral_server, new_phone):
    """No script can leave a marker, so the answers stay on the server until they
    are forgotten; but Back and reopening show "Your answers are hidden", never them."""
    phone = new_phone(js=False)
    page = phone.page
    typed = fill_to_check(page, prod_server)
    exit_offline(phone, "tap")
    back_until_heard(page)
    expect(page.locator("h1")).to_have_text("Your answers are hidden")
    assert_nothing_typed(page, typed)
    page.goto(prod_server.url("/"))
    page.goto(prod_server.url("/feedback"))
    expect(page.locator("h1")).to_have_text("Your answers are hidden")
    assert_nothing_typed(page, typed)
    # Exit this page (now with signal) deletes them: Continue no longer finds them.
    page.locator(".govuk-exit-this-page__button").tap()
    page.wait_for_url(neutral_server.url)
    page.goto(prod_server.url("/feedback?step=check"))
    assert_nothing_typed(page, typed)


def test_without_javascript_continue_brings_the_answers_back(prod_server, new_phone):
    """Hidden is not lost: the person who is answering can carry on."""
    phone = new_phone(js=False)
    page = phone.page
    typed = fill_to_check(page, prod_server)
    page.reload()
    expect(page.locator("h1")).to_have_text("Your answers are hidden")
    TouchDriver(page).follow("Continue")
    expect_step(page, "check")
    expect(page.locator("main")).to_contain_text(typed.token)


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_the_hidden_answers_page_is_accessible(prod_server, new_phone, axe_source, js):
    phone = audited_phone(new_phone, js)
    page = phone.page
    fill_to_check(page, prod_server)
    page.reload()
    expect(page.locator("h1")).to_have_text("Your answers are hidden")
    assert axe(page, axe_source) == []
