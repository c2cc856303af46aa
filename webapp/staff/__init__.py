"""Pages for staff: sign-in with two-factor, users, the audit log. Every view
is guarded by `webapp.staff.access.permission_required`.

`bp` is imported lazily, so `webapp.staff.access` and `webapp.staff.models`
can be imported by services without pulling in the routes."""

__all__ = ["bp"]


def __getattr__(name: str):
    if name == "bp":
        from webapp.staff.routes import bp

        return bp
    raise AttributeError(name)
