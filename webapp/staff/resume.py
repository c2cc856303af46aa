"""Keeping a form that was being typed when the idle time-out struck.

A member of staff who types for more than 30 minutes and then presses Save is
signed out by that very request. Rather than throw the form away, Heard keeps
its fields (never a password or the CSRF token) in the server-side session,
tied to that person's account. Once the same person signs in again they land
on /staff/resume, which sends what they typed back to the page it was for,
with a fresh token, at the press of a button: the page then saves it, or shows
it again with its errors, as it would have before the time-out.
"""

from __future__ import annotations

import time

RESUME_KEY = "staff_resume"
# Why a form was kept, which the page offering it says.
TIMED_OUT, TOKEN_EXPIRED = "timed-out", "token-expired"
# Fields that are never kept: the token is replaced, a password is never stored.
NEVER_KEPT = ("csrf_token",)
# A kept form is offered for an hour after the time-out, and only up to this size.
LIFETIME = 60 * 60
MAX_CHARACTERS = 50_000


def kept_fields(form) -> list[tuple[str, str]]:
    """(name, value) pairs worth keeping from a posted form (a MultiDict), in order."""
    fields = [(name, value) for name, values in form.lists() for value in values
              if name not in NEVER_KEPT and "password" not in name.lower()]
    return fields if any(value.strip() for name, value in fields if name != "value") else []


def keep(session, user_id: int, path: str, form, why: str = TIMED_OUT) -> bool:
    """Remember a form posted to `path` by `user_id`; False if there was nothing worth keeping."""
    fields = kept_fields(form)
    if not fields or sum(len(value) for _, value in fields) > MAX_CHARACTERS:
        return False
    session[RESUME_KEY] = {"user_id": user_id, "path": path, "fields": fields, "kept_at": time.time(), "why": why}
    return True


def carry_over(kept: dict | None, user_id: int) -> dict | None:
    """What survives signing in: the kept form, only for the person who typed it, while fresh."""
    if not kept or kept.get("user_id") != user_id or time.time() - kept.get("kept_at", 0) > LIFETIME:
        return None
    return kept
