"""Wide board tables on a 390px phone (issue 14): each scrolls sideways in its
own focusable region (role=region named after the table, tabindex=0) with a
visible cue, "Scroll sideways to see every column", only while the table is
wider than the screen; the keyboard scrolls it; axe finds nothing; the page
itself never scrolls sideways. The contents list takes a board member to a
section. At 1280px a table that fits has no cue."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import DESKTOP, axe, sign_in
from webapp.periods import previous_quarter, quarter_of
from webapp.themes.scope import feedback_quarter

pytestmark = pytest.mark.browser

CUE = "Scroll sideways to see every column"
REGIONS = """() => [...document.querySelectorAll('.heard-table-scroll')].map(region => {
    const hint = region.previousElementSibling;
    const cue = hint && hint.classList.contains('heard-table-scroll__hint') ? hint : null;
    return {label: region.getAttribute('aria-label'), role: region.getAttribute('role'),
            tabindex: region.getAttribute('tabindex'), wider: region.scrollWidth > region.clientWidth + 1,
            cue: cue && !cue.hidden && cue.getBoundingClientRect().height > 0 ? cue.textContent : null,
            describedby: region.getAttribute('aria-describedby'), cueId: cue ? cue.id : null};
})"""


def summary_url(base: str) -> str:
    """The last quarter that has ended: breakdowns are shown only for one."""
    return f"{base}/staff/reports/summary/{feedback_quarter(previous_quarter(quarter_of(date.today()))).key}"


def test_wide_tables_on_a_phone_have_a_scroll_cue_and_scroll_by_keyboard(dev_server, demo_staff, chromium,
                                                                         axe_source):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        sign_in(page, dev_server.base_url)
        page.goto(summary_url(dev_server.base_url))
        expect(page.locator("#breakdowns")).to_be_visible()
        regions = page.evaluate(REGIONS)
        assert all(r["role"] == "region" and r["tabindex"] == "0" and r["label"] for r in regions)
        wide = [r for r in regions if r["wider"]]
        assert any(r["label"] == "Themes by service" for r in wide)
        for region in regions:
            # The cue is shown exactly where the table is wider, and the region is described by it.
            assert region["cue"] == (CUE if region["wider"] else None), region
            assert region["describedby"] == (region["cueId"] if region["wider"] else None), region
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert axe(page, axe_source) == []

        service = page.get_by_role("region", name="Themes by service")
        cue_id = next(r["cueId"] for r in regions if r["label"] == "Themes by service")
        expect(page.locator(f"#{cue_id}")).to_have_text(CUE)
        expect(page.locator(f"#{cue_id}")).to_be_visible()
        service.focus()
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Themes by service"
        assert service.evaluate("r => r.scrollLeft") == 0
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.activeElement.scrollLeft > 0")

        # The contents list takes the reader to a section's heading.
        page.locator("#contents").get_by_role("link", name="Breakdowns").click()
        expect(page).to_have_url(summary_url(dev_server.base_url) + "#breakdowns")
        assert -5 < page.evaluate("document.getElementById('breakdowns').getBoundingClientRect().top") < 100
    finally:
        context.close()


def test_on_a_wide_screen_a_table_that_fits_has_no_cue(dev_server, demo_staff, chromium, axe_source):
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        sign_in(page, dev_server.base_url)
        page.goto(summary_url(dev_server.base_url))
        expect(page.locator("#breakdowns")).to_be_visible()
        regions = page.evaluate(REGIONS)
        fitting = [r for r in regions if not r["wider"]]
        assert any(r["label"] == "Themes, most common first" for r in fitting)
        assert all(r["cue"] is None for r in fitting)
        assert all(r["cue"] == CUE for r in regions if r["wider"])
        # Narrowing the window to a phone's brings the cue back without a reload.
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_function("""() => { const r = [...document.querySelectorAll('.heard-table-scroll')]
            .find(r => r.getAttribute('aria-label') === 'Themes, most common first');
            return !r.previousElementSibling.hidden; }""")
        assert axe(page, axe_source) == []
    finally:
        context.close()
