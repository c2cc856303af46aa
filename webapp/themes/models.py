"""Theming in the staff area: the partnership's codebook, theming runs and the
codes staff give responses.

A free-text item is named by a `ref` so feedback and consultation answers can
be themed alike: ``f:<feedback id>:<field>`` or ``a:<answer id>`` (see
`webapp.themes.scope`). Nothing here holds respondent text except the run's
report, which carries redacted quotes.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.crypto import EncryptedJSON, EncryptedText
from webapp.extensions import RandomId, db, random_id, utcnow
from webapp.staff.models import StaffUser


class ThemeCode(db.Model):
    """One theme of the partnership's codebook (seeded from PRODUCT.md §4).
    Retired and merged themes stay so old runs and actions keep their names."""

    __tablename__ = "theme_code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    include: Mapped[list] = mapped_column(JSON, default=list)
    exclude: Mapped[list] = mapped_column(JSON, default=list)
    # Short answers in people's words that the theme is about: theming
    # compares responses with them by meaning (analysis.semantic).
    examples: Mapped[list] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # The code this theme was merged into; empty unless merged (then also retired).
    merged_into: Mapped[str] = mapped_column(String(60), default="")
    created_on: Mapped[date] = mapped_column(Date, default=date.today)


class ThemeRun(db.Model):
    """One theming of a scope (a consultation or a feedback period). The latest
    finished run of a scope is the one reports use."""

    __tablename__ = "theme_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(80), index=True)
    status: Mapped[str] = mapped_column(String(20), default="queued")  # queued, running, done, failed
    stage: Mapped[str] = mapped_column(String(60), default="")
    error: Mapped[str] = mapped_column(String(300), default="")
    job_id: Mapped[str] = mapped_column(String(64), default="")
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    started_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)
    n_items: Mapped[int] = mapped_column(Integer, default=0)
    # How many staff-coded examples the run learned from (0: the codebook alone).
    n_coded: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[dict | None] = mapped_column(EncryptedJSON)

    started_by: Mapped[StaffUser | None] = relationship()
    items: Mapped[list[ThemeRunItem]] = relationship(
        back_populates="run", cascade="all, delete-orphan", passive_deletes=True)
    emergent: Mapped[list[EmergentTheme]] = relationship(
        back_populates="run", order_by="EmergentTheme.id", cascade="all, delete-orphan",
        passive_deletes=True)


class ThemeRunItem(db.Model):
    """What a run decided for one free-text item: codes, a confidence per code,
    the words that matched, and sentiment."""

    __tablename__ = "theme_run_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("theme_run.id", ondelete="CASCADE"), index=True)
    ref: Mapped[str] = mapped_column(String(60), index=True)
    codes: Mapped[list] = mapped_column(JSON, default=list)
    scores: Mapped[dict] = mapped_column(JSON, default=dict)
    matched: Mapped[dict] = mapped_column(JSON, default=dict)
    compound: Mapped[float] = mapped_column(Float, default=0.0)
    sentiment: Mapped[str] = mapped_column(String(10), default="neutral")

    run: Mapped[ThemeRun] = relationship(back_populates="items")


class EmergentTheme(db.Model):
    """A group of responses the codebook does not explain, for staff to add to
    the codebook or dismiss."""

    __tablename__ = "theme_emergent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("theme_run.id", ondelete="CASCADE"), index=True)
    # Words copied from the responses in `refs`: encrypted like the responses.
    name: Mapped[str] = mapped_column(EncryptedText)
    terms: Mapped[list] = mapped_column(EncryptedJSON, default=list)
    size: Mapped[int] = mapped_column(Integer, default=0)
    refs: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending, added, dismissed
    added_as: Mapped[str] = mapped_column(String(60), default="")

    run: Mapped[ThemeRun] = relationship(back_populates="emergent")


class StaffCoding(db.Model):
    """The codes a member of staff confirmed or corrected for one item. These are
    the training examples, and they override any run's codes for that item."""

    __tablename__ = "theme_staff_coding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    codes: Mapped[list] = mapped_column(JSON, default=list)
    coded_on: Mapped[date] = mapped_column(Date, default=date.today)
    coded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)

    coded_by: Mapped[StaffUser | None] = relationship()


class TextVector(db.Model):
    """A free-text item's sentence vector (``webapp.themes.vectors``): the
    digest of the text it came from and the vector, encrypted together."""

    __tablename__ = "text_vector"

    # Random, like the answers' own ids: a running number would keep the order
    # answers were stored in.
    id: Mapped[int] = mapped_column(RandomId, primary_key=True, default=random_id)
    ref: Mapped[str] = mapped_column(String(60), unique=True)
    model: Mapped[str] = mapped_column(String(40))
    sealed: Mapped[str] = mapped_column(EncryptedText)
