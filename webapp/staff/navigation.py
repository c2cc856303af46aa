"""The staff navigation: an item shows only when the signed-in user's role has
its permission."""

from __future__ import annotations

from dataclasses import dataclass

from flask import request, url_for
from flask_login import current_user

from webapp.staff.access import SIGNED_IN, can


@dataclass(frozen=True)
class NavItem:
    text: str
    endpoint: str
    permission: str


# The whole menu, in order, in one place: rooms name their pages here rather
# than registering themselves.
NAV_ITEMS = (
    NavItem("Home", "staff.home", SIGNED_IN),
    NavItem("Consultations", "consultations.index", "build"),
    NavItem("Consultation results", "consultation_results.index", "view_reports"),
    NavItem("Feedback", "feedback_admin.index", "view_free_text"),
    NavItem("Themes", "themes.index", "code_themes"),
    NavItem("Reports", "reports.index", "view_reports"),
    NavItem("Users", "staff.users", "manage_users"),
    NavItem("Audit log", "staff.audit_log", "view_audit"),
)


def staff_navigation() -> list[dict]:
    items = []
    for item in NAV_ITEMS:
        if not can(current_user, item.permission):
            continue
        href = url_for(item.endpoint)
        active = (request.endpoint == item.endpoint
                  or (item.endpoint != "staff.home"
                      and request.endpoint and request.endpoint.split(".")[0] == item.endpoint.split(".")[0]
                      and item.endpoint.split(".")[0] != "staff")
                  or (request.path.startswith(href) and href != url_for("staff.home")))
        items.append({"text": item.text, "href": href, "active": active})
    return items
