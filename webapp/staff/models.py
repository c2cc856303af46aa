"""Staff accounts and their recovery codes."""

from __future__ import annotations

import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db, utcnow


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class StaffUser(UserMixin, db.Model):
    """A member of staff. The login session carries `session_token`, not the id,
    so disabling a user or resetting their two-factor ends every session."""

    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    # Set when someone else chose the password (an administrator, or the CLI):
    # it works once, to sign in and choose one only its owner knows.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)

    totp_secret: Mapped[str | None] = mapped_column(String(64), nullable=True)
    totp_enrolled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    totp_last_step: Mapped[int] = mapped_column(Integer, default=0)
    # Only demo users (DEMO config) may sign in without two-factor.
    totp_required: Mapped[bool] = mapped_column(Boolean, default=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # Opted in to email alerts (staff/alerts.py): new safeguarding flags, consultations
    # opening, closing and getting their first responses. Off until the person turns it on.
    email_alerts: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    recovery_codes: Mapped[list[RecoveryCode]] = relationship(
        back_populates="user", cascade="all, delete-orphan")

    def get_id(self) -> str:
        return self.session_token

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        return bool(self.active)

    @property
    def two_factor_enrolled(self) -> bool:
        return self.totp_secret is not None and self.totp_enrolled_at is not None

    def rotate_session_token(self) -> None:
        self.session_token = new_session_token()


class RecoveryCode(db.Model):
    """A single-use code for signing in without the authenticator app. Only a
    hash is kept; the codes are shown once, at enrolment."""

    __tablename__ = "staff_recovery_code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    user: Mapped[StaffUser] = relationship(back_populates="recovery_codes")
