"""The staff navigation. Other staff blueprints add their pages with
`add_nav_item`; an item shows only when its endpoint exists and the signed-in
user's role has its permission."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request, url_for
from flask_login import current_user

from webapp.staff.access import SIGNED_IN, can


@dataclass(frozen=True)
class NavItem:
    text: str
    endpoint: str
    permission: str
    order: int


NAV_ITEMS: list[NavItem] = []


def add_nav_item(text: str, endpoint: str, permission: str, order: int = 50) -> None:
    if any(item.endpoint == endpoint for item in NAV_ITEMS):
        return
    NAV_ITEMS.append(NavItem(text, endpoint, permission, order))
    NAV_ITEMS.sort(key=lambda item: item.order)


# Pages still to be built are listed here so the order is fixed in one place;
# they appear once a blueprint registers the endpoint.
add_nav_item("Home", "staff.home", SIGNED_IN, 0)
add_nav_item("Consultations", "consultations.index", "build", 10)
add_nav_item("Feedback", "feedback_admin.index", "view_free_text", 20)
add_nav_item("Reports", "reports.index", "view_reports", 30)
add_nav_item("Users", "staff.users", "manage_users", 80)
add_nav_item("Audit log", "staff.audit_log", "view_audit", 90)


def staff_navigation() -> list[dict]:
    items = []
    for item in NAV_ITEMS:
        if item.endpoint not in current_app.view_functions or not can(current_user, item.permission):
            continue
        href = url_for(item.endpoint)
        active = (request.endpoint == item.endpoint
                  or (item.endpoint != "staff.home"
                      and request.endpoint and request.endpoint.split(".")[0] == item.endpoint.split(".")[0]
                      and item.endpoint.split(".")[0] != "staff")
                  or (request.path.startswith(href) and href != url_for("staff.home")))
        items.append({"text": item.text, "href": href, "active": active})
    return items
