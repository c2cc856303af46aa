"""Signing in and out: passwords, lockout with back-off, two-factor enrolment
and verification, recovery codes, session rotation, idle timeout, and changing
a password (first, when someone else set it)."""

from __future__ import annotations

import time
from datetime import timedelta
from urllib.parse import quote

import pytest
from argon2 import extract_parameters
from sqlalchemy import select

from tests.webapp.helpers import PASSWORD, code_for, enrol, make_user, page, sign_in_as, sign_out
from webapp.audit import AuditEvent
from webapp.extensions import db, utcnow
from webapp.staff import accounts
from webapp.staff.models import StaffUser


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def session_cookie(client) -> str | None:
    cookie = client.get_cookie("heard")
    return cookie.value if cookie else None


def test_sign_in_page_has_no_exit_control_and_a_labelled_form(client):
    response = client.get("/staff/sign-in")
    assert response.status_code == 200
    html = page(response)
    assert "Exit this page" not in html.get_text()
    assert html.find("input", attrs={"name": "email"})["autocomplete"] == "username"
    assert html.find("input", attrs={"name": "password"})["type"] == "password"
    assert response.headers["Cache-Control"] == "no-store"


def test_anonymous_is_sent_to_sign_in_with_next(client):
    response = client.get("/staff/users")
    assert response.status_code == 302
    assert response.location == "/staff/sign-in?next=/staff/users"


@pytest.mark.parametrize("app_overrides", [{"DEMO": True}])
def test_demo_user_signs_in_without_two_factor_and_out_again(app_context, client, app_overrides):
    make_user("admin@demo.heard.invalid", "admin", demo=True)
    response = client.post("/staff/sign-in?next=/staff/users",
                           data={"email": "Admin@Demo.Heard.Invalid ", "password": PASSWORD})
    assert response.status_code == 302 and response.location == "/staff/users"
    assert client.get("/staff/").status_code == 200
    client.post("/staff/sign-out")
    assert client.get("/staff/").status_code == 302
    assert actions() == ["user.create", "auth.sign_in", "auth.sign_out"]


def test_demo_user_needs_two_factor_when_demo_is_off(app_context, client):
    make_user("admin@demo.heard.invalid", "admin", demo=True)
    response = client.post("/staff/sign-in", data={"email": "admin@demo.heard.invalid", "password": PASSWORD})
    assert response.location.endswith("/staff/two-factor/set-up")


def test_wrong_password_and_unknown_email_get_the_same_kind_message(app_context, client):
    make_user()
    wrong = client.post("/staff/sign-in", data={"email": "sam@partnership.example", "password": "not-the-password"})
    unknown = client.post("/staff/sign-in", data={"email": "who@nowhere.example", "password": "not-the-password"})
    for response in (wrong, unknown):
        assert response.status_code == 400
        html = page(response)
        assert html.title.get_text().startswith("Error: ")
        summary = html.select_one(".govuk-error-summary")
        assert "email address or password is not right" in summary.get_text()
        assert html.find("input", attrs={"name": "password"}).get("value") in (None, "")
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "auth.sign_in_failed")
                                .order_by(AuditEvent.id)).all()
    assert [e.target for e in events] == ["sam@partnership.example", ""]
    assert "who@nowhere.example" not in " ".join(e.target + e.detail for e in events)


def test_empty_form_asks_to_enter_both(client):
    html = page(client.post("/staff/sign-in", data={}))
    text = html.select_one(".govuk-error-summary").get_text()
    assert "Enter your email address" in text and "Enter your password" in text


