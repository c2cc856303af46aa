"""No IP address, user agent or raw personal detail reaches a log or the database,
under `make serve` (gunicorn, production) and `make run` (flask run, development).

Every browser context in this folder sends a unique user agent and a unique
X-Forwarded-For address; this test also types a name, a phone number and an email,
in a sent answer and in an answer refused for being too long. It then reads each
server's whole captured stdout/stderr and every byte of its SQLite file."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    TouchDriver,
    Typed,
    answer_to_check,
    assert_stored_redacted,
    change_and_send,
    expect_step,
    start,
    stored_rows,
)
from tests.browser.settings import PROBE_IP, PROBE_UA

pytestmark = pytest.mark.browser

IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")


def use_the_site(server, phone, neutral_server) -> tuple[Typed, Typed]:
    """A refused answer with personal details, a sent journey, a missing page, an exit."""
    page = phone.page
    driver = TouchDriver(page)
    refused = Typed.new()
    start(page, server.base_url, driver)
    driver.choose("service", "housing")
    driver.press("Continue")
    driver.choose("overall", "poor")
    driver.press("Continue")
    driver.type_into("what_helped", refused.what_helped + " " + "x" * 1500)
    driver.type_into("could_be_better", refused.could_be_better)
    driver.press("Continue")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    driver.type_into("what_helped", "")
    driver.type_into("could_be_better", "")
    driver.press("Continue")
    expect_step(page, "about-you")
    page.goto(server.url("/feedback?step=service"))  # start again from the first question

    typed = Typed.new()
    answer_to_check(page, driver, typed)
    stored = change_and_send(page, driver, typed)
    assert_stored_redacted(server.db_path, typed, stored)

    response = page.goto(server.url("/no-such-page?name=" + typed.email))
    assert response.status == 404
    page.goto(server.url("/feedback?step=service"))
    page.locator(".govuk-exit-this-page__button").tap()
    page.wait_for_url(neutral_server.url)
    return refused, typed


@pytest.mark.parametrize(("server_name", "js"), [("prod_server", True), ("dev_server", False)],
                         ids=["make-serve-gunicorn", "make-run-flask"])
def test_no_address_agent_or_personal_detail_in_logs_or_database(request, new_phone, neutral_server,
                                                                 server_name, js):
    server = request.getfixturevalue(server_name)
    phone = new_phone(js=js)
    arrivals_before = len(neutral_server.hits)
    refused, typed = use_the_site(server, phone, neutral_server)

    # The probes really were sent with every request (seen where the exit lands).
    [(_, headers)] = [hit for hit in neutral_server.hits[arrivals_before:] if hit[0] == "/weather"]
    assert headers["user-agent"] == PROBE_UA
    assert headers["x-forwarded-for"] == PROBE_IP

    log = server.log_text()
    database = server.db_bytes()
    assert stored_rows(server.db_path, typed.token), "the scan is not reading the database the server wrote"
    assert typed.token.encode() not in database, "free text is stored unencrypted"
    agent_marker = PROBE_UA.split("HeardProbe/")[1].split()[0]
    secrets = {"X-Forwarded-For address": PROBE_IP, "user agent": PROBE_UA, "user agent marker": agent_marker}
    for person in (refused, typed):
        secrets.update({f"typed {kind}": value for kind, value in
                        zip(("name", "phone", "phone digits", "email"), person.raw_pii, strict=True)})
    for what, value in secrets.items():
        assert value not in log, f"{what} {value!r} is in the {server.name} log"
        assert value.encode() not in database, f"{what} {value!r} is in the {server.name} database"
    # Free text is never logged, not even redacted; nor is any address at all.
    assert typed.token not in log and refused.token not in log
    assert IPV4.findall(log) == [], f"addresses in the {server.name} log: {IPV4.findall(log)}"
