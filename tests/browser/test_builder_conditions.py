"""Issue 15 part 2 in headless Chromium: a page condition cannot break silently.

An engagement officer builds a two-page consultation whose second page is shown
only after "Yes", and then tries what used to lose the condition: moving the
page above its question (refused, with the reason), changing the question's type
(refused, saying which page), renaming the answer (the condition follows it),
opening the page-edit screen (it shows the real condition) and saving it. The
preview walks the route as a respondent would (before you start, the pages the
answers call for, check your answers). Deleting a question asks first, naming
the condition that goes with it.

Run at 1366x768 with JavaScript and at 390x844 without Heard's script, with
axe-core (WCAG 2.x A/AA) on every builder and preview page visited.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import axe, marker_word, sign_in, without_heard_script
from tests.browser.settings import ACTION_TIMEOUT

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


def assert_axe_clean(page: Page, axe_source: str) -> None:
    page.wait_for_load_state("load")
    assert axe(page, axe_source) == [], page.url


def add_page_with_question(page: Page, number: int, heading: str, kind: str, text: str,
                           options: tuple[str, ...] = ()) -> None:
    page.get_by_role("button", name="Add a page").click()
    expect(page.locator("h1")).to_have_text(f"Edit page {number}")
    page.get_by_label("Page heading").fill(heading)
    page.get_by_role("button", name="Save page").click()
    page.get_by_role("link", name=f"Add a question to page {number}").click()
    page.get_by_label(kind, exact=True).check()
    page.get_by_role("button", name="Continue").click()  # the type first, then its fields
    page.get_by_label("Question", exact=True).fill(text)
    page.get_by_label("People must answer this question").check()
    if options:
        page.get_by_label("Answers to choose from").fill("\n".join(options))
    page.get_by_role("button", name="Save question").click()
    page.wait_for_url(re.compile(r"/staff/consultations/\d+#page-\d+$"))


@pytest.mark.parametrize("size, js", [("desktop", True), ("phone", False)])
def test_conditions_survive_edits_and_the_preview_follows_them(dev_server, demo_staff, chromium, axe_source,
                                                               size, js):
    context = chromium.new_context(viewport=SIZES[size], screen=SIZES[size])
    context.set_default_timeout(ACTION_TIMEOUT)
    if not js:
        without_heard_script(context)
    page = context.new_page()
    base = dev_server.base_url
    title = f"Support after leaving {marker_word()}"
    try:
        sign_in(page, base)
        page.goto(base + "/staff/consultations/new")
        page.get_by_label("Title").fill(title)
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(re.compile(r"/staff/consultations/\d+$"))
        builder = page.url
        add_page_with_question(page, 1, "Your support", "Yes or no", "Did you stay in a refuge?")
        add_page_with_question(page, 2, "The refuge", "Free text", "What was the refuge like?")

        page.get_by_role("link", name="Edit page 2").click()
        # Only the earlier choice question is offered (not free text); its answers come after choosing it.
        options = page.get_by_label("Show this page only if").locator("option").all_text_contents()
        assert options == ["Always show this page", "Did you stay in a refuge?"]
        page.get_by_label("Show this page only if").select_option(label="Did you stay in a refuge?")
        page.get_by_role("button", name="Show its answers").click()
        expect(page.locator("#condition fieldset legend")).to_contain_text("Did you stay in a refuge?")
        assert_axe_clean(page, axe_source)
        page.get_by_label("Yes", exact=True).check()
        page.get_by_role("button", name="Save page").click()
        expect(page.locator("#page-" + page.url.rsplit("-", 1)[1])).to_contain_text(
            "Shown only if \u201cDid you stay in a refuge?\u201d is answered \u201cYes\u201d")
        assert_axe_clean(page, axe_source)

        # Moving the conditional page above its question is refused, and says why.
        page.get_by_role("button", name="Move up page 2").click()
        expect(page.locator("main")).to_contain_text(
            "Page 2 (\u201cThe refuge\u201d) is shown only after an answer on page 1")
        expect(page.locator("h3").nth(1)).to_have_text("Page 2: The refuge")

        # Changing the question's type is refused, naming the page; a rename is followed.
        page.get_by_role("link", name="Edit Did you stay in a refuge?").click()
        expect(page.locator("#used-by-conditions")).to_contain_text("is shown only if this question is answered")
        assert_axe_clean(page, axe_source)
        page.get_by_label("Free text", exact=True).check()
        page.get_by_role("button", name="Change type").click()
        page.get_by_role("button", name="Save question").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("change the condition on page 2")
        expect(page.get_by_label("Free text", exact=True)).to_be_checked()
        assert_axe_clean(page, axe_source)
        page.get_by_label("Single choice", exact=True).check()
        page.get_by_role("button", name="Change type").click()
        page.get_by_label("Answers to choose from").fill("Yes, for a while\nNo")
        page.get_by_role("button", name="Save question").click()
        expect(page.locator("main")).to_contain_text("now uses the renamed answer \u201cYes, for a while\u201d")

        # The page-edit screen shows the real condition; saving keeps it.
        page.get_by_role("link", name="Edit page 2").click()
        expect(page.get_by_label("Show this page only if").locator("option:checked")).to_have_text(
            "Did you stay in a refuge?")
        expect(page.get_by_label("Yes, for a while", exact=True)).to_be_checked()
        assert_axe_clean(page, axe_source)
        page.get_by_role("button", name="Save page").click()
        expect(page.locator("main")).to_contain_text("is answered \u201cYes, for a while\u201d")

        # The preview follows the condition, from before you start to check your answers.
        page.goto(builder)
        page.get_by_role("link", name="Preview").click()
        expect(page.locator("h1")).to_have_text("Before you start")
        assert_axe_clean(page, axe_source)
        page.get_by_role("button", name="Continue").or_(page.get_by_role("link", name="Continue")).first.click()
        expect(page.locator("h1")).to_have_text("Your support")
        expect(page.locator("main")).to_contain_text("Page 1 of 1")
        assert_axe_clean(page, axe_source)
        page.get_by_label("No", exact=True).check()
        page.get_by_role("button", name="Continue").click()
        expect(page.locator("h1")).to_have_text("Check your answers before sending")
        assert_axe_clean(page, axe_source)
        page.get_by_role("link", name="Change did you stay in a refuge?").click()
        page.get_by_label("Yes, for a while", exact=True).check()
        page.get_by_role("button", name="Continue").click()
        expect(page.locator("h1")).to_have_text("The refuge")
        page.get_by_label("What was the refuge like?").fill("Calm, and the staff listened")
        page.get_by_role("button", name="Continue").click()
        expect(page.locator("h1")).to_have_text("Check your answers before sending")
        expect(page.locator("main")).to_contain_text("Calm, and the staff listened")
        page.get_by_role("button", name="Send your answers").click()
        page.wait_for_url(builder)
        expect(page.locator("main")).to_contain_text("That was the end of the preview")

        # Deleting the question asks first and names the condition that goes with it.
        page.get_by_role("link", name="Delete Did you stay in a refuge?").click()
        expect(page.locator("h1")).to_contain_text("Are you sure you want to delete the question")
        expect(page.locator("#conditions-going")).to_contain_text("will always be shown")
        assert_axe_clean(page, axe_source)
        page.get_by_role("link", name="No, keep it").click()
        expect(page.locator("main")).to_contain_text("Did you stay in a refuge?")
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES)
def test_results_and_filtered_moderation_pages_are_accessible(dev_server, demo_staff, chromium, axe_source, size):
    """The results page (every role's way to responses and exports) and the
    moderation queue with its filters, on the demo's open consultation."""
    context = chromium.new_context(viewport=SIZES[size], screen=SIZES[size])
    context.set_default_timeout(ACTION_TIMEOUT)
    page = context.new_page()
    try:
        sign_in(page, dev_server.base_url)
        page.goto(dev_server.base_url + "/staff/")
        page.get_by_role("link", name="Consultation results").first.click()
        expect(page.locator("h1")).to_have_text("Consultation results")
        assert_axe_clean(page, axe_source)
        row = page.locator("#consultation-results tbody tr", has_text="Improving support after leaving")
        row.get_by_role("link", name=re.compile("^Moderate free text")).click()
        expect(page.locator("h1")).to_have_text("Moderate free text")
        page.get_by_label("Show").select_option(label="Not checked yet")
        page.get_by_role("button", name="Show answers").click()
        expect(page.locator("#filter-count")).to_contain_text("match")
        assert_axe_clean(page, axe_source)
        first = page.locator(".govuk-summary-card").first
        first.get_by_role("button", name=re.compile("^Mark as checked")).click()
        expect(page.locator("main")).to_contain_text("marked as checked")
        assert "show=unchecked" in page.url
        first = page.locator(".govuk-summary-card").first
        first.locator("summary").click()
        first.get_by_label("Abuse", exact=True).check()
        first.get_by_role("button", name=re.compile("^Hide response")).click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("Say why you are hiding it as abuse")
        expect(page.locator(".govuk-summary-card").first.get_by_label("Abuse", exact=True)).to_be_checked()
        assert_axe_clean(page, axe_source)
    finally:
        context.close()
