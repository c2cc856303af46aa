"""Free text Heard cannot read (issue 16, part 3), in Chromium: a Polish answer sent from a
390 x 844 phone leads the thank-you page with help in Polish (axe finds nothing); staff see it
marked "Written in Polish: needs a reader" and add an English working translation, shown beside
the original."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe, comments_to_check, marker_word, sign_in
from tests.browser.settings import PHONE

pytestmark = pytest.mark.browser


def test_polish_answer_gets_polish_help_and_a_working_translation(dev_server, demo_staff, new_phone, staff,
                                                                    axe_source):
    base = dev_server.base_url
    page = new_phone(viewport=PHONE).page
    token = f"Wrocław{marker_word()}"
    driver = comments_to_check(page, base, f"Pracownica była bardzo miła i wysłuchała mnie. Pozdrawiam z {token}.",
                               "Dłuższe godziny otwarcia w weekendy.")
    driver.press("Send feedback")
    help_block = page.locator("main [lang=pl]")
    expect(help_block).to_contain_text("Znajdziemy osobę, która to przeczyta")
    expect(help_block).to_contain_text("999")
    assert axe(page, axe_source) == []

    sign_in(staff, base)
    staff.goto(f"{base}/staff/feedback/?service=outreach")
    card = staff.locator(".govuk-summary-card", has_text="Dłuższe godziny otwarcia")
    expect(card).to_contain_text("Written in Polish: needs a reader")
    assert axe(staff, axe_source) == []
    card.get_by_role("link", name="Add an English working translation").first.click()
    expect(staff.locator("#original-text")).to_have_attribute("lang", "pl")
    staff.get_by_role("button", name="Save the working translation").click()
    expect(staff.locator(".govuk-error-summary")).to_contain_text("Enter the English working translation")
    assert axe(staff, axe_source) == []
    staff.get_by_label("English working translation").fill("The worker was very kind and listened to me.")
    staff.get_by_role("button", name="Save the working translation").click()
    card = staff.locator(".govuk-summary-card", has_text="Dłuższe godziny otwarcia")
    expect(card).to_contain_text("The worker was very kind and listened to me.")
    expect(card).to_contain_text("Change the working translation")
    assert axe(staff, axe_source) == []
