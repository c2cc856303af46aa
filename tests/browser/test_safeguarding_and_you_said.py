"""Issue 14, parts 5 and 6 in Chromium at 390x844 (a phone), with zero axe
violations: the public "you said, we did" page without Heard's script (you
said beside what we are doing, how many took part, the jargon explained, the
full tables folded away, nothing wider than the screen, no cookie), and the
board summary's safeguarding panel and the safeguarding queue for the demo's
latest quarter, where the group's comment with danger words waits for review
and never shows on the summary."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import audited_phone, axe, sign_in
from tests.browser.settings import PHONE
from webapp.periods import quarter_of

pytestmark = pytest.mark.browser

DANGER = "says he will kill me if I stay"


def patient(page):
    """Reports are counted and checked against the release ledger as the page
    is asked for: on a busy shared machine the first can take a while."""
    page.set_default_navigation_timeout(60_000)
    page.set_default_timeout(30_000)
    return page


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_you_said_we_did_on_a_phone_without_javascript(dev_server, demo_staff, new_phone, axe_source):
    base = dev_server.base_url
    page = patient(audited_phone(new_phone, js=False).page)
    page.goto(base + "/you-said-we-did/feedback")
    page.wait_for_load_state("load")
    assert axe(page, axe_source) == []
    assert no_sideways_scroll(page)
    pair = page.locator(".heard-pair").first
    expect(pair).to_contain_text("You said:")
    expect(pair).to_contain_text("What we are doing:")
    expect(page.locator("[id^=people-]").first).to_contain_text("responses with answers written")
    expect(page.locator(".heard-glossary")).to_contain_text("Trauma-informed")
    # The full theme tables are folded away: the page is mostly "you said, we did".
    details = page.locator("details.govuk-details").first
    expect(details).not_to_have_attribute("open", "")
    folded = page.evaluate("document.documentElement.scrollHeight")
    details.locator("summary").click()
    assert page.evaluate("document.documentElement.scrollHeight") > folded
    assert page.context.cookies() == []

    page.goto(base + "/you-said-we-did/")
    page.locator("#finished-consultations a").first.click()
    page.wait_for_load_state("load")
    assert axe(page, axe_source) == []
    assert no_sideways_scroll(page)
    when = page.locator("#when").inner_text()
    assert ".We" not in when and "." in when


def test_the_safeguarding_panel_and_queue_on_a_phone(dev_server, demo_staff, new_phone, axe_source):
    base = dev_server.base_url
    page = patient(new_phone().page)
    sign_in(page, base)
    page.goto(f"{base}/staff/reports/summary/feedback:{quarter_of(date.today())}")
    panel = page.locator("#safeguarding")
    expect(panel.get_by_role("heading", name="Safeguarding")).to_be_visible()
    expect(page.locator("#safeguarding-trend thead th")).to_have_count(4)
    assert axe(page, axe_source) == []
    assert no_sideways_scroll(page)
    expect(page.locator("#group-view")).to_contain_text("A comment was withheld for safeguarding review.")
    assert DANGER not in page.content()

    panel.get_by_role("link", name="The safeguarding queue").click()
    expect(page.locator("h1")).to_have_text("Safeguarding queue")
    assert axe(page, axe_source) == []
    assert no_sideways_scroll(page)
    comment = page.locator(".govuk-summary-card", has_text=DANGER)
    expect(comment).to_contain_text("Service-user group comment")
    waiting = int(page.locator("#queue-count").inner_text().split()[0])
    comment.get_by_role("button", name="Mark as reviewed").click()
    expect(page.locator("#queue-count")).to_contain_text(f"{waiting - 1} ")
    assert axe(page, axe_source) == []
    page.get_by_role("link", name="Reviewed").click()
    expect(page.locator(".govuk-summary-card", has_text=DANGER)).to_contain_text("Reviewed on")
