"""axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) on every public page and every
step of the journey, in each state a person can meet, at 390x844. axe is run with
page.evaluate, which the strict CSP does not apply to, so the pages are audited
with their real CSP in force."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import PUBLIC_PAGES, TouchDriver, Typed, audited_phone, axe, expect_step, start

pytestmark = pytest.mark.browser

class Audit:
    def __init__(self, page, axe_source, js: bool = True):
        self.page, self.axe_source, self.js = page, axe_source, js
        self.failures: dict[str, list[str]] = {}
        self.audited: list[str] = []

    def __call__(self, label: str) -> None:
        self.page.wait_for_load_state("load")
        enhanced = self.page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
        assert enhanced is self.js, f"{label}: expected JavaScript {'on' if self.js else 'off'}"
        violations = axe(self.page, self.axe_source)
        self.audited.append(label)
        if violations:
            self.failures[label] = violations

    def assert_clean(self, expected: int) -> None:
        assert self.failures == {}, "\n".join(f"{label}: {v}" for label, vs in self.failures.items() for v in vs)
        assert len(self.audited) >= expected, self.audited


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_public_pages_have_no_axe_violations(prod_server, new_phone, axe_source, js):
    page = audited_phone(new_phone, js).page
    audit = Audit(page, axe_source, js)
    for path in PUBLIC_PAGES + ("/feedback?service=refuge", "/feedback?service=gone"):
        page.goto(prod_server.url(path))
        audit(path)
    response = page.goto(prod_server.url("/no-such-page"))
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    audit("404")
    audit.assert_clean(9)


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_every_journey_step_and_state_has_no_axe_violations(prod_server, new_phone, axe_source, js):
    page = audited_phone(new_phone, js).page
    driver = TouchDriver(page)
    audit = Audit(page, axe_source, js)
    typed = Typed.new()
    start(page, prod_server.base_url, driver)

    audit("service")
    driver.choose("service", "another")  # the conditional question is revealed
    audit("service, another service revealed")
    driver.press("Continue")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    audit("service, error summary")
    driver.type_into("other_service", "The drop-in on Tuesdays")
    driver.press("Continue")
    expect_step(page, "experience")
    audit("experience")
    driver.choose("ease", "easy")
    driver.press("Continue")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    audit("experience, error summary")
    driver.choose("overall", "good")
    driver.press("Continue")
    expect_step(page, "comments")
    audit("comments")
    driver.type_into("what_helped", "Too long. " * 160)
    driver.press("Continue")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    audit("comments, error summary and character count over the limit")
    driver.type_into("what_helped", typed.what_helped)
    driver.type_into("could_be_better", "He said he would kill me if I left.")
    driver.press("Continue")
    expect_step(page, "about-you")
    audit("about-you")
    driver.choose("age_band", "prefer-not")
    driver.press("Continue")
    expect_step(page, "check")
    audit("check")
    driver.press("Send feedback")
    expect(page.locator("h1")).to_have_text("If you are in danger now, call 999")
    audit("thank you, with emergency help first")

    driver.follow("Tell us about another service")
    expect_step(page, "service")
    driver.choose("service", "police")
    driver.press("Continue")
    driver.choose("overall", "very-good")
    driver.press("Continue")
    driver.press("Continue")
    driver.press("Skip these questions")
    expect_step(page, "check")
    audit("check, nothing typed")
    driver.press("Send feedback")
    expect_step(page, "thanks")
    audit("thank you")
    audit.assert_clean(12)


def test_exit_skip_link_focused_has_no_axe_violations(prod_server, phone, axe_source):
    page = phone.page
    page.goto(prod_server.url("/"))
    page.keyboard.press("Tab")
    expect(page.locator("a.govuk-js-exit-this-page-skiplink")).to_be_focused()
    assert axe(page, axe_source) == []
