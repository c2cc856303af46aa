"""Helpers the browser tests share (fixtures are in conftest.py): driving the
feedback journey by touch or by keyboard only, axe-core audits, and staff sign-in.
Not a test module: tests import from here, never from each other."""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import string
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from tests.browser.settings import ENCRYPTION_KEY

PUBLIC_PAGES = ("/", "/get-help", "/staying-safe-online", "/privacy", "/accessibility", "/feedback")

HEADINGS = {
    "home": "Share your experience",
    "before": "Before you start",
    "service": "Which service would you like to tell us about?",
    "experience": "How it went",
    "comments": "In your own words",
    "about-you": "About you (optional)",
    "check": "Check your answers before sending",
    "thanks": "Thank you",
}


def h1(page: Page):
    return page.locator("h1")


def expect_step(page: Page, step: str) -> None:
    expect(h1(page)).to_have_text(HEADINGS[step])
    page.wait_for_load_state("load")  # the deferred script has run (when JavaScript is on)


def marker_word(length: int = 8) -> str:
    """A word unique to one test run, in letters only: a marker of digits can
    be redacted as a number or phone and would no longer be found."""
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(length))


@dataclass(frozen=True)
class Typed:
    """What one person types: a unique marker word and personal details to redact."""

    token: str
    name: str
    phone: str
    email: str

    @classmethod
    def new(cls) -> Typed:
        word = marker_word()
        return cls(token=f"kestrel{word}", name="Sarah Jones",
                   phone=f"07700 900{secrets.randbelow(1000):03d}", email=f"{word}.survivor@example.com")

    @property
    def what_helped(self) -> str:
        return f"My worker {self.name} rang me on {self.phone} about {self.token}."

    @property
    def could_be_better(self) -> str:
        return f"Email me at {self.email} next time"

    @property
    def redacted_helped(self) -> str:
        return f"My worker [name] rang me on [phone] about {self.token}."

    @property
    def redacted_better(self) -> str:
        return "Email me at [email] next time"

    @property
    def raw_pii(self) -> tuple[str, ...]:
        return (self.name, self.phone, self.phone.replace(" ", ""), self.email)


class TouchDriver:
    """A person tapping on a phone."""

    def __init__(self, page: Page):
        self.page = page

    def follow(self, name: str) -> None:
        # "Start now" and "Continue" are links styled and announced as buttons.
        target = self.page.get_by_role("link", name=name, exact=True).or_(
            self.page.locator("a[role=button]").get_by_text(name, exact=True))
        target.first.tap()

    def choose(self, field: str, value: str) -> None:
        radio = self.page.locator(f'input[type=radio][name="{field}"][value="{value}"]')
        radio.tap()
        expect(radio).to_be_checked()

    def type_into(self, field: str, text: str) -> None:
        box = self.page.locator(f'[name="{field}"]')
        box.tap()
        box.fill(text)  # a phone's keyboard types whole words; KeyboardDriver types each key

    def append(self, field: str, text: str) -> None:
        box = self.page.locator(f'[name="{field}"]')
        box.tap()
        self.page.keyboard.press("Control+End")
        self.page.keyboard.type(text)

    def press(self, button: str) -> None:
        self.page.get_by_role("button", name=button, exact=True).tap()


class KeyboardDriver:
    """A person with only a keyboard: Tab to move, Space and arrows for radios, Enter to go."""

    MAX_TABS = 120

    def __init__(self, page: Page):
        self.page = page

    def _focused(self, script: str, arg) -> bool:
        return self.page.evaluate(f"(arg) => {{ const el = document.activeElement; return !!el && ({script}); }}", arg)

    def tab_to(self, script: str, arg=None) -> None:
        """Press Tab until the focused element matches `script` (a JS expression on `el`)."""
        for _ in range(self.MAX_TABS):
            self.page.keyboard.press("Tab")
            if self._focused(script, arg):
                return
        raise AssertionError(f"Tab never reached an element matching {script} ({arg!r})")

    def follow(self, name: str) -> None:
        self.tab_to("el.tagName === 'A' && el.textContent.replace(/\\s+/g, ' ').trim() === arg", name)
        self.page.keyboard.press("Enter")

    def choose(self, field: str, value: str) -> None:
        self.tab_to("el.type === 'radio' && el.name === arg", field)
        for _ in range(12):
            if self._focused("el.value === arg", value):
                break
            self.page.keyboard.press("ArrowDown")  # moves to the next choice and selects it
        else:
            raise AssertionError(f"no choice {value!r} in {field}")
        self.page.keyboard.press("Space")
        expect(self.page.locator(f'input[name="{field}"][value="{value}"]')).to_be_checked()

    def type_into(self, field: str, text: str) -> None:
        self.tab_to("el.name === arg && (el.tagName === 'TEXTAREA' || el.type === 'text')", field)
        self.page.keyboard.type(text)

    def append(self, field: str, text: str) -> None:
        self.tab_to("el.name === arg", field)
        self.page.keyboard.press("Control+End")
        self.page.keyboard.type(text)

    def press(self, button: str) -> None:
        self.tab_to("el.tagName === 'BUTTON' && el.textContent.trim() === arg", button)
        self.page.keyboard.press("Enter")


