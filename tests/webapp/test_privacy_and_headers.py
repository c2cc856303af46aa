"""Minimal data, headers and cookies (PRODUCT.md §2), through the test client."""

import re

import pytest
from sqlalchemy import inspect

from tests.webapp.helpers import PUBLIC_PAGES, page, walk_to_check
from webapp.extensions import db

REQUIRED_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


@pytest.mark.parametrize("path", PUBLIC_PAGES + ("/no-such-page",))
@pytest.mark.one_database  # headers set after the view, whatever it read
def test_security_headers_on_every_public_response(client, demo_data, path):
    response = client.get(path)
    for name, value in REQUIRED_HEADERS.items():
        assert response.headers[name] == value
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "form-action 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert re.search(r"style-src 'self'(;|$)", csp)
    policy = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy


def test_static_assets_are_no_store_and_compressed(client):
    html = page(client.get("/"))
    css_url = html.find("link", rel="stylesheet")["href"]
    js_url = html.find("script")["src"]
    for url in (css_url, js_url):
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers.getlist("Cache-Control") == ["no-store"]  # replaced, not added to
        assert response.headers["Content-Encoding"] == "gzip"
        assert "ETag" not in response.headers
        assert "Last-Modified" not in response.headers


def test_html_pages_are_not_compressed(client, demo_data):
    """BREACH: a page with a CSRF token beside reflected input must not be compressed."""
    client.get("/feedback?step=service")
    response = client.get("/feedback", headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in response.headers


def test_no_inline_script_or_style(client, demo_data):
    walk_to_check(client)
    for path in PUBLIC_PAGES:
        html = page(client.get(path))
        for script in html.find_all("script"):
            assert script.get("src"), f"inline script on {path}"
        assert not html.find_all("style"), path
        assert not html.select("[style]"), path
        assert not re.search(r"\son[a-z]+=", str(html)), f"inline handler on {path}"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.one_database  # the session cookie, whatever the view read
def test_no_cookie_on_public_get_outside_a_journey(client, demo_data, path):
    response = client.get(path)
    assert "Set-Cookie" not in response.headers


def test_one_session_cookie_during_a_journey(client, demo_data):
    response = client.get("/feedback?step=service")
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 1
    cookie = cookies[0]
    name = cookie.split("=", 1)[0]
    assert name == "heard"
    attributes = cookie.lower()
    assert "httponly" in attributes
    assert "samesite=strict" in attributes
    assert "expires=" not in attributes and "max-age" not in attributes


def test_secure_cookie_over_https(app, demo_data):
    app.config["SESSION_COOKIE_SECURE"] = True
    response = app.test_client().get("/feedback?step=service", base_url="https://localhost")
    assert "secure" in response.headers["Set-Cookie"].lower()


def test_exit_clears_session_and_redirects_303(client, demo_data):
    walk_to_check(client)
    response = client.get("/exit")
    assert response.status_code == 303
    assert response.headers["Location"] == "https://www.bbc.co.uk/weather"
    cookies = " ".join(response.headers.getlist("Set-Cookie"))
    assert "heard=;" in cookies and "Expires=Thu, 01 Jan 1970" in cookies
    # The server forgot the journey: the same cookie jar starts again.
    assert page(client.get("/feedback")).h1.get_text() == "Before you start"


def test_exit_url_is_configurable(app):
    app.config["EXIT_URL"] = "https://www.example.org/news"
    assert app.test_client().get("/exit").headers["Location"] == "https://www.example.org/news"


def test_free_text_fields_have_autocomplete_off(client, demo_data):
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "overall": "good"})
    html = page(client.get("/feedback"))
    assert html.find("form")["autocomplete"] == "off"
    for textarea in html.find_all("textarea"):
        assert textarea["autocomplete"] == "off"


FORBIDDEN_COLUMN_WORDS = {"ip", "address", "agent", "useragent", "referrer", "referer",
                          "email", "time", "timestamp", "created", "updated"}


def test_no_column_could_hold_an_address_agent_or_time(app_context, app):
    inspector = inspect(db.engine)
    for table in ("feedback_response", "service"):
        for column in inspector.get_columns(table):
            words = set(column["name"].lower().split("_"))
            assert not words & FORBIDDEN_COLUMN_WORDS, (table, column["name"])
            assert "TIME" not in str(column["type"]).upper(), (table, column["name"])


def test_no_manifest_or_service_worker(client):
    html = page(client.get("/"))
    assert not html.find("link", rel="manifest")
    assert "serviceWorker" not in client.get(html.find("script")["src"]).get_data(as_text=True)
    assert "localStorage" not in client.get(html.find("script")["src"]).get_data(as_text=True)
