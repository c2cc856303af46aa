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
