"""What the board receives and what goes back: quotes chosen for publication,
the actions ledger, the service-user group's view, and the text-free theme
aggregates that outlive purged responses.

A report's `scope` is the key from `webapp.themes.scope` (a consultation, or a
feedback quarter or date range).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.crypto import EncryptedText
from webapp.extensions import db
from webapp.staff.models import StaffUser

ACTION_STATUSES = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "not_doing": "Not doing",
}


class PublishedQuote(db.Model):
    """A redacted free-text item staff marked as fit to publish (to the group
    and on the public "you said, we did" pages)."""

    __tablename__ = "published_quote"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    marked_on: Mapped[date] = mapped_column(Date, default=date.today)
    marked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)


class BoardAction(db.Model):
    """What the board will do about a theme. Changes are kept as updates."""

    __tablename__ = "board_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(80), index=True)
    theme_code: Mapped[str] = mapped_column(String(60), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner_org: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    # Required when the status is "not doing": the public page says why.
    reason: Mapped[str] = mapped_column(Text, default="")
    created_on: Mapped[date] = mapped_column(Date, default=date.today)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)

    created_by: Mapped[StaffUser | None] = relationship()
    updates: Mapped[list[BoardActionUpdate]] = relationship(
        back_populates="action", order_by="BoardActionUpdate.id", cascade="all, delete-orphan")

    @property
    def status_label(self) -> str:
        return ACTION_STATUSES[self.status]


class BoardActionUpdate(db.Model):
    """A dated update to an action: progress notes and status changes, never edited."""

    __tablename__ = "board_action_update"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("board_action.id"), index=True)
    recorded_on: Mapped[date] = mapped_column(Date, default=date.today)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)

    action: Mapped[BoardAction] = relationship(back_populates="updates")
    recorded_by: Mapped[StaffUser | None] = relationship()


class GroupAccessCode(db.Model):
    """The service-user group's code for themed summaries of feedback periods
    (consultation summaries use the consultation's own review code). Stored
    hashed; the newest row is the current code."""

    __tablename__ = "group_access_code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[date] = mapped_column(Date, default=date.today)
    issued_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)


class GroupPriority(db.Model):
    """One group member's "this theme matters most to me" for a scope."""

    __tablename__ = "group_priority"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(80), index=True)
    theme_code: Mapped[str] = mapped_column(String(60))
    submitted_on: Mapped[date] = mapped_column(Date, default=date.today)


class GroupComment(db.Model):
    """A group member's anonymous comment on a theme (redacted before storage)."""

    __tablename__ = "group_comment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(80), index=True)
    theme_code: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(EncryptedText)
    submitted_on: Mapped[date] = mapped_column(Date, default=date.today)


class ThemeAggregate(db.Model):
    """Counts that survive the retention purge: per source, month, service and
    theme, with no text. `theme_code` "" counts all responses."""

    __tablename__ = "theme_aggregate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(20))  # feedback | consultation
    consultation_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation.id", ondelete="SET NULL"), index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id", ondelete="SET NULL"))
    month: Mapped[date] = mapped_column(Date, index=True)
    theme_code: Mapped[str] = mapped_column(String(60), default="")
    responses: Mapped[int] = mapped_column(Integer, default=0)
    sentiment_sum: Mapped[float] = mapped_column(Float, default=0.0)
    positive: Mapped[int] = mapped_column(Integer, default=0)
    neutral: Mapped[int] = mapped_column(Integer, default=0)
    negative: Mapped[int] = mapped_column(Integer, default=0)
