"""Every board report page in Chromium with zero axe-core violations: the
chooser, dates (with errors), summaries of a consultation and a quarter, the
actions ledger (new with errors, detail, all), as the demo admin."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe, sign_in
from webapp.periods import quarter_of
from webapp.themes.scope import feedback_quarter

pytestmark = pytest.mark.browser


def test_report_pages_pass_axe(dev_server, demo_staff, staff, axe_source):
    from datetime import date

    base, page = dev_server.base_url, staff
    found: dict[str, list[str]] = {}

    def check(title_part: str) -> None:
        page.wait_for_load_state("load")
        assert title_part in page.title(), (title_part, page.title())
        violations = axe(page, axe_source)
        if violations:
            found[page.url] = violations

    sign_in(page, base)
    page.goto(f"{base}/staff/reports/")
    check("Reports")
    page.get_by_role("link", name="Feedback for dates you choose").click()
    check("Feedback for dates you choose")
    page.get_by_role("button", name="Show the summary").click()
    check("Error: ")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the first day of the period")

    for key in ("consultation:out-of-hours", feedback_quarter(quarter_of(date.today())).key):
        page.goto(f"{base}/staff/reports/summary/{key}")
        check("Board summary")
        # A quarter has its four-quarter trend charts (responses, shares) as well as its themes chart.
        expect(page.locator("svg[role=img] title")).to_have_count(1 if key.startswith("consultation") else 3)

    # Moderators check the group's comments (and words members put back) before the board reads them.
    summary_url = page.url
    page.locator("#group-comments-link").click()
    check("The group’s comments")
    page.locator("main a[href*='/redact']").first.click()
    check("Redact more")
    page.goto(summary_url)

    page.get_by_role("link", name="Record an action").click()
    check("Record an action")
    page.get_by_role("button", name="Record action").click()
    check("Error: ")
    page.get_by_label("Theme").select_option(index=1)
    page.get_by_label("What will be done").fill("Publish opening hours on every leaflet")
    page.get_by_label("Owner organisation").fill("Partnership communications")
    page.get_by_role("button", name="Record action").click()
    check("Action:")
    page.get_by_label("Update").fill("Draft leaflet with the printers.")
    page.get_by_label("In progress").check()
    page.get_by_role("button", name="Save update").click()
    check("Action:")
    expect(page.locator("#action-history")).to_contain_text("Draft leaflet with the printers.")
    page.goto(f"{base}/staff/reports/actions?status=in_progress")
    check("All actions")
    assert found == {}, found


def test_the_quarter_trend_on_a_phone(dev_server, demo_staff, chromium, axe_source):
    """The four-quarter trend at 390px: zero axe violations, nothing wider
    than the screen, and every chart label inside its chart."""
    from datetime import date

    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        sign_in(page, dev_server.base_url)
        page.goto(f"{dev_server.base_url}/staff/reports/summary/{feedback_quarter(quarter_of(date.today())).key}")
        expect(page.locator("#share-trend-chart-title")).to_have_count(1)
        assert axe(page, axe_source) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        outside = page.evaluate("""() => [...document.querySelectorAll('svg.heard-chart')].flatMap(svg => {
            const box = svg.viewBox.baseVal;
            return [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBBox()])
              .filter(([, b]) => b.x < -1 || b.x + b.width > box.width + 1)  // a glyph's bearing may dip below 0
              .map(([words, b]) => `${words} at ${b.x}..${b.x + b.width}`);
        })""")
        assert outside == []
        expect(page.locator("#trend-table")).to_be_visible()
    finally:
        context.close()