def start(page: Page, base_url: str, driver) -> None:
    """Home → Start now → the safety interruption → Continue → the first question."""
    page.goto(base_url + "/")
    expect_step(page, "home")
    driver.follow("Start now")
    expect_step(page, "before")
    expect(page.get_by_text("press the Shift key 3 times")).to_be_visible()
    expect(page.get_by_text("Leaving does not delete your browsing history.")).to_be_visible()
    driver.follow("Continue")
    expect_step(page, "service")


def answer_to_check(page: Page, driver, typed: Typed, each_step=None) -> None:
    """From the service question to the check page, typing personal details."""
    check = each_step or (lambda step: None)
    check("service")
    driver.choose("service", "outreach")
    driver.press("Continue")
    expect_step(page, "experience")
    check("experience")
    driver.choose("ease", "easy")
    driver.choose("listened", "yes")
    driver.choose("overall", "good")
    driver.press("Continue")
    expect_step(page, "comments")
    check("comments")
    driver.type_into("what_helped", typed.what_helped)
    driver.type_into("could_be_better", typed.could_be_better)
    driver.press("Continue")
    expect_step(page, "about-you")
    check("about-you")
    driver.choose("age_band", "25-34")
    driver.choose("gender", "prefer-not")
    driver.press("Continue")
    expect_step(page, "check")
    check("check")


def comments_to_check(page: Page, base_url: str, what_helped: str, could_be_better: str) -> TouchDriver:
    """The shortest way to the check page: outreach, rated good, two comments, no equality questions."""
    driver = TouchDriver(page)
    start(page, base_url, driver)
    driver.choose("service", "outreach")
    driver.press("Continue")
    expect_step(page, "experience")
    driver.choose("overall", "good")
    driver.press("Continue")
    expect_step(page, "comments")
    driver.type_into("what_helped", what_helped)
    driver.type_into("could_be_better", could_be_better)
    driver.press("Continue")
    expect_step(page, "about-you")
    driver.press("Skip these questions")
    expect_step(page, "check")
    return driver


def change_and_send(page: Page, driver, typed: Typed, each_step=None) -> str:
    """On the check page: see the redaction, change an answer, send. Returns the
    final 'what helped' text that should be stored."""
    check = each_step or (lambda step: None)
    main = page.locator("main")
    expect(main).to_contain_text(typed.redacted_helped)
    expect(main).to_contain_text(typed.redacted_better)
    answers = page.locator("main .govuk-summary-list")
    for raw in typed.raw_pii:
        for section in answers.all():
            expect(section).not_to_contain_text(raw)
    # A removed name is listed only in the closed "put back" list; numbers and emails never are.
    expect(page.locator("#put-back")).not_to_have_attribute("open", "")
    outside_put_back = main.evaluate("m => { const c = m.cloneNode(true); c.querySelector('#put-back')?.remove();"
                                     " return c.textContent; }")
    for raw in typed.raw_pii:
        assert raw not in outside_put_back
    expect(main).to_contain_text("Not answered")  # skipped questions say so
    driver.follow("Change what helped?")
    expect_step(page, "comments")
    expect(page.locator('textarea[name="what_helped"]')).to_have_value(typed.redacted_helped)
    expect(page.locator('textarea[name="could_be_better"]')).to_have_value(typed.redacted_better)
    addition = " She believed me."
    driver.append("what_helped", addition)
    driver.press("Continue")
    expect_step(page, "check")  # after a first check, a change goes straight back to it
    final = typed.redacted_helped + addition
    expect(main).to_contain_text(final)
    driver.press("Send feedback")
    expect_step(page, "thanks")
    check("thanks")
    return final


ENCRYPTED_FIELDS = ("other_service", "what_helped", "could_be_better", "risk_categories", "restored_words")