def test_lockout_after_five_failures_with_doubling_back_off(app_context, client):
    user = make_user(demo=True)
    for _ in range(5):
        client.post("/staff/sign-in", data={"email": user.email, "password": "wrong-wrong-wrong"})
    db.session.refresh(user)
    assert user.locked_until is not None
    first = user.locked_until - utcnow()
    assert timedelta(seconds=50) < first <= timedelta(minutes=1)
    # Even the right password is refused while locked, with the same message.
    response = client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "not right" in page(response).select_one(".govuk-error-summary").get_text()
    assert actions().count("auth.locked") == 1

    user.locked_until = utcnow() - timedelta(seconds=1)
    db.session.commit()
    for _ in range(5):
        client.post("/staff/sign-in", data={"email": user.email, "password": "wrong-wrong-wrong"})
    db.session.refresh(user)
    second = user.locked_until - utcnow()
    assert timedelta(minutes=1, seconds=50) < second <= timedelta(minutes=2)
    assert actions().count("auth.locked") == 2

    user.locked_until = utcnow() - timedelta(seconds=1)
    user.lockouts = 20
    db.session.commit()
    for _ in range(5):
        accounts.register_failure(user, "test")
    db.session.refresh(user)
    assert user.locked_until - utcnow() <= timedelta(minutes=accounts.LOCKOUT_CAP_MINUTES)


def test_two_factor_enrolment_shows_qr_and_key_then_recovery_codes_once(app_context, client):
    user = make_user()
    response = client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.location.endswith("/staff/two-factor/set-up")
    # Not signed in yet: half-way through is not signed in.
    assert client.get("/staff/").status_code == 302
    html = page(client.get("/staff/two-factor/set-up"))
    image = html.select_one("img.heard-qr-code")
    assert image["src"].startswith("data:image/svg+xml")
    assert "QR code" in image["alt"]
    secret = html.find(id="totp-secret").get_text().replace(" ", "")
    assert len(secret) == 32

    wrong = client.post("/staff/two-factor/set-up", data={"code": "000000"})
    assert wrong.status_code == 400
    assert "security code is not right" in page(wrong).select_one(".govuk-error-summary").get_text()

    client.post("/staff/two-factor/set-up", data={"code": code_for(secret)})
    shown = page(client.get("/staff/two-factor/recovery-codes"))
    codes = [li.get_text(strip=True) for li in shown.select("#recovery-codes li")]
    assert len(codes) == 10 and len(set(codes)) == 10
    # Shown once only.
    assert client.get("/staff/two-factor/recovery-codes").location == "/staff/"
    db.session.refresh(user)
    assert user.two_factor_enrolled
    stored = " ".join(code.code_hash for code in user.recovery_codes)
    assert not any(code.replace("-", "") in stored for code in codes)
    assert user.totp_secret == secret
    assert "auth.2fa_enrolled" in actions()


def test_totp_sign_in_and_replay_refused(app_context, client, app):
    user = make_user()
    secret, _ = enrol(client, user)
    sign_out(client)
    other = app.test_client()
    for c in (client, other):
        c.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    code = code_for(secret, steps_ahead=1)
    response = client.post("/staff/two-factor", data={"code": code})
    assert response.status_code == 302 and response.location == "/staff/"
    # The same code cannot be used again.
    replay = other.post("/staff/two-factor", data={"code": code})
    assert replay.status_code == 400


def test_recovery_code_works_once(app_context, client):
    user = make_user()
    _, codes = enrol(client, user)
    sign_out(client)
    client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    response = client.post("/staff/two-factor", data={"code": codes[0].upper()})
    assert response.location == "/staff/"
    sign_out(client)
    client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    assert client.post("/staff/two-factor", data={"code": codes[0]}).status_code == 400
    assert "auth.recovery_code_used" in actions()


def test_wrong_codes_count_towards_lockout(app_context, client):
    user = make_user()
    enrol(client, user)
    sign_out(client)
    client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    for _ in range(4):
        assert client.post("/staff/two-factor", data={"code": "123456"}).status_code == 400
    response = client.post("/staff/two-factor", data={"code": "123456"})
    assert response.status_code == 302 and "locked" in response.location
    assert "too many attempts" in page(client.get(response.location)).get_text()
    db.session.refresh(user)
    assert accounts.is_locked(user)


