"""The theming pages in Chromium as `make run` serves them (demo runs already
made by seed-demo): zero axe-core violations on each page, errors included,
and a run started from the review page followed to the end without JavaScript
(the progress page refreshes itself)."""

from __future__ import annotations

import re
import sqlite3
import time

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import check_page, without_heard_script


@pytest.fixture
def analyst_page(dev_server, demo_staff, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    without_heard_script(context)
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(dev_server.url("/staff/sign-in"))
    page.get_by_label("Email address").fill("analyst@demo.heard.invalid")
    page.get_by_label("Password", exact=True).fill("Northshire-demo-2026")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/")
    yield page
    context.close()
    _wait_for_runs_to_end(dev_server.db_path)


def _wait_for_runs_to_end(db_path, limit_seconds: float = 120) -> None:
    """`make run` themes in a thread of the server itself: a run left going would
    slow the next test on the same server, so the test ends when its run does."""
    deadline = time.monotonic() + limit_seconds
    while time.monotonic() < deadline:
        with sqlite3.connect(db_path) as connection:
            going = connection.execute(
                "SELECT count(*) FROM theme_run WHERE status IN ('queued', 'running')").fetchone()[0]
        if not going:
            return
        time.sleep(0.5)


def test_theming_pages_pass_axe_and_a_run_finishes_without_js(dev_server, analyst_page, axe_source):
    page = analyst_page
    page.get_by_role("navigation", name="Staff menu").get_by_role("link", name="Themes").click()
    check_page(page, axe_source, "Themes")
    page.get_by_role("button", name="Review this period").click()
    check_page(page, axe_source, "Error: Themes")

    page.get_by_role("link", name="2026Q3").click()
    check_page(page, axe_source, "Review themes")
    page.locator("#code-next ~ ol a").first.click()
    check_page(page, axe_source, "Choose the themes")
    checked = page.locator("input[name=codes]:checked")
    while checked.count():  # one at a time: the list shrinks as boxes are unchecked
        checked.first.uncheck()
    page.get_by_role("button", name="Save themes").click()
    check_page(page, axe_source, "Error: Choose the themes")
    page.get_by_label("No theme fits").check()
    page.get_by_role("button", name="Save themes").click()
    check_page(page, axe_source, "Review themes")

    page.goto(dev_server.url("/staff/themes/scope/feedback:2026Q3"))
    if page.locator("#emergent").count():
        page.get_by_role("link", name="Add to codebook").first.click()
        check_page(page, axe_source, "Add an emergent theme")
        page.goto(dev_server.url("/staff/themes/scope/feedback:2026Q3"))
    page.get_by_role("button", name="Retrain and re-code").click()
    expect(page).to_have_title(re.compile("Theming"), timeout=20_000)
    # The progress page reloads itself, so axe checks a copy that does not.
    still = page.context.new_page()
    still.goto(page.url.split("?")[0] + "?auto=off")
    check_page(still, axe_source, "Theming")
    still.close()
    # A real run in the background: with four test workers on two cores it once took over 60 s.
    page.wait_for_function("() => document.title.startsWith('Theming finished')", timeout=180_000)
    check_page(page, axe_source, "Theming finished")

    page.goto(dev_server.url("/staff/themes/codebook"))
    check_page(page, axe_source, "Codebook")
    page.get_by_role("link", name="Add a theme").click()
    page.get_by_role("button", name="Save theme").click()
    check_page(page, axe_source, "Error: Add a theme")
    page.goto(dev_server.url("/staff/themes/codebook/police/edit"))
    check_page(page, axe_source, "Change")
    page.goto(dev_server.url("/staff/themes/codebook/police/merge"))
    page.get_by_role("button", name="Merge themes").click()
    check_page(page, axe_source, "Error: Merge")
