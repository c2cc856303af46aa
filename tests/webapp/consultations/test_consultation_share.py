"""Sharing a consultation: the share page (plain link, QR code, poster link),
the A4 poster PDF, and that neither carries tracking parameters or an access code."""

from __future__ import annotations

import io
import re

import pytest
import segno
from pypdf import PdfReader
from sqlalchemy import select
from weasyprint.urls import URLFetcher

from tests.webapp.helpers import ACCESS_CODE, make_consultation, make_user, page, sign_in_as
from webapp.audit import ACTIONS, AuditEvent
from webapp.consultations import sharing
from webapp.extensions import db

BASE = "/staff/consultations"
A4_POINTS = (595, 842)


@pytest.fixture
def signed_in(app_context, client, app):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    return client


@pytest.fixture
def record_qr_payloads(monkeypatch):
    payloads: list[str] = []
    real_make = segno.make

    def make(content, *args, **kwargs):
        payloads.append(content)
        return real_make(content, *args, **kwargs)

    monkeypatch.setattr(sharing.segno, "make", make)
    return payloads


def test_share_page_shows_the_plain_link_qr_code_and_poster_link(signed_in, record_qr_payloads):
    consultation = make_consultation()
    html = page(signed_in.get(f"{BASE}/{consultation.id}/share"))
    assert html.find(id="share-url")["value"] == "http://localhost/c/support-after-leaving"
    assert html.find(id="share-qr")["src"].startswith("data:image/svg+xml")
    assert record_qr_payloads == ["http://localhost/c/support-after-leaving"]
    poster = html.find(id="poster-link")
    assert poster.get_text(strip=True) == "Download A4 poster (PDF)"
    assert poster["href"] == f"{BASE}/{consultation.id}/poster.pdf"
    assert "access code" not in html.get_text()


def test_builder_page_links_to_the_share_page(signed_in):
    consultation = make_consultation()
    html = page(signed_in.get(f"{BASE}/{consultation.id}"))
    assert html.find("a", href=f"{BASE}/{consultation.id}/share")


def test_group_consultation_says_the_code_is_shared_separately(signed_in):
    consultation = make_consultation(audience="group")
    html = page(signed_in.get(f"{BASE}/{consultation.id}/share"))
    text = html.get_text(" ", strip=True)
    assert "Give the group its access code separately" in text
    assert ACCESS_CODE not in text


def test_draft_share_page_warns_the_link_is_not_live_yet(signed_in):
    consultation = make_consultation(status="draft")
    text = page(signed_in.get(f"{BASE}/{consultation.id}/share")).get_text(" ", strip=True)
    assert "The link works only while it is open" in text


@pytest.mark.parametrize("role, status", [("admin", 200), ("engagement", 200), ("analyst", 403), ("board", 403)])
def test_share_page_and_poster_by_role(app_context, client, app, role, status):
    consultation = make_consultation()
    sign_in_as(client, make_user(f"{role}@partnership.example", role))
    assert client.get(f"{BASE}/{consultation.id}/share").status_code == status
    assert client.get(f"{BASE}/{consultation.id}/poster.pdf").status_code == status


def test_unknown_consultation_is_404(signed_in):
    assert signed_in.get(f"{BASE}/999/share").status_code == 404
    assert signed_in.get(f"{BASE}/999/poster.pdf").status_code == 404


def test_poster_is_an_a4_pdf_with_title_link_and_helpline(signed_in, record_qr_payloads):
    consultation = make_consultation(audience="group")
    response = signed_in.get(f"{BASE}/{consultation.id}/poster.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="poster-support-after-leaving.pdf"'
    assert response.data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_POINTS
    text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "Improving support after leaving" in text
    assert "localhost/c/support-after-leaving" in text
    assert "You do not need to give your name." in text
    assert "0808 2000 247" in text
    assert ACCESS_CODE not in text and "?" not in text.split("localhost/c/", 1)[1].split()[0]
    assert record_qr_payloads == ["http://localhost/c/support-after-leaving"]


def test_poster_download_is_audited(signed_in):
    consultation = make_consultation()
    signed_in.get(f"{BASE}/{consultation.id}/poster.pdf")
    events = list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "consultation.poster")))
    assert [(e.target, e.actor_email) for e in events] == [("support-after-leaving", "eng@partnership.example")]
    assert "consultation.poster" in ACTIONS


def test_public_url_ignores_the_query_string_and_uses_public_base_url(app_context, app):
    consultation = make_consultation()
    with app.test_request_context("/staff/consultations/1/share?utm_source=poster", base_url="http://staff.internal"):
        assert sharing.public_url(consultation) == "http://staff.internal/c/support-after-leaving"
        app.config["PUBLIC_BASE_URL"] = "https://feedback.example.org/"
        try:
            assert sharing.public_url(consultation) == "https://feedback.example.org/c/support-after-leaving"
        finally:
            app.config["PUBLIC_BASE_URL"] = None


def test_qr_code_encodes_exactly_the_url():
    url = "https://feedback.example.org/c/support-after-leaving"
    assert sharing.qr_code(url) == segno.make(url, error="m")
    assert sharing.poster_filename(type("C", (), {"slug": 'a"b/../c'})()) == "poster-a-b-c.pdf"


def test_poster_rendering_fetches_nothing_but_data_urls(signed_in, monkeypatch):
    consultation = make_consultation()
    consultation.title = '<img src="http://169.254.169.254/latest">Title'
    db.session.commit()
    fetched: list[str] = []

    real_fetch = URLFetcher.fetch

    def fetch(self, url, *args, **kwargs):
        fetched.append(url)
        return real_fetch(self, url, *args, **kwargs)

    monkeypatch.setattr(URLFetcher, "fetch", fetch)
    assert signed_in.get(f"{BASE}/{consultation.id}/poster.pdf").status_code == 200
    assert all(url.startswith("data:") for url in fetched)


def test_poster_link_size_fits_one_line_with_a_floor():
    assert sharing.url_font_size("localhost/c/x") == 22.0
    assert 10.0 < sharing.url_font_size("feedback.example.org/c/support-after-leaving") < 22.0
    assert sharing.url_font_size("x" * 200) == 10.0
