"""Issue 15 in headless Chromium: the question builder shows only the fields a
type of question uses. An engagement officer, by keyboard alone, chooses the
type first ("Continue"), sees only that type's fields, ticks another type and
presses Save (the page comes back with the new type's fields and says so), then
saves. Run at 1366x768 with JavaScript and at 390x844 without Heard's script,
with axe-core (WCAG 2.x A/AA) on every state of the page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import KeyboardDriver, axe, marker_word, sign_in, without_heard_script

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


def assert_axe_clean(page: Page, axe_source: str) -> None:
    page.wait_for_load_state("load")
    assert axe(page, axe_source) == [], page.url


def field_names(page: Page) -> set[str]:
    """The question form's fields a person can fill in (not the type's radios)."""
    return set(page.locator("main form").last.evaluate(
        """form => [...form.querySelectorAll('input, textarea, select')]
                     .filter(el => el.type !== 'hidden' && el.type !== 'radio')
                     .map(el => el.name)"""))


@pytest.mark.parametrize("size, js", [("desktop", True), ("phone", False)])
def test_the_type_comes_first_then_only_its_fields(dev_server, demo_staff, chromium, axe_source, size, js):
    context = chromium.new_context(viewport=SIZES[size], screen=SIZES[size])
    context.set_default_timeout(10_000)
    if not js:
        without_heard_script(context)
    page = context.new_page()
    base = dev_server.base_url
    keys = KeyboardDriver(page)
    try:
        sign_in(page, base)
        page.goto(base + "/staff/consultations/new")
        page.get_by_label("Title").fill(f"Fields by type {marker_word()}")
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(re.compile(r"/staff/consultations/\d+$"))
        page.get_by_role("button", name="Add a page").click()
        page.get_by_label("Page heading").fill("Your support")
        page.get_by_role("button", name="Save page").click()

        keys.follow("Add a question to page 1")
        expect(page.locator("h1")).to_have_text("Add a question")
        assert field_names(page) == set()
        assert_axe_clean(page, axe_source)

        keys.choose("kind", "number")
        keys.press("Continue")
        expect(page.locator("#kind-fields")).to_have_text("Number")
        assert field_names(page) == {"text", "hint", "easy_read_text", "easy_read_hint", "required", "min", "max"}
        assert_axe_clean(page, axe_source)
        keys.type_into("text", "How many times did you call?")

        # Another type ticked, then Save: its fields come first, and what was typed stays.
        keys.choose("kind", "single")
        keys.press("Save question")
        expect(page.locator("#type-changed")).to_contain_text("Fill in what a single choice question needs")
        assert field_names(page) == {"text", "hint", "easy_read_text", "easy_read_hint", "required", "options", "other"}
        expect(page.get_by_label("Question", exact=True)).to_have_value("How many times did you call?")
        assert_axe_clean(page, axe_source)

        page.get_by_label("Question", exact=True).fill("")
        keys.type_into("text", "How did you hear about us?")
        keys.type_into("options", "Leaflet")
        page.keyboard.press("Enter")
        page.keyboard.type("Friend")
        keys.press("Save question")
        page.wait_for_url(re.compile(r"/staff/consultations/\d+#page-\d+$"))
        expect(page.locator("main")).to_contain_text("How did you hear about us?")

        keys.follow("Edit How did you hear about us?")
        assert field_names(page) == {"text", "hint", "easy_read_text", "easy_read_hint", "required", "options", "other"}
        assert_axe_clean(page, axe_source)
    finally:
        context.close()
