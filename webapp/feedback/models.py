"""Feedback's tables: the services the partnership asks about and the anonymous
responses. Free text columns only ever hold redacted text, encrypted (`webapp.crypto`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.channels import LANGUAGE_MAX, ONLINE
from webapp.crypto import EncryptedJSON, EncryptedText
from webapp.extensions import RandomId, db, random_id


class Service(db.Model):
    """A service the partnership asks about, and lists under Get help now."""

    __tablename__ = "service"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(String(400), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    opening_hours: Mapped[str] = mapped_column(String(200), default="")
    # Closed services stay in the database so old feedback keeps its service,
    # but drop out of the journey and the directory.
    accepting_feedback: Mapped[bool] = mapped_column(Boolean, default=True)
    listed_in_directory: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    responses: Mapped[list[FeedbackResponse]] = relationship(back_populates="service")


class FeedbackResponse(db.Model):
    """One anonymous piece of feedback. No identifiers, no time of day."""

    __tablename__ = "feedback_response"

    id: Mapped[int] = mapped_column(RandomId, primary_key=True, default=random_id)
    submitted_on: Mapped[date] = mapped_column(Date, index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), index=True)
    other_service: Mapped[str] = mapped_column(EncryptedText, default="")

    ease: Mapped[str] = mapped_column(String(20), default="")
    listened: Mapped[str] = mapped_column(String(20), default="")
    overall: Mapped[str] = mapped_column(String(20), default="")

    what_helped: Mapped[str] = mapped_column(EncryptedText, default="")
    could_be_better: Mapped[str] = mapped_column(EncryptedText, default="")
    # Words Heard redacted that the writer put back on the check page, one
    # "field<TAB>kind<TAB>word" a line: moderation shows them for staff to check.
    restored_words: Mapped[str] = mapped_column(EncryptedText, default="")
    # The language the free text is written in (analysis.language, ISO 639-1: "pl"), "" when
    # unknown; text Heard cannot read is marked in moderation until staff translate it.
    text_language: Mapped[str] = mapped_column(String(8), default="", server_default="")
    # {field: English working translation} added by staff in moderation; the original stays.
    working_translations: Mapped[dict | None] = mapped_column(EncryptedJSON, default=None)

    age_band: Mapped[str] = mapped_column(String(20), default="")
    gender: Mapped[str] = mapped_column(String(20), default="")
    disability: Mapped[str] = mapped_column(String(20), default="")
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    sexuality: Mapped[str] = mapped_column(String(20), default="")

    risk_flagged: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # Comma-separated risk categories (never the matching words: staff need the
    # kind of risk, not more of the writer's text).
    # Derived from what was written ("suicidal"): encrypted like the text itself.
    risk_categories: Mapped[str] = mapped_column(EncryptedText, default="")

    # Moderation, as for consultation responses: hidden responses leave reports.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden_reason: Mapped[str] = mapped_column(String(200), default="")
    safeguarding_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    # How it reached Heard (`webapp.channels`): online, or keyed in by staff from
    # paper or with a worker's help; an interpreter's language. Never who keyed it.
    channel: Mapped[str] = mapped_column(String(20), default=ONLINE, server_default=ONLINE)
    channel_language: Mapped[str] = mapped_column(String(LANGUAGE_MAX), default="", server_default="")
    # Given through the Easy Read version of the journey (`feedback.easy_read`): the board
    # can see Easy Read responses separately.
    easy_read: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    service: Mapped[Service | None] = relationship(back_populates="responses")

    def working_translation(self, field: str) -> str:
        """Staff's English working translation of one free-text field, or ""."""
        return (self.working_translations or {}).get(field, "")

    def readable_text(self, field: str) -> str:
        """What theming reads: the working translation when there is one, else the original."""
        return self.working_translation(field) or getattr(self, field) or ""


def feedback_ref(response_id: int, field_name: str) -> str:
    """How theming, moderation and publication name one free-text answer: ``f:<id>:<field>``."""
    return f"f:{response_id}:{field_name}"
