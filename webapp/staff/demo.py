"""Demo staff for `make run`: one account per role, without two-factor, only
under the DEMO configuration."""

from __future__ import annotations

from flask import current_app

from webapp.extensions import db
from webapp.staff import accounts

DEMO_STAFF_PASSWORD = "Northshire-demo-2026"  # nosec B105 # demo accounts, DEMO config only
DEMO_STAFF = tuple((f"{role}@demo.heard.invalid", role) for role in ("admin", "engagement", "analyst", "board"))


def seed_demo_staff() -> list[tuple[str, str]]:
    """One staff user per role, only when DEMO is on. Returns the (email, role)
    pairs that exist, for `flask seed-demo` to print."""
    if not current_app.config.get("DEMO"):
        return []
    for email, role in DEMO_STAFF:
        if accounts.find_user(email) is None:
            accounts.create_user(email, role, DEMO_STAFF_PASSWORD, is_demo=True, totp_required=False)
    db.session.commit()
    return list(DEMO_STAFF)
