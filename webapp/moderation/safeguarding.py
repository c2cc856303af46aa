"""Safeguarding reviews: staff record that they have read a flagged response
or group comment and followed the partnership's safeguarding procedure. The
board's panel counts how many flags are reviewed; the queue lists the rest.
Audited; the audit row names the item, never its text."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from webapp.audit import record_event
from webapp.extensions import db
from webapp.moderation.models import SafeguardingReview

KINDS = ("feedback", "consultation", "group")


def review_ref(kind: str, ident: int) -> str:
    """How a review names what it reviewed: ``feedback:12``, ``consultation:7``, ``group:3``."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    return f"{kind}:{ident}"


def reviewed_refs(refs: Iterable[str]) -> set[str]:
    """Those of `refs` that staff have reviewed."""
    wanted = sorted(set(refs))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        found |= set(db.session.scalars(select(SafeguardingReview.ref)
                                        .where(SafeguardingReview.ref.in_(wanted[start:start + 500]))))
    return found


def reviews(refs: Iterable[str]) -> dict[str, SafeguardingReview]:
    wanted = sorted(set(refs))
    if not wanted:
        return {}
    return {review.ref: review for review in db.session.scalars(
        select(SafeguardingReview).where(SafeguardingReview.ref.in_(wanted)))}


def mark_reviewed(ref: str, user) -> bool:
    """Record the review (audited); False when it was already recorded."""
    if db.session.scalar(select(SafeguardingReview.id).where(SafeguardingReview.ref == ref)) is not None:
        return False
    db.session.add(SafeguardingReview(ref=ref, reviewed_by_id=getattr(user, "id", None)))
    record_event("safeguarding.reviewed", target=ref)
    return True
