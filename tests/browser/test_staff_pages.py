"""Staff pages in a desktop browser (1280x800): first sign-in with two-factor
enrolment done entirely by keyboard, and zero axe-core violations on each staff
page. Uses the `dev_server` (as `make run` serves it), `chromium` and
`axe_source` fixtures from this folder's conftest."""

from __future__ import annotations

import subprocess

import pyotp
import pytest

from tests.browser.helpers import DESKTOP, FLASK, REPO, check_page

EMAIL = "browser.admin@partnership.example"
PASSWORD = "Copper-Kettle-Lantern-58"
NEW_PASSWORD = "Harbour-Violet-Stapler-41"
@pytest.fixture
def desktop(chromium):
    context = chromium.new_context(viewport=DESKTOP, screen=DESKTOP)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def staff_admin(dev_server):
    """A real (non-demo) admin, added with the users command against the server's database."""
    result = subprocess.run([*FLASK, "users", "create", EMAIL, "--role", "admin", "--password", PASSWORD],
                            cwd=REPO, env=dev_server.env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 or "already a user" in result.stderr, result.stderr
    return EMAIL


def tab_to(page, selector: str, limit: int = 30) -> None:
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose_password(page, confirm: str) -> None:
    for name, value in (("current_password", PASSWORD), ("new_password", NEW_PASSWORD),
                        ("confirm_password", confirm)):
        tab_to(page, f"input[name={name}]")
        page.keyboard.press("Control+A")
        page.keyboard.type(value)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_first_sign_in_with_two_factor_by_keyboard(dev_server, staff_admin, desktop, axe_source):
    page = desktop
    page.goto(dev_server.url("/staff/"))
    assert "/staff/sign-in" in page.url
    check_page(page, axe_source, "Sign in")

    # A wrong password: the error summary takes focus and passes axe.
    tab_to(page, "input[name=email]")
    page.keyboard.type(EMAIL)
    tab_to(page, "input[name=password]")
    page.keyboard.type("not-the-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    check_page(page, axe_source, "Sign in")

    tab_to(page, "input[name=email]")
    page.keyboard.press("Control+A")
    page.keyboard.type(EMAIL)
    tab_to(page, "input[name=password]")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/two-factor/set-up")
    check_page(page, axe_source, "Set up two-factor authentication")
    assert page.locator("img.heard-qr-code").get_attribute("src").startswith("data:image/svg+xml")

    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    tab_to(page, "input[name=code]")
    page.keyboard.type(pyotp.TOTP(secret).now())
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/two-factor/recovery-codes")
    check_page(page, axe_source, "Save your recovery codes")
    assert page.locator("#recovery-codes li").count() == 10

    # The users command set the password, so its owner now chooses their own.
    tab_to(page, "a.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/password")
    check_page(page, axe_source, "Change your password")
    choose_password(page, confirm="Harbour-Violet-Stapler-42")
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    check_page(page, axe_source, "Change your password")
    choose_password(page, confirm=NEW_PASSWORD)
    page.wait_for_url("**/staff/")
    check_page(page, axe_source, "Staff home")
    assert "Your password has been changed" in page.locator("main").inner_text()

    for path, title in (("/staff/users", "Users"), ("/staff/users/new", "Add a user"),
                        ("/staff/audit", "Audit log")):
        page.goto(dev_server.url(path))
        check_page(page, axe_source, title)
    assert page.locator("#audit-table tbody tr").count() >= 2

    # An add-user form with errors, and the audit filter with an impossible date.
    page.goto(dev_server.url("/staff/users/new"))
    page.get_by_role("button", name="Add user").click()
    check_page(page, axe_source, "Error: ")
    page.goto(dev_server.url("/staff/audit?date_from=40&date_from=2&date_from=2026"))
    check_page(page, axe_source, "Error: ")

    # Sign out from the header, by keyboard.
    tab_to(page, "button.heard-sign-out__button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/sign-in?signed-out=1")
    check_page(page, axe_source, "Sign in")


def test_demo_board_member_sees_the_forbidden_page(dev_server, demo_staff, desktop, axe_source):
    """`make run` (DEMO) signs demo users in without two-factor."""
    page = desktop
    page.goto(dev_server.url("/staff/sign-in"))
    page.get_by_label("Email address").fill("board@demo.heard.invalid")
    page.get_by_label("Password", exact=True).fill("Northshire-demo-2026")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/")
    check_page(page, axe_source, "Staff home")
    assert page.get_by_role("link", name="Users").count() == 0
    response = page.goto(dev_server.url("/staff/users"))
    assert response.status == 403
    check_page(page, axe_source, "You cannot open this page")
