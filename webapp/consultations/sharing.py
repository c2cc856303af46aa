"""Sharing a consultation: its public link, a QR code for it and an A4 poster.

The link is the plain `/c/<slug>` URL with no query string: no tracking
parameters, nothing that could tell anyone where a respondent found it. The QR
code encodes exactly that URL. The access code of a group consultation is never
on the poster; staff give it to the group separately.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import segno
from flask import current_app, render_template, request, url_for

from webapp.consultations.models import Consultation
from webapp.helplines import NATIONAL_DOMESTIC_ABUSE_HELPLINE

POSTER_CSS = Path(__file__).resolve().parent.parent / "templates" / "consultations" / "share" / "poster.css"


def public_base_url() -> str:
    """PUBLIC_BASE_URL, which production requires, so a forged Host header can
    never change a link, QR code or poster; the request's host only in
    development and tests."""
    return (current_app.config.get("PUBLIC_BASE_URL") or request.host_url).rstrip("/")


def public_url(consultation: Consultation) -> str:
    """The absolute link respondents use: the public base URL and the
    consultation's path. Never a query string or fragment."""
    return public_base_url() + url_for("respond.consultation", slug=consultation.slug)


def review_url(consultation: Consultation) -> str:
    """The absolute link the group uses to review a draft."""
    return public_base_url() + url_for("review.review", slug=consultation.slug)


def decisions_url(consultation: Consultation) -> str:
    """The absolute link where the group sees what was decided about its comments."""
    return public_base_url() + url_for("review.decisions", slug=consultation.slug)


def qr_code(url: str) -> segno.QRCode:
    """A QR code whose payload is exactly `url`."""
    return segno.make(url, error="m")


def qr_data_uri(url: str, scale: int = 6) -> str:
    """The QR code as an SVG data URI (the CSP allows `img-src data:`)."""
    return qr_code(url).svg_data_uri(scale=scale, border=4, dark="#0b0c0c", light="#ffffff")


def url_font_size(text: str) -> float:
    """Points for the link on the poster so it fits on one line of the A4 page
    (174 mm, about 493 pt, between margins): a link broken at a hyphen gets
    typed wrongly. A very long one, at the 10 pt floor, breaks only between
    the host and the path."""
    return round(max(10.0, min(22.0, 493 / (max(len(text), 1) * 0.68))), 1)


def poster_filename(consultation: Consultation) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", consultation.slug.lower()).strip("-")[:60] or "consultation"
    return f"poster-{slug}.pdf"


def poster_pdf(consultation: Consultation) -> bytes:
    """An A4 poster: title, a one-line invitation, a large QR code, the link,
    the safety line and the national helpline. Only `data:` URLs are fetched
    while rendering, so nothing in a title can make the server fetch anything."""
    # WeasyPrint (and Pango under it) is imported on the first poster, not at
    # start-up: most workers and commands never draw one.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    url = public_url(consultation)
    display_url = url.split("://", 1)[-1]
    host, _, path = display_url.partition("/")
    html = render_template("consultations/share/poster.html", consultation=consultation, url=url,
                           display_url=display_url, url_host=host, url_path="/" + path,
                           url_size=url_font_size(display_url), today=date.today(),
                           qr=qr_data_uri(url, scale=10), helpline=NATIONAL_DOMESTIC_ABUSE_HELPLINE.number)
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(string=POSTER_CSS.read_text(encoding="utf-8"), url_fetcher=fetcher)])
