"""Submission rate limiting that re-renders the form instead of throwing a 429 page,
so a person who is slowed down keeps everything they typed."""

from __future__ import annotations

from functools import cache

from flask import current_app
from limits import parse

from webapp.extensions import limiter
from webapp.privacy import rate_limit_key


def post_allowed() -> bool:
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    limit = _parsed(current_app.config["FEEDBACK_RATE_LIMIT"])
    return limiter.limiter.hit(limit, "feedback-post", rate_limit_key())


@cache
def _parsed(limit: str):
    return parse(limit)
