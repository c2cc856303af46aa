"""Every public page renders, carries the exit control and the help directory."""

import pytest

from tests.webapp.helpers import PUBLIC_PAGES, page
from webapp.extensions import db
from webapp.feedback.directory import service_by_slug

# Rendering, headings and error pages: no database changes them.
pytestmark = pytest.mark.one_database


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_has_exit_control_first(client, demo_data, path):
    response = client.get(path)
    assert response.status_code == 200
    html = page(response)
    focusable = html.select("a[href], button, input:not([type=hidden]), textarea, select")
    first = focusable[0]
    assert first.get_text(strip=True) == "Exit this page"
    assert first["href"] == "/exit"
    assert "govuk-js-exit-this-page-skiplink" in first["class"]
    button = html.select_one(".govuk-exit-this-page a.govuk-exit-this-page__button")
    assert button["href"] == "/exit"
    assert set(button["rel"]) == {"nofollow", "noreferrer"}
    assert "999" in html.find("footer").get_text()
    assert "0808 2000 247" in html.find("footer").get_text()


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_titles_are_calm_and_generic(client, demo_data, path):
    title = page(client.get(path)).title.get_text()
    assert "Share your experience" in title
    assert "abuse" not in title.lower()


def test_get_help_lists_national_and_local_services(client, demo_data):
    text = page(client.get("/get-help")).get_text()
    for number in ("999", "0808 2000 247", "0800 999 5428", "0808 801 0327",
                   "0808 802 0321", "0808 802 0300", "116 123"):
        assert number in text
    assert "Safe Haven Refuge" in text
    assert "press 55" in text


def test_unlisted_services_are_not_in_directory(app_context, client, demo_data):
    service_by_slug("refuge").listed_in_directory = False
    db.session.commit()
    assert "Safe Haven Refuge" not in page(client.get("/get-help")).get_text()


def test_privacy_page_says_what_is_kept_and_for_how_long(client):
    text = page(client.get("/privacy")).get_text()
    assert "12 months" in text
    assert "IP address" in text
    assert "time of day" in text


@pytest.mark.parametrize("path,code", [("/no-such-page", 404), ("/feedback?step=x", 303)])
def test_not_found_is_friendly(client, path, code):
    response = client.get(path)
    assert response.status_code == code
    if code == 404:
        html = page(response)
        assert html.h1.get_text() == "Page not found"
        assert html.select_one(".govuk-exit-this-page")


def test_bad_post_is_a_friendly_400(client):
    response = client.post("/feedback", data={"step": "nonsense"})
    assert response.status_code == 400
    assert page(response).select_one(".govuk-exit-this-page")


def test_too_large_is_a_friendly_413(client):
    response = client.post("/feedback", data={"step": "comments", "what_helped": "x" * 200_000})
    assert response.status_code == 413
    html = page(response)
    assert "too much" in html.h1.get_text()
    assert html.select_one(".govuk-exit-this-page")


def test_server_error_is_friendly_and_has_exit(app, client):
    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    response = client.get("/boom")
    assert response.status_code == 500
    assert page(response).select_one(".govuk-exit-this-page")


def test_stylesheet_carries_configured_colours(client):
    html = page(client.get("/"))
    css = client.get(html.find("link", rel="stylesheet")["href"])
    assert css.status_code == 200
    assert css.get_data(as_text=True).startswith(":root{--heard-brand:#1d4f6e;--heard-accent:#0f7a52}")


@pytest.mark.parametrize("endpoint", ["public.home", "public.get_help", "public.staying_safe", "public.privacy",
                                      "public.accessibility", "feedback.journey", "yousaid.index"])
def test_public_pages_by_endpoint_have_one_heading_and_unique_ids(client_request, demo_data, endpoint):
    html = client_request.get(endpoint)
    assert len(html.find_all("h1")) == 1
    assert html.title.get_text().endswith("– Share your experience")
