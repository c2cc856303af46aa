"""Pages for staff: sign-in with two-factor, users, the audit log. Every view
is guarded by `webapp.staff.access.permission_required`."""

from webapp.staff.routes import bp

__all__ = ["bp"]
