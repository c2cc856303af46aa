"""What a phone keeps and what it is sent, seen from inside Chromium: cookies,
storage, service workers, manifests, third-party requests and response headers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import PUBLIC_PAGES, TouchDriver, Typed, answer_to_check, expect_step, start

pytestmark = pytest.mark.browser

OTHER_PUBLIC = ("/no-such-page", "/feedback?service=gone")


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.scheme in {"http", "https"} and parts.hostname in {"127.0.0.1", "localhost", "::1"}


def full_journey(page, server) -> None:
    driver = TouchDriver(page)
    start(page, server.base_url, driver)
    answer_to_check(page, driver, Typed.new())
    driver.press("Send feedback")
    expect_step(page, "thanks")


# --- cookies ---------------------------------------------------------------------------

@pytest.mark.parametrize("server_name", ["prod_server", "dev_server"])
def test_cookies_only_while_a_form_is_being_filled(request, new_phone, server_name):
    server = request.getfixturevalue(server_name)
    phone = new_phone()
    page, context = phone.page, phone.context
    for path in PUBLIC_PAGES + OTHER_PUBLIC:
        page.goto(server.url(path))
        assert context.cookies() == [], f"a cookie was set by {path}"

    page.goto(server.url("/feedback"))
    TouchDriver(page).follow("Continue")
    expect(page.locator("h1")).to_have_text("Which service would you like to tell us about?")
    [cookie] = context.cookies()
    assert cookie["name"] == "heard"
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["expires"] == -1, "the session cookie must not outlive the browser session"
    assert cookie["path"] == "/"
    assert cookie["secure"] is (server_name == "prod_server")  # Secure in production
    assert page.evaluate("document.cookie") == "", "scripts can read the cookie"

    for path in PUBLIC_PAGES:  # other pages during the journey add nothing
        page.goto(server.url(path))
        assert [c["name"] for c in context.cookies()] == ["heard"]


def test_no_cookie_after_thank_you(prod_server, phone):
    full_journey(phone.page, prod_server)
    assert phone.context.cookies() == []


# --- storage, service workers, manifests -------------------------------------------------

STORAGE = """async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    caches: (await caches.keys()).length,
    manifest: document.querySelectorAll('link[rel~="manifest"]').length,
    cookieVisible: document.cookie,
})"""
NOTHING = {"local": 0, "session": 0, "indexedDB": 0, "serviceWorkers": 0, "caches": 0, "manifest": 0,
           "cookieVisible": ""}


def test_nothing_left_in_browser_storage(prod_server, phone):
    page = phone.page
    for path in PUBLIC_PAGES + OTHER_PUBLIC:
        page.goto(prod_server.url(path))
        assert page.evaluate(STORAGE) == NOTHING, path
    driver = TouchDriver(page)
    start(page, prod_server.base_url, driver)
    answer_to_check(page, driver, Typed.new(), lambda step: None)
    assert page.evaluate(STORAGE) == NOTHING, "on the check page"
    driver.press("Send feedback")
    expect_step(page, "thanks")
    assert page.evaluate(STORAGE) == NOTHING, "after sending"
    page.goto(prod_server.url("/"))
    assert page.evaluate(STORAGE) == NOTHING


def test_free_text_is_not_autofilled_or_remembered(prod_server, phone):
    page = phone.page
    driver = TouchDriver(page)
    start(page, prod_server.base_url, driver)
    driver.choose("service", "outreach")
    driver.press("Continue")
    driver.choose("overall", "good")
    driver.press("Continue")
    expect(page.locator("form")).to_have_attribute("autocomplete", "off")
    for name in ("what_helped", "could_be_better"):
        expect(page.locator(f'textarea[name="{name}"]')).to_have_attribute("autocomplete", "off")


# --- third parties and the CSP --------------------------------------------------------------

def test_no_third_party_request_and_no_csp_violation(prod_server, neutral_server, phone):
    page, context = phone.page, phone.context
    context.add_init_script("document.addEventListener('securitypolicyviolation', e =>"
                            " console.log('csp-violation: ' + e.violatedDirective + ' ' + e.blockedURI))")
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    failed = []
    page.on("requestfailed", lambda request: failed.append((request.url, request.failure)))

    for path in PUBLIC_PAGES + OTHER_PUBLIC:
        page.goto(prod_server.url(path))
        page.wait_for_load_state("networkidle")
    full_journey(page, prod_server)
    page.wait_for_load_state("networkidle")
    page.locator(".govuk-exit-this-page__button").tap()
    page.wait_for_url(neutral_server.url)

    assert phone.requests, "no requests were recorded"
    foreign = [url for url in phone.requests if not is_local(url)]
    assert foreign == [], f"third-party requests: {foreign}"
    assert [m for m in messages if m.startswith("csp-violation")] == []
    assert failed == [], failed
    # Everything the pages loaded came from Heard itself.
    heard = {urlsplit(url).path for url in phone.requests if url.startswith(prod_server.base_url)}
    assert any(re.fullmatch(r"/assets/heard-\w+\.css", p) for p in heard)
    assert any(re.fullmatch(r"/assets/heard-\w+\.js", p) for p in heard)


# --- headers -------------------------------------------------------------------------------

def assert_safe_headers(url: str, headers: dict, document: bool) -> None:
    assert headers.get("cache-control") == "no-store", url
    assert headers.get("referrer-policy") == "no-referrer", url
    assert headers.get("x-content-type-options") == "nosniff", url
    assert headers.get("x-frame-options") == "DENY", url
    assert "etag" not in headers and "last-modified" not in headers, url
    if not document:
        return
    csp = {d.split(" ", 1)[0]: d for d in (part.strip() for part in headers["content-security-policy"].split(";"))}
    assert csp["default-src"] == "default-src 'self'", url
    assert re.fullmatch(r"script-src 'self' 'nonce-[\w-]+'", csp["script-src"]), url
    assert csp["style-src"] == "style-src 'self'", url
    assert csp["form-action"] == "form-action 'self'", url
    assert csp["frame-ancestors"] == "frame-ancestors 'none'", url
    assert csp["object-src"] == "object-src 'none'", url
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert "unsafe-eval" not in headers["content-security-policy"]
    policy = headers["permissions-policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy, url


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_every_response_carries_the_safety_headers(prod_server, new_phone, js):
    phone = new_phone(js=js)
    page = phone.page
    responses = []
    page.on("response", lambda response: responses.append(response))
    for path in PUBLIC_PAGES + OTHER_PUBLIC:
        page.goto(prod_server.url(path))
    full_journey(page, prod_server)
    page.goto(prod_server.url("/privacy"))

    documents = 0
    seen_paths = set()
    for response in responses:
        if not response.url.startswith(prod_server.base_url):
            continue
        headers = response.all_headers()
        is_document = response.request.resource_type == "document"
        documents += is_document
        seen_paths.add(urlsplit(response.url).path)
        assert_safe_headers(response.url, headers, is_document)
        if is_document and response.status < 300:
            assert headers["content-type"].startswith("text/html")
    assert documents >= len(PUBLIC_PAGES) + len(OTHER_PUBLIC) + 8
    assert {"/", "/get-help", "/staying-safe-online", "/privacy", "/accessibility", "/feedback",
            "/no-such-page"} <= seen_paths
