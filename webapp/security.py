"""Response headers for every page, in one hook pair: a CSP nonce before the
request, the headers after it. Everything is no-store: a cached page or even a
cached stylesheet is a trace of the visit on a shared phone."""

from __future__ import annotations

import secrets

from flask import Flask, g

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


def init_app(app: Flask) -> None:
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
