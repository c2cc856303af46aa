"""A member of the service-user group, on a 390 x 844 phone, with and without
JavaScript (issue 15, part 1): staff issue a batch of single-use codes for a
quarter's summary and see the one address to give; the member goes to
/group/, enters their code, lands on that summary, chooses what matters most
and comments, sees the comment with the name taken out, puts back a word taken
out by mistake, and sends; the same code cannot send again. axe-core finds
nothing on any page (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA). And Exit this page
with the network cut (issue 12 part 3), as on every other journey: Back and
reopening never show the comment typed.

Runs on the `dev_server` (as `make run` serves it: demo data themed by a run
for every quarter, demo staff without two-factor)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    TouchDriver,
    Typed,
    assert_nothing_typed,
    audited_phone,
    axe,
    back_until_heard,
    exit_offline,
    marker_word,
    sign_in,
)
from tests.browser.settings import EXPECT_TIMEOUT
from webapp.periods import recent_quarters
from webapp.themes.scope import feedback_quarter

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def patient():
    """Each step renders a themed summary, which is slow on a busy machine: wait longer for it."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=EXPECT_TIMEOUT)


def slow(page: Page) -> Page:
    page.context.set_default_timeout(30_000)
    page.context.set_default_navigation_timeout(60_000)
    return page


def checked_by_axe(page: Page, axe_source: str, failures: list[str]) -> None:
    page.wait_for_load_state("load")
    # From the top, as the other audits: scrolled (after a redirect to #main-content), the
    # sticky exit control covers the header's link and axe counts it as a small target.
    page.evaluate("window.scrollTo(0, 0)")
    failures += [f"{page.url}: {violation}" for violation in axe(page, axe_source)]


def issue_codes(page: Page, base: str, scope_key: str, count: int) -> list[str]:
    sign_in(page, base)
    page.goto(f"{base}/staff/reports/summary/{scope_key}")
    page.locator("#member-codes-link").click()
    expect(page.locator("h1")).to_have_text("Codes for the service-user group")
    expect(page.locator("#group-address")).to_contain_text(f"{base}/group/")
    page.get_by_label("How many group members need a code?").fill(str(count))
    page.get_by_role("button", name="Issue codes").click()
    # `all()` does not wait: on a busy machine the page with the codes was not there yet.
    expect(page.locator("#member-code-list code")).to_have_count(count)
    return [code.inner_text() for code in page.locator("#member-code-list code").all()]


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_a_member_checks_their_comment_puts_a_word_back_and_sends_once(dev_server, demo_staff, new_phone,
                                                                        axe_source, js):
    base = dev_server.base_url
    failures: list[str] = []
    # Not the board journey's quarter: both share one server, and that test starts before the group has spoken.
    scope = feedback_quarter(recent_quarters(4)[2 if js else 3])
    staff = slow(new_phone().page)
    codes = issue_codes(staff, base, scope.key, 2)
    assert len(codes) == 2
    checked_by_axe(staff, axe_source, failures)

    member = slow(audited_phone(new_phone, js=js).page)
    driver = TouchDriver(member)
    member.goto(f"{base}/group/")
    expect(member.locator("h1")).to_have_text("Enter your access code")
    checked_by_axe(member, axe_source, failures)
    member.get_by_label("Access code").fill("otter lantern plum")
    driver.press("Continue")
    expect(member.locator(".govuk-error-summary")).to_contain_text("not right")
    checked_by_axe(member, axe_source, failures)
    member.get_by_label("Access code").fill(codes[0].upper())
    driver.press("Continue")
    expect(member.locator("h1")).to_have_text("What people told us")
    assert member.url == f"{base}/group/feedback/{scope.key.split(':')[1]}"
    checked_by_axe(member, axe_source, failures)

    themes = member.get_by_role("group", name="Which themes matter most to you?")
    theme = themes.locator("label").first.inner_text().strip()
    themes.get_by_label(theme, exact=True).check()
    marker = marker_word()
    member.get_by_label(f"Your comment on {theme} (optional)").fill(
        f"Will at the front desk listened {marker}. Sarah Jones from housing rang me back on 07700 900456.")
    driver.press("Continue")
    expect(member.locator("h1")).to_have_text("Check your answers before sending")
    main = member.locator("main")
    expect(main).to_contain_text(
        f"[name] at the front desk listened {marker}. [name] from housing rang me back on [phone].")
    checked_by_axe(member, axe_source, failures)
    member.get_by_text("Put back a word we took out by mistake").tap()
    member.locator("label", has_text="Will (a name)").tap()
    driver.press("Put back the ticked words")
    expect(main).to_contain_text("We put back 1 word.")
    expect(main).to_contain_text(
        f"Will at the front desk listened {marker}. [name] from housing rang me back on [phone].")
    checked_by_axe(member, axe_source, failures)
    driver.press("Send to the board")
    expect(member.locator("h1")).to_have_text("Thank you")
    checked_by_axe(member, axe_source, failures)

    # The board sees it, as sent; the same code cannot send again.
    staff.goto(f"{base}/staff/reports/summary/{scope.key}")
    expect(staff.locator("#group-view")).to_contain_text(f"Will at the front desk listened {marker}")
    expect(staff.locator("#group-view")).not_to_contain_text("Sarah Jones")
    member.goto(f"{base}/group/")
    member.get_by_label("Access code").fill(codes[0])
    driver.press("Continue")
    expect(member.locator(".govuk-error-summary")).to_contain_text("already been used")
    checked_by_axe(member, axe_source, failures)
    assert failures == []


