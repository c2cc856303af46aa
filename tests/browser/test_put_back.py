"""Putting back a word Heard took out by mistake (issue 12), on a 390 x 844 phone, with
and without JavaScript: the check page keeps removed words in a closed list, the writer
ticks one, sees the text again, and exactly that is stored; axe finds nothing."""

from __future__ import annotations

import sqlite3

import pytest
from cryptography.fernet import Fernet
from playwright.sync_api import expect

from tests.browser.helpers import (
    TouchDriver,
    audited_phone,
    axe,
    comments_to_check,
    expect_step,
    marker_word,
    stored_rows,
)
from tests.browser.settings import ENCRYPTION_KEY, PHONE

pytestmark = pytest.mark.browser


def to_check(page, base_url: str, token: str) -> TouchDriver:
    return comments_to_check(page, base_url, f"Will, my caseworker, helped with {token}. Darren never knew.",
                             "Ring me on 07700 900123.")


def restored_words(db_path, row_id: int) -> str:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
        [value] = connection.execute("SELECT restored_words FROM feedback_response WHERE id = ?", (row_id,)).fetchone()
    return Fernet(ENCRYPTION_KEY).decrypt(value).decode() if value else ""


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_writer_puts_back_a_word_and_exactly_what_they_saw_is_stored(prod_server, new_phone, js):
    page = new_phone(js=js, viewport=PHONE).page
    token = f"kestrel{marker_word()}"
    driver = to_check(page, prod_server.base_url, token)
    main = page.locator("main")
    expect(main).to_contain_text(f"[name], my caseworker, helped with {token}. [name] never knew.")
    put_back = page.locator("#put-back")
    will = page.get_by_label("Will (a name)")
    expect(will).to_be_hidden()  # the removed words stay off the screen until asked for
    expect(page.get_by_label("07700 900123 (a phone number)")).to_have_count(0)  # never offered
    page.get_by_text("Put back a word we took out by mistake").tap()
    expect(put_back).to_have_attribute("open", "")
    page.locator("label", has_text="Will (a name)").tap()
    expect(will).to_be_checked()
    driver.press("Put back the ticked words")
    expect_step(page, "check")
    expect(main).to_contain_text("We put back 1 word. Check your answers again, then send them.")
    expect(main).to_contain_text(f"Will, my caseworker, helped with {token}. [name] never knew.")
    driver.press("Send feedback")
    expect_step(page, "thanks")
    [row] = stored_rows(prod_server.db_path, token)
    assert row["what_helped"] == f"Will, my caseworker, helped with {token}. [name] never knew."
    assert row["could_be_better"] == "Ring me on [phone]."
    assert restored_words(prod_server.db_path, row["id"]) == "what_helped\tname\tWill"


def audit(page, axe_source) -> list[str]:
    # From the top, as the other audits: scrolled, the sticky exit control covers a
    # Change link and axe counts the covered link as a small target.
    # After the page has loaded: a later scroll (to the error summary, or restored by
    # the browser) would put the exit control back over the link.
    page.wait_for_load_state("load")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function("() => new Promise(done => requestAnimationFrame(() => done(window.scrollY === 0)))")
    return axe(page, axe_source)


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_put_back_states_have_no_axe_violations(prod_server, new_phone, axe_source, js):
    page = audited_phone(new_phone, js).page
    driver = to_check(page, prod_server.base_url, f"kestrel{marker_word()}")
    assert audit(page, axe_source) == [], "list closed"
    page.get_by_text("Put back a word we took out by mistake").tap()
    assert audit(page, axe_source) == [], "list open"
    driver.press("Put back the ticked words")  # nothing ticked: a kind error
    expect(page.locator(".govuk-error-summary")).to_contain_text("Tick the words you want to put back")
    assert audit(page, axe_source) == [], "nothing ticked"
    page.get_by_text("Put back a word we took out by mistake").tap()
    page.locator("label", has_text="Darren (a name)").tap()
    driver.press("Put back the ticked words")
    expect(page.locator("main")).to_contain_text("We put back 1 word")
    assert audit(page, axe_source) == [], "after putting back"
