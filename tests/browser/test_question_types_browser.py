"""Issue 15 part 3 in headless Chromium: the question types officers expect.

An engagement officer builds a consultation with "Other (please specify)", a
select list, a grid, ranking, a number with a range, a date, a 0 to 10 scale and
information between questions (axe on the builder's question page), opens it,
and someone answers it on a 320px-wide phone without Heard's script, by keyboard
alone: the "Other" box is there under its answer, the ranking is a select per
thing, a wrong rank and a wrong date are explained and nothing typed is lost.
Check your answers shows every answer; the officer sees the grid summarised.
axe-core (WCAG 2.x A/AA) runs on every page the respondent sees, and no page
is wider than the screen.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import axe, marker_word, sign_in, without_heard_script

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}


def assert_fits_and_axe_clean(page: Page, axe_source: str) -> None:
    page.wait_for_load_state("load")
    assert axe(page, axe_source) == [], page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], page.url


def fill_date(page: Page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def add_question(page: Page, number: int, kind: str, text: str, **boxes: str) -> None:
    """`boxes`: builder label -> what to type (a tick for the "Other" box)."""
    page.get_by_role("link", name=f"Add a question to page {number}").click()
    expect(page.locator("h1")).to_have_text("Add a question")
    page.get_by_label(kind, exact=True).check()
    page.get_by_role("button", name="Continue").click()  # the type first, then only its fields
    page.get_by_label("Heading" if kind.startswith("Information") else "Question", exact=True).fill(text)
    for label, value in boxes.items():
        if value == "tick":
            page.get_by_label(label).check()
        else:
            page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Save question").click()
    page.wait_for_url(re.compile(r"/staff/consultations/\d+#page-\d+$"))


def add_page(page: Page, number: int, heading: str) -> None:
    page.get_by_role("button", name="Add a page").click()
    expect(page.locator("h1")).to_have_text(f"Edit page {number}")
    page.get_by_label("Page heading").fill(heading)
    page.get_by_role("button", name="Save page").click()


def press_on(page: Page, locator, *keys: str) -> None:
    """Focus a control and use it by keyboard alone."""
    locator.focus()
    for key in keys:
        page.keyboard.press(key)


def test_new_question_types_by_keyboard_on_a_narrow_phone_without_script(dev_server, demo_staff, staff,
                                                                         new_phone, axe_source):
    base = dev_server.base_url
    page = staff
    title = f"Every kind {marker_word()}"
    today = date.today()

    sign_in(page, base)
    page.goto(base + "/staff/consultations/new")
    page.get_by_label("Title").fill(title)
    fill_date(page, "Opens on", today - timedelta(days=1))
    fill_date(page, "Closes on", today + timedelta(days=30))
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/staff/consultations/\d+$"))
    builder = page.url
    add_page(page, 1, "About you")
    add_question(page, 1, "Single choice", "How did you hear about us?",
                 **{"Answers to choose from": "Leaflet\nFriend",
                    "Add an \u201cOther (please specify)\u201d answer": "tick"})
    add_question(page, 1, "Select from a list (for long lists)", "Which area do you live in?",
                 **{"Answers to choose from": "Camden\nHackney\nLewisham\nNewham\nSouthwark"})
    page.goto(builder)
    add_page(page, 2, "Your support")
    add_question(page, 2, "Information between questions (no answer)", "About your support",
                 **{"Text people read": "Take your time."})
    add_question(page, 2, "Grid (the same answers for several statements)", "How safe did you feel?",
                 **{"Answers to choose from": "Safe\nUnsure\nUnsafe", "Statements for a grid": "At home\nOutside"})
    add_question(page, 2, "Ranking", "What matters most?", **{"Things to rank": "Housing\nMoney\nChildren"})
    add_question(page, 2, "Number", "How many times did you call?",
                 **{"Smallest number allowed (optional)": "0", "Largest number allowed (optional)": "50"})
    add_question(page, 2, "Date", "When did support start?")
    add_question(page, 2, "Scale from 0 to 10", "How likely are you to recommend us?",
                 **{"What 0 means (optional)": "Not at all likely", "What 10 means (optional)": "Extremely likely"})
    page.get_by_role("link", name="Add a question to page 2").click()
    assert axe(page, axe_source) == [], page.url
    page.goto(builder)
    page.get_by_role("button", name="Send to the group for review").click()
    page.get_by_role("button", name="Open to answers").click()
    expect(page.locator("main")).to_contain_text("The consultation is now: open.")
    link = page.locator(".govuk-summary-list__row", has_text="Link to share").locator("dd").inner_text()
    slug = re.search(r"/c/([a-z0-9-]+)", link).group(1)

    phone = new_phone(viewport=NARROW)
    without_heard_script(phone.context)
    them = phone.page
    them.goto(f"{base}/c/{slug}")
    press_on(them, them.get_by_role("button", name="Continue").or_(them.get_by_role("link", name="Continue")).first,
             "Enter")
    expect(them.locator("h1")).to_have_text("About you")
    assert_fits_and_axe_clean(them, axe_source)
    press_on(them, them.get_by_label("Other", exact=True), "Space")
    # Without the script the box is shown under its answer; Tab reaches it next.
    them.keyboard.press("Tab")
    them.keyboard.type("A poster at the GP")
    press_on(them, them.get_by_label("Which area do you live in?"), "l")  # type-ahead picks Lewisham
    expect(them.get_by_label("Which area do you live in?")).to_have_value("Lewisham")
    press_on(them, them.get_by_role("button", name="Continue"), "Enter")

    expect(them.locator("h1")).to_have_text("Your support")
    assert_fits_and_axe_clean(them, axe_source)
    expect(them.locator("main")).to_contain_text("Take your time.")
    press_on(them, them.get_by_role("group", name="At home").get_by_label("Unsure"), "Space")
    press_on(them, them.get_by_role("group", name="Outside").get_by_label("Safe", exact=True), "Space")
    ranking = them.get_by_role("group", name="What matters most? (optional)")
    for item, rank in (("Housing", "2"), ("Money", "2"), ("Children", "1")):
        press_on(them, ranking.get_by_label(item), rank)
    press_on(them, them.get_by_label("How many times did you call? (optional)"))
    them.keyboard.type("12")
    when = them.get_by_role("group", name="When did support start? (optional)")
    press_on(them, when.get_by_label("Day"))
    them.keyboard.type("31")
    them.keyboard.press("Tab")
    them.keyboard.type("2")
    them.keyboard.press("Tab")
    them.keyboard.type(str(today.year - 1))
    press_on(them, them.get_by_label("9", exact=True), "Space")
    press_on(them, them.get_by_role("button", name="Continue"), "Enter")

    summary = them.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Give each one a different rank, from 1 to 3")
    expect(summary).to_contain_text("Enter a real date, like 27 3 2026")
    assert_fits_and_axe_clean(them, axe_source)
    expect(them.get_by_label("How many times did you call? (optional)")).to_have_value("12")
    expect(when.get_by_label("Day")).to_have_value("31")
    press_on(them, ranking.get_by_label("Money"), "3")
    when.get_by_label("Day").fill("")
    press_on(them, when.get_by_label("Day"))
    them.keyboard.type("3")
    press_on(them, them.get_by_role("button", name="Continue"), "Enter")

    expect(them.locator("h1")).to_have_text("Check your answers before sending")
    assert_fits_and_axe_clean(them, axe_source)
    main = them.locator("main")
    expect(main).to_contain_text("Other: A poster at the GP")
    expect(main).to_contain_text("At home: Unsure")
    expect(main).to_contain_text("1. Children")
    expect(main).to_contain_text(f"3 February {today.year - 1}")
    expect(main).not_to_contain_text("About your support")
    press_on(them, them.get_by_role("button", name="Send your answers"), "Enter")
    expect(them.locator("h1")).to_contain_text("Thank you")

    page.goto(builder.rstrip("/") + "/responses")
    grid = page.locator("section", has_text="How safe did you feel?")
    expect(grid.locator("h4")).to_have_text(["At home", "Outside"])
    assert axe(page, axe_source) == [], page.url
