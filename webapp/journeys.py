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

from webapp.access_codes import CodeCheck
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


WRONG_CODE = ("That access code is not right. Check it with the person who gave it to you, "
              "and try again.")
STOPPED_CODE = ("This access code has stopped working because it was entered wrongly too many times. "
                "Ask the person who gave it to you for a new one.")


def code_tries_allowed() -> bool:
    """Whether this visitor may try an access code now: ACCESS_CODE_RATE_LIMIT
    wrong codes per visitor, in their own bucket, so wrong codes never use up
    anyone's feedback posts (nor right ones, typed by a whole group in one room)."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    return limiter.limiter.test(_parsed(current_app.config["ACCESS_CODE_RATE_LIMIT"]), "access-code",
                                rate_limit_key())


def code_refused(result: CodeCheck) -> str | None:
    """The message for the code field when a counted try (`access_codes`) was
    not right, having counted it against the visitor; None when it was right."""
    if result.ok:
        return None
    if current_app.config.get("RATELIMIT_ENABLED", True):
        limiter.limiter.hit(_parsed(current_app.config["ACCESS_CODE_RATE_LIMIT"]), "access-code", rate_limit_key())
    return STOPPED_CODE if result.stopped else WRONG_CODE


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
