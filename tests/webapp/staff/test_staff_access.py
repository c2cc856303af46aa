"""Every staff route, found from the URL map, refuses anonymous users and the
wrong roles, lets the right roles in, and needs a CSRF token on every POST.
Routes other blueprints add under /staff are covered without listing them."""

from __future__ import annotations

import pytest
from werkzeug.routing import Rule

from tests.webapp.helpers import make_user, sign_in_as
from webapp.staff.access import PERMISSIONS, ROLES, ROUTE_PERMISSIONS, SIGNED_IN, can, permission_required
from webapp.staff.views import OPEN_ENDPOINTS

METHODS = ("GET", "POST")


def staff_rules(app) -> list[Rule]:
    return sorted((rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/staff")),
                  key=lambda rule: rule.rule)


def url_for_rule(rule: Rule, target_id: int) -> str:
    values = {}
    for name, converter in rule._converters.items():
        values[name] = target_id if type(converter).__name__ == "IntegerConverter" else "x"
    return rule.build(values, append_unknown=False)[1]


def protected(app):
    """(rule, method, permission) for every guarded staff route."""
    for rule in staff_rules(app):
        if rule.endpoint in OPEN_ENDPOINTS:
            continue
        permission = getattr(app.view_functions[rule.endpoint], "heard_permission", None)
        for method in METHODS:
            if method in rule.methods:
                yield rule, method, permission


def test_every_staff_route_declares_a_permission(app):
    rules = staff_rules(app)
    assert len(rules) >= 10
    missing = [rule.endpoint for rule in rules if rule.endpoint not in OPEN_ENDPOINTS
               and not hasattr(app.view_functions[rule.endpoint], "heard_permission")]
    assert missing == [], "Staff routes without permission_required: " + ", ".join(missing)
    assert set(ROUTE_PERMISSIONS.values()) <= set().union(*PERMISSIONS.values())


# Who may open what is decided before a view reads the database; every page is read on
# PostgreSQL too, by the hostile query sweep (test_hostile_input.py).
@pytest.mark.one_database
def test_matrix_anonymous_wrong_role_right_role(app_context, app):
    users = {role: make_user(f"{role}@partnership.example", role) for role in ROLES}
    target = make_user("target@partnership.example", "board")
    checked = 0
    for rule, method, permission in protected(app):
        url = url_for_rule(rule, target.id)
        anonymous = app.test_client().open(url, method=method)
        assert anonymous.status_code == 302, (method, url)
        assert anonymous.location.startswith("/staff/sign-in"), (method, url)
        for role, user in users.items():
            client = app.test_client()
            sign_in_as(client, user)
            response = client.open(url, method=method)
            where = (method, url, role, permission)
            if permission in PERMISSIONS[role]:
                assert response.status_code != 403, where
                assert not (response.location or "").startswith("/staff/sign-in"), where
                assert response.status_code < 500, where
            else:
                assert response.status_code == 403, where
                assert "You cannot open this page" in response.get_data(as_text=True)
            checked += 1
    assert checked >= 4 * 8


def test_the_matrix_as_documented():
    assert can(None, "view_reports") is False
    # The board publishes its own actions' public text (issue 14); analysts record actions but do not.
    assert PERMISSIONS["board"] == frozenset({"view_reports", "publish_actions", SIGNED_IN})
    assert "publish_actions" in PERMISSIONS["engagement"] and "publish_actions" not in PERMISSIONS["analyst"]
    assert "manage_users" in PERMISSIONS["admin"] and "view_audit" in PERMISSIONS["admin"]
    for role in ("engagement", "analyst", "board"):
        assert "manage_users" not in PERMISSIONS[role] and "view_audit" not in PERMISSIONS[role]
    assert {"build", "publish", "moderate"} <= PERMISSIONS["engagement"]
    assert not {"build", "publish", "moderate"} & PERMISSIONS["analyst"]
    assert {"view_free_text", "export"} <= PERMISSIONS["analyst"]


def test_unknown_permission_is_refused_at_import():
    with pytest.raises(ValueError):
        permission_required("do_anything")


def test_disabled_user_is_treated_as_anonymous(app_context, app):
    user = make_user("gone@partnership.example", "admin")
    user.active = False
    client = app.test_client()
    sign_in_as(client, user)
    assert client.get("/staff/").status_code == 302


@pytest.mark.one_database  # the token is checked before any view runs
@pytest.mark.parametrize("app_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_every_staff_post_needs_a_csrf_token(app_context, app, app_overrides):
    admin = make_user("admin@partnership.example", "admin")
    target = make_user("target@partnership.example", "board")
    posts = [rule for rule in staff_rules(app) if "POST" in rule.methods]
    assert len(posts) >= 6
    for rule in posts:
        url = url_for_rule(rule, target.id)
        for signed_in in (False, True):
            client = app.test_client()
            if signed_in:
                sign_in_as(client, admin)
            response = client.post(url, data={"email": admin.email, "password": "x" * 12})
            # Nothing is done: an error, or (signed in) what was typed is kept to send again with a token.
            kept = signed_in and response.status_code == 302 and response.location.endswith("/staff/resume")
            assert response.status_code == 400 or kept, (url, signed_in)
    target_after = app.extensions["sqlalchemy"].session.get(type(target), target.id)
    assert target_after.active


def test_staff_pages_do_not_show_the_public_exit_control(app_context, app):
    admin = make_user("admin@partnership.example", "admin")
    client = app.test_client()
    sign_in_as(client, admin)
    for path in ("/staff/", "/staff/users", "/staff/users/new", "/staff/audit", "/staff/sign-in"):
        response = client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        text = response.get_data(as_text=True)
        assert "govuk-exit-this-page" not in text and "Exit this page" not in text, path
        assert response.headers["Cache-Control"] == "no-store"
