"""Every page, public and staff, found from the URL map (so new routes are covered
without listing them) and from the links on those pages: a CSP with a fresh nonce,
no inline script, no inline event handler, no style attribute. Also HSTS, secure
cookies, CSRF on public POSTs and the friendly 413 page."""

from __future__ import annotations

import re
import secrets
from collections import deque
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from tests.webapp.helpers import SKIP_PREFIXES, get_urls, make_consultation, make_user, page, sign_in_as, walk_to_check
from webapp import create_app
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse

# Headers, the CSP nonce and markup are the app's, whichever database is behind it.
pytestmark = pytest.mark.one_database

NONCE = re.compile(r"script-src 'self' 'nonce-([A-Za-z0-9_-]{16,})'")
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
MAX_PAGES = 200


def local_links(html) -> set[str]:
    links = set()
    for anchor in html.find_all("a", href=True):
        parts = urlsplit(anchor["href"])
        if not parts.netloc and parts.path.startswith("/") and not parts.path.startswith(SKIP_PREFIXES):
            links.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


def problems_on(url: str, response) -> list[str]:
    found = []
    match = NONCE.search(response.headers.get("Content-Security-Policy", ""))
    if not match:
        return [f"{url}: no CSP with a nonce"]
    if not response.mimetype == "text/html":
        return found
    body = response.get_data(as_text=True)
    html = page(response)
    for script in html.find_all("script"):
        if not script.get("src"):
            found.append(f"{url}: inline <script>")
        elif script.get("nonce") not in (None, match.group(1)):
            found.append(f"{url}: script nonce does not match the header")
    for tag in html.find_all(True):
        for attribute in tag.attrs:
            if attribute.lower().startswith("on"):
                found.append(f"{url}: inline handler {attribute} on <{tag.name}>")
            if attribute.lower() == "style":
                found.append(f"{url}: style attribute on <{tag.name}>")
    if html.find("style"):
        found.append(f"{url}: <style> element")
    if INLINE_HANDLER.search(body) and not any("on" in t for t in found):
        found.append(f"{url}: text shaped like an inline handler (malformed markup?)")
    return found


def crawl(client, seeds: set[str]) -> tuple[int, list[str], set[str]]:
    """Fetches up to MAX_PAGES pages (not links found: pages with many links, such as
    the language list, would otherwise end the crawl early); returns how many."""
    seen, queue, problems, nonces, fetched = set(seeds), deque(sorted(seeds)), [], set(), 0
    while queue and fetched < MAX_PAGES:
        url = queue.popleft()
        fetched += 1
        response = client.get(url)
        response.get_data()  # read streamed exports to the end
        assert response.status_code < 500, (url, response.status_code)
        problems += problems_on(url, response)
        match = NONCE.search(response.headers.get("Content-Security-Policy", ""))
        if match:
            nonces.add(match.group(1))
        if response.mimetype == "text/html":
            for link in local_links(page(response)) - seen:
                seen.add(link)
                queue.append(link)
    return fetched, problems, nonces


@pytest.mark.slow
def test_every_public_and_staff_page_has_a_nonce_csp_and_no_inline_script_or_style(app_context, app, demo_data):
    admin = make_user("admin@partnership.example", "admin")
    staff = app.test_client()
    sign_in_as(staff, admin)
    seeds = get_urls(app, admin)
    assert {"/", "/feedback", "/staff/", "/staff/users", "/staff/audit"} <= seeds
    assert any(url.startswith("/staff/consultations/") for url in seeds)
    count, problems, nonces = crawl(staff, seeds)

    public = app.test_client()
    walk_to_check(public)  # the check page of a journey under way
    public_count, public_problems, public_nonces = crawl(public, {u for u in seeds if not u.startswith("/staff")})

    print(f"crawled {count} staff-session and {public_count} public URLs")
    assert count > 100 and public_count > 20
    assert problems + public_problems == []
    # A fresh nonce on every response.
    assert len(nonces) > 50 and len(public_nonces) > 10


def test_hsts_only_in_production(monkeypatch, database_url):
    production = production_app(monkeypatch, database_url)
    response = production.test_client().get("/", base_url="https://heard.example")
    assert response.headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"
    development = create_app("test", {"SQLALCHEMY_DATABASE_URI": database_url})
    assert "Strict-Transport-Security" not in development.test_client().get("/").headers


def production_app(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(32))
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://heard.example")
    monkeypatch.setenv("HEARD_ENCRYPTION_KEYS", "6svifmZPPbWG7yDml-PO2sSYbVssD5VdcATTimnUlVo=")
    monkeypatch.delenv("REDIS_URL", raising=False)
    return create_app("production")


def test_production_session_cookie_is_secure_httponly_strict(monkeypatch, database_url):
    production = production_app(monkeypatch, database_url)
    response = production.test_client().get("/feedback?step=service", base_url="https://heard.example",
                                            headers={"X-Forwarded-Proto": "https"})
    cookie = response.headers["Set-Cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie and "samesite=strict" in cookie


PUBLIC_POSTS = ("/feedback", "/c/support-after-leaving", "/review/support-after-leaving",
                "/staff/sign-in")


@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_every_public_post_needs_a_csrf_token(app_context, app, app_overrides):
    make_consultation()
    posts = {rule.rule for rule in app.url_map.iter_rules()
             if "POST" in rule.methods and not rule.rule.startswith("/staff")}
    assert {"/feedback", "/c/<slug>", "/review/<slug>"} <= posts
    for url in PUBLIC_POSTS:
        client = app.test_client()
        response = client.post(url, data={"step": "service", "service": "outreach", "email": "a@b.example",
                                          "password": "x" * 12})
        assert response.status_code == 400, url
    assert db.session.scalar(select(db.func.count(FeedbackResponse.id))) == 0


def test_too_large_a_request_gets_the_friendly_413_page(client, demo_data):
    client.get("/feedback?step=service")
    response = client.post("/feedback", data={"step": "comments", "what_helped": "x" * (70 * 1024)})
    assert response.status_code == 413
    html = page(response)
    assert html.h1 and "too" in html.h1.get_text().lower()
    assert "Exit this page" in html.get_text() or html.find(class_="govuk-exit-this-page")
    assert NONCE.search(response.headers["Content-Security-Policy"])
