"""Issue 15 part 6 in headless Chromium: the idle time-out warns before it signs
anyone out (the GOV.UK timeout-warning pattern) and never throws away a form.

Playwright's clock stands in for the 28 minutes of waiting: two minutes before
the time-out a modal dialog takes focus and counts down; "Stay signed in" asks
the server to keep the session and closes it; if the time runs out the dialog
says so and the words typed on the page are still there. axe-core (WCAG 2.x
A/AA) runs with the dialog open, at 1366x768 and at 390x844.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe, sign_in

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", SIZES)
def test_the_time_out_warns_first_and_keeps_what_was_typed(dev_server, demo_staff, chromium, axe_source, size):
    context = chromium.new_context(viewport=SIZES[size], screen=SIZES[size])
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.clock.install()
        sign_in(page, dev_server.base_url)
        page.goto(dev_server.base_url + "/staff/consultations/new")
        dialog = page.locator("#timeout-warning")
        expect(dialog).to_be_hidden()
        page.get_by_label("Title").fill("Typed before the warning")

        page.clock.fast_forward("28:01")
        expect(dialog).to_be_visible()
        expect(dialog.get_by_role("heading")).to_have_text("You will be signed out soon")
        expect(dialog.get_by_role("heading")).to_be_focused()
        expect(dialog).to_contain_text("we will sign you out in 2 minutes")
        assert axe(page, axe_source) == [], page.url
        dialog.get_by_role("button", name="Stay signed in").click()
        expect(dialog).to_be_hidden()
        expect(page.get_by_label("Title")).to_have_value("Typed before the warning")

        # The clock started again: no warning until 28 minutes after "Stay signed in".
        page.clock.fast_forward("20:00")
        expect(dialog).to_be_hidden()
        page.clock.fast_forward("08:30")
        expect(dialog).to_be_visible()
        page.clock.fast_forward("02:00")
        expect(dialog.get_by_role("heading")).to_have_text("You have been signed out")
        expect(dialog).to_contain_text("What you typed is still on this page")
        dialog.get_by_role("button", name="Close").click()
        expect(dialog).to_be_hidden()
        expect(page.get_by_label("Title")).to_have_value("Typed before the warning")
        assert page.url.endswith("/staff/consultations/new")
    finally:
        context.close()