# Exit with no signal --------------------------------------------------------------------------

# The no-JavaScript member's quarter: these tests issue codes of their own for it and send nothing.
EXIT_SCOPE = feedback_quarter(recent_quarters(4)[3])
CODE_PAGE = "Enter your access code"


def member_with_a_comment_on_check(page: Page, base: str, code: str, typed: Typed) -> None:
    driver = TouchDriver(page)
    page.goto(f"{base}/group/")
    page.get_by_label("Access code").fill(code)
    driver.press("Continue")
    expect(page.locator("h1")).to_have_text("What people told us")
    themes = page.get_by_role("group", name="Which themes matter most to you?")
    theme = themes.locator("label").first.inner_text().strip()
    themes.get_by_label(theme, exact=True).check()
    page.get_by_label(f"Your comment on {theme} (optional)").fill(typed.what_helped)
    driver.press("Continue")
    expect(page.locator("h1")).to_have_text("Check your answers before sending")
    expect(page.locator("main")).to_contain_text(typed.token)


@pytest.mark.parametrize("how", ["tap", "shift-3"])
def test_a_member_who_exits_with_no_signal_sees_nothing_typed_on_back_or_reopening(dev_server, demo_staff,
                                                                                   new_phone, how):
    base = dev_server.base_url
    code = issue_codes(slow(new_phone().page), base, EXIT_SCOPE.key, 1)[0]
    phone = new_phone()
    page = slow(phone.page)
    typed = Typed.new()
    member_with_a_comment_on_check(page, base, code, typed)
    exit_offline(phone, how)
    back_until_heard(page)
    assert_nothing_typed(page, typed)
    expect(page.locator("h1")).to_have_text(CODE_PAGE)  # the visit ended: the code is needed again
    assert "heard_exit" not in [c["name"] for c in phone.context.cookies()]  # the marker is spent
    page.goto(f"{base}/group/feedback/{EXIT_SCOPE.key.split(':')[1]}")
    expect(page.locator("h1")).to_have_text(CODE_PAGE)
    assert_nothing_typed(page, typed)


def test_without_javascript_a_member_who_exits_with_no_signal_finds_the_comment_hidden(dev_server, neutral_server,
                                                                                      demo_staff, new_phone,
                                                                                      axe_source):
    base = dev_server.base_url
    code = issue_codes(slow(new_phone().page), base, EXIT_SCOPE.key, 1)[0]
    phone = audited_phone(new_phone, js=False)
    page = slow(phone.page)
    typed = Typed.new()
    member_with_a_comment_on_check(page, base, code, typed)
    exit_offline(phone, "tap")
    back_until_heard(page)
    expect(page.locator("h1")).to_have_text("Your answers are hidden")
    assert_nothing_typed(page, typed)
    assert axe(page, axe_source) == []
    # Exit this page, now with signal, ends the visit: the comment is never shown again.
    page.locator(".govuk-exit-this-page__button").tap()
    page.wait_for_url(neutral_server.url)
    page.goto(f"{base}/group/feedback/{EXIT_SCOPE.key.split(':')[1]}")
    expect(page.locator("h1")).to_have_text(CODE_PAGE)
    assert_nothing_typed(page, typed)