def test_session_id_changes_at_sign_in(app_context, client):
    user = make_user()
    secret, _ = enrol(client, user)
    sign_out(client)
    client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    before = session_cookie(client)
    assert before
    client.post("/staff/two-factor", data={"code": code_for(secret, steps_ahead=1)})
    after = session_cookie(client)
    assert after and after != before


def test_sign_out_clears_the_session(app_context, client):
    user = make_user()
    enrol(client, user)
    client.post("/staff/sign-out")
    assert session_cookie(client) is None
    assert client.get("/staff/").status_code == 302


@pytest.mark.parametrize("app_overrides", [{"DEMO": True}])
def test_idle_timeout_signs_out_after_30_minutes(app_context, client, app_overrides):
    user = make_user(demo=True)
    client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    with client.session_transaction() as session:
        session["staff_last_seen"] = time.time() - 29 * 60
    assert client.get("/staff/").status_code == 200
    with client.session_transaction() as session:
        session["staff_last_seen"] = time.time() - 31 * 60
    response = client.get("/staff/")
    assert response.status_code == 302 and "timed-out" in response.location
    assert "30 minutes" in page(client.get(response.location)).get_text()
    assert client.get("/staff/").status_code == 302
    assert "auth.idle_timeout" in actions()


@pytest.mark.parametrize("app_overrides", [{"DEMO": True}])
def test_a_busy_session_still_ends_ten_hours_after_signing_in(app_context, client, app_overrides):
    user = make_user(demo=True)
    client.post("/staff/sign-in", data={"email": user.email, "password": PASSWORD})
    with client.session_transaction() as session:
        session["staff_signed_in_at"] = time.time() - 9 * 3600
    assert client.get("/staff/").status_code == 200
    with client.session_transaction() as session:
        session["staff_signed_in_at"] = time.time() - 10 * 3600 - 60
        session["staff_last_seen"] = time.time()  # busy: the idle time-out is not what ends it
    response = client.get("/staff/")
    assert response.status_code == 302 and "expired" in response.location
    assert "signed in more than 10 hours ago" in page(client.get(response.location)).get_text()
    assert client.get("/staff/").status_code == 302
    assert "auth.session_expired" in actions()


