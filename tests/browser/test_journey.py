"""The whole feedback journey in Chromium, as a phone user would take it: with and
without JavaScript, by touch and by keyboard only, at 390 px and at 320 px wide."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    KeyboardDriver,
    TouchDriver,
    Typed,
    answer_to_check,
    assert_stored_redacted,
    change_and_send,
    expect_step,
    start,
    stored_rows,
)
from tests.browser.settings import NARROW, PHONE

pytestmark = pytest.mark.browser

RUNS = [
    pytest.param("keyboard", True, PHONE, id="keyboard-js-390"),
    pytest.param("touch", False, PHONE, id="touch-nojs-390"),
    pytest.param("touch", True, NARROW, id="touch-js-320"),
    pytest.param("keyboard", False, NARROW, id="keyboard-nojs-320"),
]


def exit_control_stays_on_top(page) -> None:
    """Scrolled to the very bottom, the exit control is still at the top, on top."""
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    button = page.locator(".govuk-exit-this-page__button")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box is not None and 0 <= box["y"] < 80, box
    hit = page.evaluate("([x, y]) => { const el = document.elementFromPoint(x, y);"
                        " return !!el && !!el.closest('.govuk-exit-this-page__button'); }",
                        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert hit, "something covers the exit control"
    page.evaluate("window.scrollTo(0, 0)")


@pytest.mark.parametrize(("how", "js", "viewport"), RUNS)
def test_whole_journey_stores_only_redacted_text(prod_server, new_phone, how, js, viewport):
    phone = new_phone(js=js, viewport=viewport)
    page = phone.page
    driver = KeyboardDriver(page) if how == "keyboard" else TouchDriver(page)
    typed = Typed.new()

    def each_step(step: str) -> None:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{step}: page is {width}px wide on a {viewport['width']}px screen"
        assert page.evaluate("document.body.classList.contains('js-enabled')") is js
        exit_control_stays_on_top(page)
        names = [cookie["name"] for cookie in phone.context.cookies()]
        assert names == ([] if step == "thanks" else ["heard"]), (step, names)

    start(page, prod_server.base_url, driver)
    answer_to_check(page, driver, typed, each_step)
    stored_text = change_and_send(page, driver, typed, each_step)
    expect(page.locator("main")).to_contain_text("We have your feedback")

    row = assert_stored_redacted(prod_server.db_path, typed, stored_text)
    assert row["submitted_on"] == date.today().isoformat()  # the day, never the time
    assert not row["risk_flagged"]


def test_the_journey_uses_one_url(prod_server, phone):
    """History holds identical /feedback entries, never a URL naming a step or answer."""
    page = phone.page
    driver = TouchDriver(page)
    seen = []
    page.on("framenavigated", lambda frame: seen.append(frame.url) if frame == page.main_frame else None)
    start(page, prod_server.base_url, driver)
    answer_to_check(page, driver, Typed.new())
    journey_urls = {url for url in seen if "/feedback" in url}
    assert journey_urls == {prod_server.url("/feedback")}, journey_urls


def test_risk_words_lead_the_thank_you_page_with_emergency_help(prod_server, phone):
    page = phone.page
    driver = TouchDriver(page)
    typed = Typed.new()
    start(page, prod_server.base_url, driver)
    driver.choose("service", "refuge")
    driver.press("Continue")
    driver.choose("overall", "poor")
    driver.press("Continue")
    driver.type_into("could_be_better", f"He said he would kill me if I left {typed.token}")
    driver.press("Continue")
    driver.press("Skip these questions")
    expect_step(page, "check")
    driver.press("Send feedback")
    expect(page.locator("h1")).to_have_text("If you are in danger now, call 999")
    expect(page.locator("main")).to_contain_text("press 55")
    [row] = stored_rows(prod_server.db_path, typed.token)
    assert row["risk_flagged"] and "threat_to_kill_or_harm" in row["risk_categories"]
    assert row["age_band"] == "" and row["gender"] == ""