def stored_rows(db_path: Path, token: str) -> list[dict]:
    """Feedback rows whose (decrypted) free text contains `token`."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        rows = [dict(row) for row in connection.execute("SELECT * FROM feedback_response")]
    key = Fernet(ENCRYPTION_KEY)
    for row in rows:
        for name in ENCRYPTED_FIELDS:
            row[name] = key.decrypt(row[name]).decode() if row[name] else ""
    return [row for row in rows if token in row["what_helped"] or token in row["could_be_better"]]


def assert_stored_redacted(db_path: Path, typed: Typed, what_helped: str) -> dict:
    [row] = stored_rows(db_path, typed.token)
    assert row["what_helped"] == what_helped
    assert row["could_be_better"] == typed.redacted_better
    for value in row.values():
        for raw in typed.raw_pii:
            assert raw not in str(value)
    assert (row["ease"], row["listened"], row["overall"]) == ("easy", "yes", "good")
    assert (row["age_band"], row["gender"], row["disability"]) == ("25-34", "prefer-not", "")
    return row


# Audits and staff ------------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
FLASK = [str(Path(sys.prefix) / "bin" / "flask"), "--app", "webapp"]
DESKTOP = {"width": 1280, "height": 800}
# WCAG 2.0/2.1 A and AA and WCAG 2.2 AA; staff pages also pass axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BEST_PRACTICE_TAGS = [*AXE_TAGS, "best-practice"]
# The demo engagement officer (`flask seed-demo` under the DEMO config).
STAFF_EMAIL = "engagement@demo.heard.invalid"
STAFF_PASSWORD = "Northshire-demo-2026"


def without_heard_script(context) -> None:
    """axe needs JavaScript (with it off in Chromium, axe.run never settles), so
    "without JavaScript" means Heard's own script is never delivered: pages render
    exactly as they do with JavaScript off."""
    context.route(re.compile(r"/assets/heard-\w+\.js$"),
                  lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))


def audited_phone(new_phone, js: bool):
    phone = new_phone()
    if not js:
        without_heard_script(phone.context)
    return phone


# Full-page screenshots for a person to look at (the journeys in every language, Easy
# Read), taken only when HEARD_SCREENSHOTS names a folder: nobody sees a picture left
# in a test's temporary folder, and each cost a quarter of a second of a busy machine.
SCREENSHOTS = os.environ.get("HEARD_SCREENSHOTS", "")


def photograph(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(SCREENSHOTS) / f"{name}.png", full_page=True)


def axe(page, axe_source, tags=AXE_TAGS) -> list[str]:
    # A page whose heading is already there may still be waiting for its stylesheet
    # on a busy machine: unstyled, its links fail target-size.
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
             .then(result => result.violations.map(v =>
                 `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`))""",
        tags)


def axe_violations(page, axe_source) -> list[str]:
    """WCAG 2.2 AA and axe's best practices."""
    return axe(page, axe_source, BEST_PRACTICE_TAGS)


def check_page(page, axe_source, title_part: str) -> None:
    # Waits for the title: a click's navigation (a POST then a redirect) may still
    # be under way when the click returns, and a slow server must not fail the check.
    expect(page).to_have_title(re.compile(re.escape(title_part)), timeout=20_000)
    assert page.locator(".govuk-exit-this-page").count() == 0
    assert axe_violations(page, axe_source) == [], page.url


def sign_in(page: Page, base_url: str) -> None:
    page.goto(base_url + "/staff/sign-in")
    page.get_by_label("Email address").fill(STAFF_EMAIL)
    page.get_by_label("Password", exact=True).fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/")


# Exit this page with the network cut (test_offline_exit*.py) -----------------------------------

def exit_offline(phone, how: str) -> None:
    page = phone.page
    # The page's script runs before "load"; tapped sooner, under load, the exit was
    # the no-JavaScript one ("Your answers are hidden"), which other tests cover.
    page.wait_for_load_state("load")
    phone.context.set_offline(True)
    with page.expect_event("requestfailed", lambda request: request.url.endswith("/exit")):
        if how == "tap":
            page.locator(".govuk-exit-this-page__button").tap()
        else:  # on a keyboard: Shift alone, 3 times
            page.locator("h1").click()
            for _ in range(3):
                page.keyboard.press("Shift")
    # The request to /exit failed (there is no signal) and the browser shows its own error page.
    page.wait_for_url(lambda url: not url.startswith("http"), wait_until="commit")
    phone.context.set_offline(False)


def assert_nothing_typed(page, typed: Typed) -> None:
    expect(page.locator("body")).not_to_contain_text(typed.token)
    expect(page.locator("body")).not_to_contain_text("[phone]")
    values = page.eval_on_selector_all("textarea, input[type=text]", "els => els.map(el => el.value).filter(Boolean)")
    assert values == [], (page.url, values)
    assert page.locator("input:checked").count() == 0, page.url


def back_until_heard(page) -> None:
    """Back from the failed exit to the last page of Heard in the history. A Back pressed
    while the browser's own error page is still settling can be aborted (net::ERR_ABORTED,
    once in CI under load): after a moment it is pressed again, as a person would."""
    for _ in range(5):
        try:
            page.go_back(wait_until="load")
        except PlaywrightError as error:
            if "ERR_ABORTED" not in str(error):
                raise
            page.wait_for_timeout(500)
        if page.url.startswith("http"):
            return
    raise AssertionError(f"Back never reached Heard: {page.url}")
