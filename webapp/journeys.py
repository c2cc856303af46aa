"""What every anonymous journey shares (feedback, answering or reviewing a
consultation, the group view): rate limiting that keeps what was typed, the
rows of a check-your-answers page, and ending the visit.

Each journey keeps its state in the server-side session under its own key and
ends it on its thank-you page; the templates share one step shell, one check
page and one thank-you page (`templates/journeys/`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flask import current_app
from limits import parse

from webapp.extensions import limiter
from webapp.privacy import rate_limit_key


def post_allowed() -> bool:
    """Count one journey post against FEEDBACK_RATE_LIMIT. A person who is slowed
    down gets the form again with what they typed, not a bare 429 page."""
    return throttle_allows("FEEDBACK_RATE_LIMIT", "feedback-post")


def throttle_allows(setting: str, bucket: str) -> bool:
    """Count one try against the limit in config `setting`, per visitor (the
    salted hash of their address, `privacy.rate_limit_key`) in its own `bucket`,
    so staff sign-in or wrong access codes never use up a respondent's posts."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    limit = _parsed(current_app.config[setting])
    return limiter.limiter.hit(limit, bucket, rate_limit_key())


@cache
def _parsed(limit: str):
    return parse(limit)


def end_session(session) -> None:
    """Forget everything the visit held: the cookie is deleted on this response."""
    session.clear()


@dataclass(frozen=True)
class SummaryRow:
    """One answer on a check-your-answers page, and the step that changes it."""

    question: str
    answer: str
    step: str


@dataclass(frozen=True)
class SummarySection:
    title: str
    rows: tuple[SummaryRow, ...]
