"""Quotes marked for publication: the only free text the service-user group
and the public "you said, we did" pages ever show."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db


class PublishedQuote(db.Model):
    """A redacted free-text item staff marked as fit to publish (to the group
    and on the public "you said, we did" pages)."""

    __tablename__ = "published_quote"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    marked_on: Mapped[date] = mapped_column(Date, default=date.today)
    marked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)


class SafeguardingReview(db.Model):
    """Staff have read a flagged response or group comment and followed the
    partnership's safeguarding procedure for it. Added once and never
    changed: the board's panel counts these, so a review cannot be undone by
    accident. `ref` is ``feedback:<response id>``, ``consultation:<response id>``
    or ``group:<comment id>``; no text is kept here."""

    __tablename__ = "safeguarding_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    reviewed_on: Mapped[date] = mapped_column(Date, default=date.today)
    reviewed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)
