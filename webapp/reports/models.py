"""What the board keeps: the actions ledger, and what the service-user group
sends back (priorities and comments on a summary's themes). The group's
pages write those (`webapp.group`); the board summary reads them beside what
the data says, so they are the board's data.

A report's `scope` is the key from `webapp.themes.scope` (a consultation, or a
feedback quarter or date range).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.crypto import EncryptedText
from webapp.extensions import db
from webapp.staff.models import StaffUser

# Staff-written public text is a draft until someone with the board's or the
# engagement team's role marks it ready; it can be withdrawn again.
PUBLIC_STATES = {
    "draft": "Draft: not on the public page",
    "published": "Published",
    "withdrawn": "Withdrawn from the public page",
}

ACTION_STATUSES = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "not_doing": "Not doing",
}
# GOV.UK Frontend tag colours: the status word is always shown too, so colour is never the only signal.
STATUS_TAG_CLASSES = {
    "planned": "govuk-tag--blue",
    "in_progress": "govuk-tag--light-blue",
    "done": "govuk-tag--green",
    "not_doing": "govuk-tag--grey",
}
OVERDUE_TAG_CLASS = "govuk-tag--red"
# Statuses still under way: only these can be overdue.
OPEN_STATUSES = ("planned", "in_progress")


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

    public_state: Mapped[str] = mapped_column(String(20), default="draft", server_default="draft")
    published_on: Mapped[date | None] = mapped_column(Date)

    created_by: Mapped[StaffUser | None] = relationship()
    updates: Mapped[list[BoardActionUpdate]] = relationship(
        back_populates="action", order_by="BoardActionUpdate.id", cascade="all, delete-orphan")
    revisions: Mapped[list[BoardActionRevision]] = relationship(
        back_populates="action", order_by="BoardActionRevision.id", cascade="all, delete-orphan")

    @property
    def status_label(self) -> str:
        return ACTION_STATUSES[self.status]

    @property
    def status_tag_class(self) -> str:
        return STATUS_TAG_CLASSES[self.status]

    def is_overdue(self, today: date | None = None) -> bool:
        """Past its due date and neither done nor dropped."""
        return (self.due_on is not None and self.status in OPEN_STATUSES
                and self.due_on < (today or date.today()))


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

    public_state: Mapped[str] = mapped_column(String(20), default="draft", server_default="draft")

    action: Mapped[BoardAction] = relationship(back_populates="updates")
    recorded_by: Mapped[StaffUser | None] = relationship()


class BoardActionRevision(db.Model):
    """What an action's public text said before an edit: the history is kept."""

    __tablename__ = "board_action_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("board_action.id"), index=True)
    changed_on: Mapped[date] = mapped_column(Date, default=date.today)
    description: Mapped[str] = mapped_column(Text)
    owner_org: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    public_state: Mapped[str] = mapped_column(String(20))
    changed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)

    action: Mapped[BoardAction] = relationship(back_populates="revisions")
    changed_by: Mapped[StaffUser | None] = relationship()


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
    # analysis.risk categories of what was typed, comma-separated; such a comment is kept
    # out of the board's quotes and counted instead.
    risk_categories: Mapped[str] = mapped_column(EncryptedText, default="", server_default="")
    # Words redaction took out that the member put back ("kind<TAB>word" a line), for staff
    # to check before the board reads the comment (`webapp.reports.group_comments`).
    restored_words: Mapped[str] = mapped_column(EncryptedText, default="", server_default="")


class GroupMemberCode(db.Model):
    """A single-use code for one member of the service-user group, for one
    summary (`scope`): staff issue them in a batch and hand them out, so each
    member sends priorities and comments once ("2 members said it matters
    most" is two people). Holds no name; `lookup` is a keyed hash of the code
    (group/members.py), so the code is found without keeping it."""

    __tablename__ = "group_member_code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(80), index=True)
    lookup: Mapped[str] = mapped_column(String(64), unique=True)
    issued_on: Mapped[date] = mapped_column(Date, default=date.today)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)
    used_on: Mapped[date | None] = mapped_column(Date, nullable=True)
