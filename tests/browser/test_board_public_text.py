"""The board pages issue 14 changed, in Chromium at a phone's 390x844 and a
laptop's 1366x768, with zero axe-core violations and no sideways scrolling: a
summary for chosen dates (widened to whole months, saying so), a quarter's
summary with its four-quarter trend, a consultation's with its closed
questions, and an action's public text: recorded
with a phone number and an address, previewed redacted, changed (history
kept), published, withdrawn."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe, sign_in
from tests.browser.settings import ACTION_TIMEOUT
from webapp.periods import last_complete_day, month_start
from webapp.themes.scope import feedback_quarter

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}


@pytest.mark.parametrize("size", SIZES)
def test_changed_board_pages_pass_axe(dev_server, demo_staff, chromium, axe_source, size):
    context = chromium.new_context(viewport=SIZES[size], screen=SIZES[size])
    context.set_default_timeout(ACTION_TIMEOUT)
    page = context.new_page()
    base = dev_server.base_url
    found: dict[str, list[str]] = {}

    def check(title_part: str) -> None:
        page.wait_for_load_state("load")
        assert title_part in page.title(), (title_part, page.title())
        scroll = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert scroll <= 0, f"{page.url} scrolls sideways by {scroll}px"
        if violations := axe(page, axe_source):
            found[page.url] = violations

    sign_in(page, base)
    end = last_complete_day()
    start = month_start(end) + timedelta(days=3)
    page.goto(f"{base}/staff/reports/summary/feedback:{start.isoformat()}..{(end - timedelta(days=2)).isoformat()}")
    check("Board summary")
    expect(page.locator("#population-note")).to_contain_text("whole calendar months")

    quarter = feedback_quarter(f"{date.today().year}Q{(date.today().month - 1) // 3 + 1}")
    page.goto(f"{base}/staff/reports/summary/{quarter.key}")
    check("Board summary")
    expect(page.locator("#trend-table")).to_be_visible()
    page.goto(f"{base}/staff/reports/summary/consultation:out-of-hours")
    check("Board summary")
    page.goto(f"{base}/staff/reports/summary/{quarter.key}/actions/new")
    check("Record an action")
    page.get_by_label("Theme").select_option(index=1)
    page.get_by_label("What will be done").fill(
        "Open the drop-in at 12 Mill Lane, Leeds LS1 4AB.\n\n- Ring Jane Smith on 07700 900123\n"
        "- Read [what changed](/you-said-we-did/feedback)")
    page.get_by_label("Owner organisation").fill("Partnership communications")
    page.get_by_role("button", name="Record action").click()
    check("Action:")
    preview = page.locator("#public-preview")
    expect(preview).to_contain_text("[address]")
    expect(preview).not_to_contain_text("07700")
    expect(preview.locator("a")).to_have_attribute("rel", "nofollow noopener")

    page.get_by_role("link", name="Change what will be done").click()
    check("Change an action")
    page.get_by_label("What will be done").fill("")
    page.get_by_role("button", name="Save changes").click()
    check("Error: ")
    page.get_by_label("What will be done").fill("Open the drop-in on Saturdays")
    page.get_by_role("button", name="Save changes").click()
    check("Action:")
    expect(page.locator("#action-revisions")).to_contain_text("[address]")

    page.get_by_role("button", name="Publish on the public page").click()
    check("Action:")
    expect(page.locator("#public-text").locator("xpath=following-sibling::p[1]")).to_contain_text("Published")
    page.get_by_role("button", name="Withdraw from the public page").click()
    check("Action:")
    context.close()
    assert found == {}, found