@pytest.mark.parametrize("app_overrides", [{"DEMO": True}])
@pytest.mark.parametrize("next_path", ["/staff/users\r\nSet-Cookie: x=1", "/staff/%0d%0aX: y", "/staff/\x00"])
def test_control_characters_in_next_never_reach_the_location_header(app_context, client, app_overrides, next_path):
    user = make_user(demo=True)
    response = client.post("/staff/sign-in?next=" + quote(next_path.encode().decode("unicode_escape"), safe="/%"),
                           data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "\r" not in response.headers["Location"] and "\n" not in response.headers["Location"]
    assert response.headers.get("X") is None and "x=1" not in str(response.headers)


def test_disabling_a_user_ends_their_session(app_context, client):
    user = make_user(demo=False)
    enrol(client, user)
    assert client.get("/staff/").status_code == 200
    accounts.set_active(db.session.get(StaffUser, user.id), False)
    assert client.get("/staff/").status_code == 302


@pytest.mark.parametrize("password, ok", [
    ("short-1A!", False),
    ("password1234", False),
    ("Password1234!", False),
    ("Qwertyuiop123", False),
    ("aaaaaaaaaaaaaaaa", False),
    ("sam.jones-Lantern-58", False),
    ("Copper-Kettle-Lantern-58", True),
    ("correct horse battery stable", True),
])
def test_password_policy(password, ok):
    problem = accounts.password_problem(password, "sam.jones@partnership.example")
    assert (problem is None) is ok, problem
    if problem:
        assert problem.startswith("Enter ")


def test_common_password_list_is_shipped_and_large():
    assert len(accounts.common_passwords()) > 5000
    assert "password123" in accounts.common_passwords()


def test_passwords_are_hashed_with_argon2(app_context, app):
    user = make_user()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    assert extract_parameters(user.password_hash) == app.config["ARGON2_PARAMETERS"]


NEW_PASSWORD = "Harbour-Violet-Stapler-41"


def change(client, current: str = PASSWORD, new: str = NEW_PASSWORD, confirm: str | None = None):
    return client.post("/staff/password", data={"current_password": current, "new_password": new,
                                                "confirm_password": new if confirm is None else confirm})


def test_a_password_someone_else_set_must_be_replaced_before_anything_else(app_context, client):
    user = make_user(must_change_password=True)
    enrol(client, user)  # two-factor set-up and the recovery codes come first
    for path in ("/staff/", "/staff/users", "/staff/reports/", "/staff/consultations"):
        response = client.get(path)
        assert response.status_code == 302 and response.location == "/staff/password", path
    html = page(client.get("/staff/password"))
    assert "Your password was set by someone else" in html.get_text()
    assert html.find("input", attrs={"name": "new_password"})["autocomplete"] == "new-password"

    response = change(client)
    assert response.status_code == 302 and response.location == "/staff/"
    banner = page(client.get("/staff/")).select_one(".govuk-notification-banner__heading")
    assert banner.get_text() == "Your password has been changed"  # markup, not escaped tags
    assert client.get("/staff/users").status_code == 200
    user = db.session.get(StaffUser, user.id)
    assert not user.must_change_password and user.password_changed_at is not None
    changed_on = page(client.get("/staff/password")).find(id="password-changed-on").get_text()
    assert user.password_changed_at.strftime("%-d %B %Y") in changed_on
    assert "user.password_change" in actions()
    assert accounts.check_password(user.email, PASSWORD).user is None
    assert accounts.check_password(user.email, NEW_PASSWORD).user is not None


@pytest.mark.parametrize(("current", "new", "confirm", "message"), [
    ("", NEW_PASSWORD, None, "Enter your current password"),
    (PASSWORD, "", "", "Enter a new password"),
    (PASSWORD, NEW_PASSWORD, "Harbour-Violet-Stapler-42", "The new passwords do not match"),
    (PASSWORD, "password1234", None, "harder to guess"),
    (PASSWORD, "sam-Harbour-Violet", None, "does not contain your email address"),
    (PASSWORD, PASSWORD, None, "not the one you have now"),
    ("Not-My-Password-99", NEW_PASSWORD, None, "Your current password is not right"),
])
# Form checks; a wrong current password's count is test_wrong_current_passwords_count_towards_the_lockout's.
@pytest.mark.one_database
def test_password_change_errors_are_kind_and_change_nothing(app_context, client, current, new, confirm, message):
    user = make_user()
    enrol(client, user)
    response = change(client, current, new, confirm)
    assert response.status_code == 400
    html = page(response)
    assert message in html.select_one(".govuk-error-summary").get_text()
    assert accounts.check_password(user.email, PASSWORD).user is not None
    assert client.get("/staff/").status_code == 200  # still signed in


def test_changing_the_password_ends_the_other_sessions_and_rotates_this_one(app_context, app, client):
    user = make_user()
    enrol(client, user)
    elsewhere = app.test_client()
    sign_in_as(elsewhere, db.session.get(StaffUser, user.id))
    assert elsewhere.get("/staff/").status_code == 200
    before = session_cookie(client)
    assert change(client).status_code == 302
    assert session_cookie(client) not in (None, before)
    assert client.get("/staff/").status_code == 200
    assert elsewhere.get("/staff/").status_code == 302


def test_wrong_current_passwords_count_towards_the_lockout(app_context, client):
    user = make_user()
    enrol(client, user)
    for _ in range(4):
        assert change(client, current="Not-My-Password-99").status_code == 400
    response = change(client, current="Not-My-Password-99")
    assert response.status_code == 302 and "locked" in response.location
    assert client.get("/staff/").status_code == 302
    assert accounts.is_locked(db.session.get(StaffUser, user.id))
