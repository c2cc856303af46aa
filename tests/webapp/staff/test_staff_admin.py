"""Users pages and commands, and the audit log: written, filterable, never editable."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from tests.webapp.helpers import make_user, page, sign_in_as
from webapp.audit import AuditEvent, AuditLogIsAppendOnly, record_event
from webapp.extensions import db, utcnow
from webapp.staff import accounts
from webapp.staff.models import StaffUser


def events(action: str | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(db.session.scalars(query))


@pytest.fixture
def admin_client(app_context, app):
    admin = make_user("admin@partnership.example", "admin")
    client = app.test_client()
    sign_in_as(client, admin)
    client.admin = admin
    return client


def test_admin_adds_a_user_with_a_temporary_password_shown_once(admin_client):
    response = admin_client.post("/staff/users/new", data={"email": "Alex@Partnership.example", "role": "analyst"})
    assert response.status_code == 302 and response.location == "/staff/users"
    html = page(admin_client.get("/staff/users"))
    password = html.find(id="temporary-password").get_text()
    assert accounts.password_problem(password) is None
    assert "alex@partnership.example" in html.get_text()
    assert page(admin_client.get("/staff/users")).find(id="temporary-password") is None
    user = accounts.find_user("alex@partnership.example")
    assert user.role == "analyst" and user.totp_required and not user.two_factor_enrolled
    assert user.must_change_password  # the administrator knows it: its owner replaces it
    created = events("user.create")[-1]
    assert created.target == "alex@partnership.example" and created.actor_email == "admin@partnership.example"
    assert password not in created.detail


def test_add_user_errors_are_kind_and_first(admin_client):
    response = admin_client.post("/staff/users/new", data={"email": "not-an-email", "password": "password1234"})
    assert response.status_code == 400
    html = page(response)
    assert html.title.get_text().startswith("Error: ")
    summary = html.select_one(".govuk-error-summary")
    text = summary.get_text()
    assert "Enter an email address in the correct format" in text
    assert "Select a role" in text
    assert "harder to guess" in text
    assert html.select("main .govuk-error-summary, main form")[0] is summary


def test_duplicate_user_is_refused(admin_client):
    response = admin_client.post("/staff/users/new", data={"email": "admin@partnership.example", "role": "board"})
    assert response.status_code == 400
    assert "already a user" in page(response).get_text()


def test_disable_enable_and_reset_two_factor_are_audited(admin_client):
    other = make_user("board@partnership.example", "board")
    other.totp_secret = "JBSWY3DPEHPK3PXP"
    other.totp_enrolled_at = utcnow()
    db.session.commit()
    old_token = other.session_token
    assert admin_client.post(f"/staff/users/{other.id}/disable").status_code == 302
    assert admin_client.post(f"/staff/users/{other.id}/enable").status_code == 302
    assert admin_client.post(f"/staff/users/{other.id}/reset-2fa").status_code == 302
    other = db.session.get(StaffUser, other.id)
    db.session.refresh(other)
    assert other.active and not other.two_factor_enrolled
    assert other.session_token != old_token
    assert [e.action for e in events()][-3:] == ["user.disable", "user.enable", "user.reset_2fa"]
    assert all(e.actor_email == "admin@partnership.example" for e in events()[-3:])


def test_admin_cannot_disable_themselves(admin_client):
    admin_client.post(f"/staff/users/{admin_client.admin.id}/disable")
    assert db.session.get(StaffUser, admin_client.admin.id).active


def test_users_cli(app_context, runner):
    result = runner.invoke(args=["users", "create", "Kim@Partnership.example", "--role", "engagement",
                                 "--password", "Copper-Kettle-Lantern-58"])
    assert result.exit_code == 0, result.output
    assert "Added kim@partnership.example as engagement" in result.output
    assert accounts.find_user("kim@partnership.example").role == "engagement"
    assert accounts.find_user("kim@partnership.example").must_change_password

    weak = runner.invoke(args=["users", "create", "lee@partnership.example", "--role", "board",
                               "--password", "password1234"])
    assert weak.exit_code != 0 and "harder to guess" in weak.output
    bad_role = runner.invoke(args=["users", "create", "lee@partnership.example", "--role", "boss",
                                   "--password", "Copper-Kettle-Lantern-58"])
    assert bad_role.exit_code != 0
    prompted = runner.invoke(args=["users", "create", "lee@partnership.example", "--role", "board"],
                             input="Copper-Kettle-Lantern-58\nCopper-Kettle-Lantern-58\n")
    assert prompted.exit_code == 0, prompted.output

    assert runner.invoke(args=["users", "disable", "kim@partnership.example"]).exit_code == 0
    assert not accounts.find_user("kim@partnership.example").active
    assert runner.invoke(args=["users", "reset-2fa", "kim@partnership.example"]).exit_code == 0
    missing = runner.invoke(args=["users", "disable", "nobody@partnership.example"])
    assert missing.exit_code != 0 and "No user" in missing.output
    assert [e.action for e in events()] == ["user.create", "user.create", "user.disable", "user.reset_2fa"]
    assert all(e.actor_id is None for e in events())


def test_audit_events_cannot_be_changed_or_deleted(app_context, app):
    record_event("export.csv", target="consultation 1", user=None)
    db.session.commit()
    event = events()[0]
    event.detail = "something else"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    event = events()[0]
    db.session.delete(event)
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    assert events()[0].detail == ""


def test_no_route_changes_the_audit_log(app):
    for rule in app.url_map.iter_rules():
        if "audit" in rule.rule:
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule


def test_audit_log_filters_by_action_user_and_date(admin_client):
    other = make_user("eng@partnership.example", "engagement")
    record_event("consultation.publish", target="Housing survey", user=other)
    record_event("export.csv", target="Housing survey", user=admin_client.admin)
    old = AuditEvent(action="free_text.view", target="response 7", actor_id=other.id,
                     actor_email=other.email, occurred_at=utcnow() - timedelta(days=40))
    db.session.add(old)
    db.session.commit()

    def rows(query: str) -> list[str]:
        html = page(admin_client.get("/staff/audit" + query))
        return [tr.select("td")[2].get_text(strip=True) for tr in html.select("#audit-table tbody tr")]

    published, exported, read, added = ("Published a consultation's results", "Exported responses (CSV)",
                                        "Read free text", "Added a user")
    assert set(rows("")) >= {published, exported, read, added}
    assert rows("?action=export.csv") == [exported]
    assert set(rows(f"?user={other.id}")) == {published, read, added}
    today = utcnow().date()
    since = f"?date_from={today.day}&date_from={today.month}&date_from={today.year}"
    assert read not in rows(since)
    before = utcnow().date() - timedelta(days=30)
    until = f"?date_to={before.day}&date_to={before.month}&date_to={before.year}"
    assert rows(until) == [read]
    bad = admin_client.get("/staff/audit?date_from=40&date_from=2&date_from=2026")
    assert bad.status_code == 200
    assert "Enter a real date" in page(bad).select_one(".govuk-error-summary").get_text()


def test_audit_log_is_paginated(admin_client):
    for number in range(60):
        record_event("free_text.view", target=f"response {number}", user=admin_client.admin)
    db.session.commit()
    html = page(admin_client.get("/staff/audit"))
    assert len(html.select("#audit-table tbody tr")) == 50
    assert html.select_one(".govuk-pagination")
    second = page(admin_client.get("/staff/audit?page=2"))
    assert len(second.select("#audit-table tbody tr")) == 60 + 1 - 50  # 60 views and the admin's user.create


# Each seeds the demo data in full; on PostgreSQL it is seeded once per run, by the
# test database's snapshot (tests/conftest.py), and staff are made by every staff test.
@pytest.mark.one_database
@pytest.mark.parametrize("app_overrides", [{"DEMO": True}])
def test_seed_demo_creates_one_user_per_role_and_prints_them(app_context, runner, app_overrides):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    for role in ("admin", "engagement", "analyst", "board"):
        assert f"{role}@demo.heard.invalid" in result.output
        user = accounts.find_user(f"{role}@demo.heard.invalid")
        assert user.role == role and user.is_demo and not user.totp_required
    assert "Northshire-demo-2026" in result.output
    again = runner.invoke(args=["seed-demo"])
    assert "admin@demo.heard.invalid" in again.output


@pytest.mark.one_database  # as above
def test_seed_demo_makes_no_staff_without_demo(app_context, runner):
    result = runner.invoke(args=["seed-demo"])
    assert "demo.heard.invalid" not in result.output
    assert accounts.list_users() == []


def test_admin_changes_a_role_which_applies_at_once(admin_client, app):
    analyst = make_user("ana@partnership.example", "analyst")
    analyst_client = app.test_client()
    sign_in_as(analyst_client, analyst)
    forbidden = analyst_client.get("/staff/consultations")
    assert forbidden.status_code == 403
    advice = page(forbidden).get_text()
    assert "they can do it on the Users page" in advice and "admin@partnership.example" in advice

    users = page(admin_client.get("/staff/users"))
    assert users.find("a", href=f"/staff/users/{analyst.id}/role")
    form = page(admin_client.get(f"/staff/users/{analyst.id}/role"))
    assert form.find("input", attrs={"name": "role", "value": "analyst", "checked": True})
    assert admin_client.post(f"/staff/users/{analyst.id}/role", data={"role": "boss"}).status_code == 400
    done = admin_client.post(f"/staff/users/{analyst.id}/role", data={"role": "engagement"},
                             follow_redirects=True)
    assert "ana@partnership.example is now: engagement team" in page(done).get_text()
    assert analyst_client.get("/staff/consultations").status_code == 200  # no new sign-in needed
    [changed] = events("user.role")
    assert (changed.target, changed.detail, changed.actor_id) == ("ana@partnership.example",
                                                                  "analyst -> engagement", admin_client.admin.id)
    # Nobody changes their own role.
    own = admin_client.post(f"/staff/users/{admin_client.admin.id}/role", data={"role": "board"})
    assert own.status_code == 400 and "cannot change your own role" in page(own).get_text()
    assert db.session.get(StaffUser, admin_client.admin.id).role == "admin"


def test_admin_resets_a_password_which_must_be_changed_at_next_sign_in(admin_client, app):
    kim = make_user("kim@partnership.example", "engagement")
    kim_client = app.test_client()
    sign_in_as(kim_client, kim)
    confirm = page(admin_client.get(f"/staff/users/{kim.id}/reset-password"))
    assert confirm.h1.get_text() == "Reset their password?"
    assert admin_client.post(f"/staff/users/{kim.id}/reset-password").status_code == 302
    temporary = page(admin_client.get("/staff/users")).find(id="temporary-password").get_text()
    assert not page(admin_client.get("/staff/users")).find(id="temporary-password")  # shown once
    db.session.expire_all()
    kim = db.session.get(StaffUser, kim.id)
    assert kim.must_change_password and accounts.check_password("kim@partnership.example", temporary).ok
    # Kim's open session has ended.
    assert kim_client.get("/staff/").status_code == 302
    assert [e.action for e in events("user.reset_password")] == ["user.reset_password"]
    assert temporary not in " ".join(e.detail + e.target for e in events())
    assert admin_client.get(f"/staff/users/{admin_client.admin.id}/reset-password").status_code == 404


def test_users_cli_sets_roles_and_resets_passwords(app_context, runner, app):
    make_user("kim@partnership.example", "analyst")
    result = runner.invoke(args=["users", "set-role", "kim@partnership.example", "--role", "board"])
    assert result.exit_code == 0 and "is now board" in result.output
    assert accounts.find_user("kim@partnership.example").role == "board"
    assert runner.invoke(args=["users", "set-role", "kim@partnership.example", "--role", "boss"]).exit_code != 0
    result = runner.invoke(args=["users", "reset-password", "kim@partnership.example"])
    assert result.exit_code == 0
    temporary = result.output.split("is: ", 1)[1].split()[0]
    db.session.expire_all()
    user = accounts.find_user("kim@partnership.example")
    assert user.must_change_password and accounts.check_password("kim@partnership.example", temporary).ok
    assert [e.action for e in events()][-2:] == ["user.role", "user.reset_password"]


def test_audit_log_says_when_in_uk_time_and_refuses_to_before_from(admin_client):
    db.session.add(AuditEvent(action="export.csv", target="Summer", actor_email="a@partnership.example",
                              occurred_at=datetime(2026, 7, 1, 23, 30, 5)))
    db.session.add(AuditEvent(action="export.csv", target="Winter", actor_email="a@partnership.example",
                              occurred_at=datetime(2026, 1, 15, 9, 0, 0)))
    db.session.commit()
    html = page(admin_client.get("/staff/audit?action=export.csv"))
    assert html.select("#audit-table th")[0].get_text() == "When (UK time)"
    when = [tr.select("td")[0].get_text(strip=True) for tr in html.select("#audit-table tbody tr")]
    assert when == ["2 Jul 2026, 00:30:05 BST", "15 Jan 2026, 09:00:00 GMT"]
    # A UK day filter counts by UK days: 00:30 BST on 2 July is 2 July.
    second = page(admin_client.get("/staff/audit?action=export.csv&date_from=2&date_from=7&date_from=2026"
                                   "&date_to=2&date_to=7&date_to=2026"))
    assert [tr.select("td")[3].get_text(strip=True) for tr in second.select("#audit-table tbody tr")] == ["Summer"]
    backwards = page(admin_client.get("/staff/audit?date_from=5&date_from=7&date_from=2026"
                                      "&date_to=1&date_to=7&date_to=2026"))
    assert "The “to” date must be the same as or after the “from” date" in \
        backwards.select_one(".govuk-error-summary").get_text()


def test_every_audit_action_has_plain_words():
    from webapp.audit import ACTION_WORDS, ACTIONS

    assert set(ACTION_WORDS) == set(ACTIONS)
    assert all(words[0].isupper() and "." not in words for words in ACTION_WORDS.values())
