"""Response headers for every page, in one hook pair: a CSP nonce before the
request, the headers after it. Everything is no-store: a cached page or even a
cached stylesheet is a trace of the visit on a shared phone."""

from __future__ import annotations

import secrets
from urllib.parse import parse_qsl

from flask import Flask, Request, g
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.utils import cached_property

PERMISSIONS_POLICY = ("camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                      "interest-cohort=(), browsing-topics=()")


def content_security_policy(nonce: str) -> str:
    return "; ".join((
        "default-src 'self'",
        f"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ))


def without_nul(values: ImmutableMultiDict) -> ImmutableMultiDict:
    return ImmutableMultiDict((key.replace("\x00", ""), value.replace("\x00", ""))
                              for key, value in values.items(multi=True))


class HeardRequest(Request):
    """Form and query values arrive without NUL characters, and a query string
    that is not UTF-8 is read, not a 500. Nobody types a NUL,
    PostgreSQL refuses them in text, and dropping them keeps everything else
    that was typed (refusing the whole form would not)."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = without_nul(self.__dict__["form"])

    @cached_property
    def args(self) -> ImmutableMultiDict:
        return without_nul(ImmutableMultiDict(
            # Raw bytes that are not UTF-8 (no browser sends them) become U+FFFD, not a 500.
            parse_qsl(self.query_string.decode("utf-8", "replace"), keep_blank_values=True,
                      errors="werkzeug.url_quote")))


def init_app(app: Flask) -> None:
    app.request_class = HeardRequest

    @app.before_request
    def make_csp_nonce() -> None:
        g.csp_nonce = secrets.token_urlsafe(16)

    @app.after_request
    def set_security_headers(response):
        headers = response.headers
        headers["Cache-Control"] = "no-store"
        headers["Pragma"] = "no-cache"
        headers["Expires"] = "0"
        headers["Referrer-Policy"] = "no-referrer"
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Permissions-Policy"] = PERMISSIONS_POLICY
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["Cross-Origin-Resource-Policy"] = "same-origin"
        headers["Content-Security-Policy"] = content_security_policy(g.get("csp_nonce", "none"))
        if app.config.get("SESSION_COOKIE_SECURE"):
            headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
        # A plain ETag lets a browser ask "is this what I saw before?"; drop it.
        headers.pop("ETag", None)
        headers.pop("Last-Modified", None)
        return response

    @app.context_processor
    def csp_nonce():
        return {"csp_nonce": g.get("csp_nonce", "")}
