"""Who may do what on the staff side: roles, the permission matrix, and the
`permission_required` decorator every staff view carries.

| permission       | admin | engagement | analyst | board |
|------------------|:-----:|:----------:|:-------:|:-----:|
| build            |   ✓   |     ✓      |         |       |
| publish          |   ✓   |     ✓      |         |       |
| moderate         |   ✓   |     ✓      |         |       |
| view_free_text   |   ✓   |     ✓      |    ✓    |       |
| code_themes      |   ✓   |     ✓      |    ✓    |       |
| export           |   ✓   |     ✓      |    ✓    |       |
| view_reports     |   ✓   |     ✓      |    ✓    |   ✓   |
| publish_actions  |   ✓   |     ✓      |         |   ✓   |
| manage_users     |   ✓   |            |         |       |
| view_audit       |   ✓   |            |         |       |

Analysts read and theme free text and export redacted data, but moderation
(redacting, hiding, safeguarding flags) stays with the engagement team, who are
accountable for what is published. The board sees summaries only: never raw
free text outside the quotes a report chooses.

`SIGNED_IN` is the pseudo-permission every role has: pages any staff member
may open (the staff home, sign out, two-factor settings).

Every decorated view is recorded in `ROUTE_PERMISSIONS` and carries
`view.heard_permission`, so the route x role matrix test finds routes added by
any blueprint without a list to keep up to date.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort, make_response, redirect, render_template, request, url_for
from flask_login import current_user

ROLES = ("admin", "engagement", "analyst", "board")

ROLE_LABELS = {
    "admin": "Administrator",
    "engagement": "Engagement team",
    "analyst": "Analyst",
    "board": "Board member",
}

SIGNED_IN = "signed_in"

ALL_PERMISSIONS = frozenset({
    "build", "publish", "moderate", "view_free_text", "code_themes", "export",
    "view_reports", "publish_actions", "manage_users", "view_audit",
})

PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": ALL_PERMISSIONS | {SIGNED_IN},
    "engagement": frozenset({"build", "publish", "moderate", "view_free_text", "code_themes",
                             "export", "view_reports", "publish_actions", SIGNED_IN}),
    "analyst": frozenset({"view_free_text", "code_themes", "export", "view_reports", SIGNED_IN}),
    "board": frozenset({"view_reports", "publish_actions", SIGNED_IN}),
}

# "module.qualname" of each protected view -> the permission it needs.
ROUTE_PERMISSIONS: dict[str, str] = {}


def can(user, permission: str) -> bool:
    """True when `user` is a signed-in, active staff member whose role has `permission`."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    return permission in PERMISSIONS.get(getattr(user, "role", ""), frozenset())


def permission_required(permission: str) -> Callable:
    """Anonymous -> 302 to the sign-in page (with ?next=); wrong role -> 403 page.

    Put it under the route decorator:

        @bp.get("/consultations")
        @permission_required("build")
        def consultations(): ...
    """
    if permission != SIGNED_IN and permission not in ALL_PERMISSIONS:
        raise ValueError(f"Unknown permission {permission!r}")

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(url_for("staff.sign_in", next=_next_path()))
            if not can(current_user, permission):
                abort(make_response(render_template("staff/forbidden.html"), 403))
            return view(*args, **kwargs)

        wrapper.heard_permission = permission  # type: ignore[attr-defined]
        ROUTE_PERMISSIONS[f"{view.__module__}.{view.__qualname__}"] = permission
        return wrapper

    return decorator


def staff_required(view: Callable) -> Callable:
    """Any signed-in staff member, whatever their role."""
    return permission_required(SIGNED_IN)(view)


def _next_path() -> str:
    path = request.full_path if request.query_string else request.path
    return path if request.method == "GET" else request.path
