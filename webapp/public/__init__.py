"""Pages for survivors and service users: anonymous, no-store, with the exit control."""

from webapp.public.routes import bp

__all__ = ["bp"]
