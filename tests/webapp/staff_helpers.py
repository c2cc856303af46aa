"""Helpers for staff tests: make users, sign in quickly, read TOTP codes."""

from __future__ import annotations

import time

import pyotp
import pytest
from flask import g, request_started

from webapp.extensions import db
from webapp.staff import accounts

PASSWORD = "Copper-Kettle-Lantern-58"


@pytest.fixture(autouse=True)
def fresh_login_per_request(app):
    """The `app` fixture keeps one app context open, so `g` (where Flask-Login
    caches the user) would outlive a request; in production each request has its
    own. Forget the cached user at the start of every test request."""

    def forget(sender, **extra):
        g.pop("_login_user", None)

    request_started.connect(forget, app)
    yield
    request_started.disconnect(forget, app)


def make_user(email: str = "sam@partnership.example", role: str = "admin", *, demo: bool = False,
              password: str = PASSWORD, must_change_password: bool = False):
    user = accounts.create_user(email, role, password, is_demo=demo, totp_required=not demo,
                                must_change_password=must_change_password)
    db.session.commit()
    return user


def sign_in_as(client, user) -> None:
    """Put a signed-in session in place without the sign-in pages (fast)."""
    with client.session_transaction() as session:
        session["_user_id"] = user.session_token
        session["_fresh"] = True
        session["staff_last_seen"] = time.time()


def code_for(secret: str, steps_ahead: int = 0) -> str:
    return pyotp.TOTP(secret).at(time.time() + 30 * steps_ahead)


def enrol(client, user, password: str = PASSWORD) -> tuple[str, list[str]]:
    """Sign in for the first time, set up two-factor; return (secret, recovery codes)."""
    from tests.webapp.helpers import page

    response = client.post("/staff/sign-in", data={"email": user.email, "password": password})
    assert response.status_code == 302 and response.location.endswith("/staff/two-factor/set-up"), response.location
    html = page(client.get("/staff/two-factor/set-up"))
    secret = html.find(id="totp-secret").get_text().replace(" ", "")
    response = client.post("/staff/two-factor/set-up", data={"code": code_for(secret)})
    assert response.location.endswith("/staff/two-factor/recovery-codes")
    codes = [li.get_text(strip=True) for li in page(client.get("/staff/two-factor/recovery-codes")).select("#recovery-codes li")]
    return secret, codes


def sign_out(client) -> None:
    client.post("/staff/sign-out")
