"""Response headers for every response: a CSP nonce made before each request,
and a WSGI middleware that adds the headers as the response starts. Everything
is no-store: a cached page or even a cached stylesheet is a trace of the visit
on a shared phone."""

from __future__ import annotations

import secrets
from urllib.parse import parse_qsl

from flask import Flask, Request, abort, current_app, has_request_context, request
from flask_wtf.csrf import CSRFError
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


NONCE_KEY = "heard.csp_nonce"  # in the WSGI environ, where the middleware can read it
# Headers the app or a library may have set that Heard always overrides.
OVERRIDDEN = frozenset({"cache-control", "pragma", "expires", "etag", "last-modified"})


class SecurityHeaders:
    """WSGI middleware that adds the same headers to every response, including
    errors and static files, as it starts. Doing it here, to the plain header
    list, costs a twentieth of setting a dozen headers one by one on each
    Response (which checks every value again)."""

    def __init__(self, wsgi_app, hsts: bool) -> None:
        self.wsgi_app = wsgi_app
        self.headers = [
            ("Cache-Control", "no-store"),
            ("Pragma", "no-cache"),
            ("Expires", "0"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Permissions-Policy", PERMISSIONS_POLICY),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            *([("Strict-Transport-Security", "max-age=63072000; includeSubDomains")] if hsts else []),
        ]

    def __call__(self, environ, start_response):
        def start_with_headers(status, headers, exc_info=None):
            # A plain ETag or Last-Modified lets a browser ask "is this what I saw before?": dropped.
            kept = [header for header in headers if header[0].lower() not in OVERRIDDEN]
            csp = ("Content-Security-Policy", content_security_policy(environ.get(NONCE_KEY, "none")))
            return start_response(status, [*kept, *self.headers, csp], exc_info)

        return self.wsgi_app(environ, start_with_headers)


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Sec-Fetch-Site values a browser sends for a form that another site submitted.
CROSS_SITE = frozenset({"cross-site", "same-site"})


def origin_of(url: str) -> str:
    """`https://host` from `https://host/path`: the form an Origin header takes."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}".lower()


def allowed_origins() -> set[str]:
    origins = {origin_of(request.host_url)}
    if current_app.config.get("PUBLIC_BASE_URL"):
        origins.add(origin_of(current_app.config["PUBLIC_BASE_URL"]))
    return origins


def refuse_cross_site_posts() -> None:
    """A second line behind the CSRF token: a browser says where a form came
    from. `Sec-Fetch-Site` names another site outright; `Origin` is `null` under
    `Referrer-Policy: no-referrer`, so only a real origin that is not Heard's is
    refused. Requests without either header (older browsers, scripts) still need
    the token."""
    if request.method in SAFE_METHODS:
        return
    if request.headers.get("Sec-Fetch-Site", "").lower() in CROSS_SITE:
        raise CSRFError("The form was sent from another site.")
    origin = request.headers.get("Origin", "null").lower()
    if origin != "null" and origin not in allowed_origins():
        raise CSRFError("The form was sent from another site.")


def refuse_control_characters_in_paths() -> None:
    """A path with a NUL or another control character names no page: 404 before
    any view looks it up (PostgreSQL refuses NUL in text, which made /c/%00 a 500)."""
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in request.path):
        abort(404)


def init_app(app: Flask) -> None:
    app.request_class = HeardRequest
    app.before_request(refuse_control_characters_in_paths)
    app.before_request(refuse_cross_site_posts)
    app.wsgi_app = SecurityHeaders(app.wsgi_app, hsts=bool(app.config.get("SESSION_COOKIE_SECURE")))

    @app.before_request
    def make_csp_nonce() -> None:
        request.environ[NONCE_KEY] = secrets.token_urlsafe(16)

    @app.context_processor
    def csp_nonce():
        # Pages are also rendered with no request at all (the board pack command).
        return {"csp_nonce": request.environ.get(NONCE_KEY, "") if has_request_context() else ""}
