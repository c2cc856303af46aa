"""The text-free counts a purge leaves behind (see `webapp.retention.purge`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db


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
