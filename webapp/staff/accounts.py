"""Staff accounts: password policy and hashing, sign-in with lockout, TOTP
two-factor with recovery codes, and the changes an administrator makes.

Views and CLI commands call these functions and commit; every change is
audited here.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources

import pyotp
import segno
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app
from sqlalchemy import and_, case, func, select, update

from webapp.audit import record_event
from webapp.extensions import db, utcnow
from webapp.staff.access import ROLES
from webapp.staff.models import RecoveryCode, StaffUser

PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 128
MAX_FAILURES = 5
LOCKOUT_CAP_MINUTES = 60
LOCKED_MESSAGE = "There have been too many attempts. Wait a few minutes before you try again."
RECOVERY_CODE_COUNT = 10
TOTP_ISSUER = "Heard"



class AccountError(ValueError):
    """A request an administrator or the CLI made that cannot be carried out."""


# --- passwords -------------------------------------------------------------

@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    text = resources.files("webapp.staff").joinpath("data/common-passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def password_problem(password: str, email: str = "") -> str | None:
    """Why `password` may not be used, as a message for the person, or None."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return f"Enter a password that is at least {PASSWORD_MIN_LENGTH} characters long"
    if len(password) > PASSWORD_MAX_LENGTH:
        return f"Enter a password that is {PASSWORD_MAX_LENGTH} characters or fewer"
    lowered = password.lower()
    if lowered in common_passwords() or _simple_variant(lowered) in common_passwords():
        return "Enter a password that is harder to guess: this one is in lists of common or leaked passwords"
    if len(set(lowered)) < 5:
        return "Enter a password that is harder to guess: use more different characters"
    local_part = email.split("@", 1)[0].lower() if email else ""
    if len(local_part) >= 3 and local_part in lowered:
        return "Enter a password that does not contain your email address"
    return None


def _simple_variant(lowered: str) -> str:
    """The password without the digits and symbols people tack on the end."""
    return lowered.rstrip("0123456789!@#$%^&*?.")


def _hasher() -> PasswordHasher:
    """The app's Argon2id hasher, made once from its ARGON2_PARAMETERS."""
    if "argon2" not in current_app.extensions:
        hasher = PasswordHasher.from_parameters(current_app.config["ARGON2_PARAMETERS"])
        current_app.extensions["argon2"] = hasher
        # Verified against when the email is unknown, so both paths cost the same;
        # made on first use, so a command that signs nobody in never pays for it.
        current_app.extensions["argon2_dummy_hash"] = hasher.hash("heard-timing-equaliser-" + secrets.token_hex(8))
    return current_app.extensions["argon2"]


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _password_matches(user: StaffUser | None, password: str) -> bool:
    try:
        hasher = _hasher()
        stored = user.password_hash if user else current_app.extensions["argon2_dummy_hash"]
        return hasher.verify(stored, password) and user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def generate_temporary_password() -> str:
    words = secrets.token_urlsafe(12)
    return f"{words[:4]}-{words[4:8]}-{words[8:12]}-{words[12:]}"


# --- sign-in ---------------------------------------------------------------

@dataclass(frozen=True)
class SignInResult:
    user: StaffUser | None
    needs_two_factor: bool = False
    needs_enrolment: bool = False

    @property
    def ok(self) -> bool:
        return self.user is not None


def find_user(email: str) -> StaffUser | None:
    return db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == normalise_email(email)))


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def is_locked(user: StaffUser) -> bool:
    return user.locked_until is not None and user.locked_until > utcnow()


# --- counting tries ----------------------------------------------------------
# Every try at a password or second factor is counted *before* it is checked, by
# one UPDATE … RETURNING committed at once, so parallel tries each get their own
# number and see each other's: only the first MAX_FAILURES tries of a cycle are
# ever checked, none while the account is locked, and a right answer is refused
# if the account locked while it was being checked. (Read-then-write counting let
# 30 parallel guesses through.) These are the only commits in this module: a
# count must be stored before the check it guards, not when the view ends.


def _commit_now(statement) -> int:
    """Run one UPDATE and commit it (with anything the session holds, which on
    the sign-in paths is only audit rows); returns how many rows it changed."""
    changed = db.session.execute(statement.execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    return changed


def _commit_returning(statement) -> list:
    """Run one UPDATE … RETURNING and commit it; returns the rows it returned."""
    rows = db.session.execute(statement.execution_options(synchronize_session=False)).all()
    db.session.commit()
    return rows


@dataclass(frozen=True)
class Attempt:
    """One counted try: its number in the cycle, and whether it may be checked."""

    number: int
    refused: bool


def _count_attempt(user: StaffUser) -> Attempt:
    now = utcnow()
    locked = and_(StaffUser.locked_until.is_not(None), StaffUser.locked_until > now)
    statement = (update(StaffUser).where(StaffUser.id == user.id)
                 .values(failed_attempts=case((locked, StaffUser.failed_attempts),
                                              else_=StaffUser.failed_attempts + 1))
                 .returning(StaffUser.failed_attempts, StaffUser.locked_until))
    [(number, locked_until)] = _commit_returning(statement)
    refused = (locked_until is not None and locked_until > now) or number > MAX_FAILURES
    return Attempt(number, refused)


def _locked_now(user: StaffUser) -> bool:
    """Whether the account is locked as the database says now, not as this
    request last read it (a parallel try may just have locked it)."""
    locked_until = db.session.execute(select(StaffUser.locked_until).where(StaffUser.id == user.id)).scalar_one()
    return locked_until is not None and locked_until > utcnow()


def _lock_if_due(user: StaffUser) -> int | None:
    """Lock the account once MAX_FAILURES tries are counted, for 1, 2, 4 …
    minutes (doubling with each lockout, capped at an hour). Of parallel tries,
    exactly one locks: the first UPDATE resets the count the others' WHERE needs.
    Returns the minutes, or None when this try did not lock."""
    due = and_(StaffUser.id == user.id, StaffUser.failed_attempts >= MAX_FAILURES)
    # Both statements in one transaction: the first holds the row (PostgreSQL) or
    # the database (SQLite) until the lock time is written.
    lockouts = db.session.execute(
        update(StaffUser).where(due).values(failed_attempts=0, lockouts=StaffUser.lockouts + 1)
        .returning(StaffUser.lockouts).execution_options(synchronize_session=False)).scalar_one_or_none()
    if lockouts is None:
        return None
    minutes = min(2 ** min(lockouts - 1, 6), LOCKOUT_CAP_MINUTES)
    _commit_now(update(StaffUser).where(StaffUser.id == user.id)
                .values(locked_until=utcnow() + timedelta(minutes=minutes)))
    return minutes


def _uncount_attempt(user: StaffUser) -> None:
    """A right password takes its own try off the count again (the second factor
    is still to come), so signing in never uses up someone's tries."""
    _commit_now(update(StaffUser).where(StaffUser.id == user.id, StaffUser.failed_attempts > 0)
                .values(failed_attempts=StaffUser.failed_attempts - 1))


def register_failure(user: StaffUser, reason: str, attempt: Attempt | None = None) -> None:
    """Record a failed try (counting it now unless `attempt` already did) and
    lock the account when it is due."""
    if attempt is None:
        attempt = _count_attempt(user)
    record_event("auth.sign_in_failed", target=user.email,
                 detail="account locked" if attempt.refused else reason, user=None)
    minutes = _lock_if_due(user)
    if minutes is not None:
        record_event("auth.locked", target=user.email, detail=f"locked for {minutes} minute(s)", user=None)


def check_password(email: str, password: str, *, demo_allowed: bool = False) -> SignInResult:
    """The first sign-in step. Failures never say whether the account exists;
    the password is checked (Argon2) on every path, so all cost the same."""
    user = find_user(email)
    if user is None or not user.active:
        _password_matches(user, password)
        detail = "unknown account" if user is None else "account disabled"
        record_event("auth.sign_in_failed", target=user.email if user else "", detail=detail, user=None)
        return SignInResult(None)
    attempt = _count_attempt(user)
    matches = _password_matches(user, password)
    if attempt.refused or not matches:
        register_failure(user, "wrong password", attempt)
        return SignInResult(None)
    if _locked_now(user):
        record_event("auth.sign_in_failed", target=user.email, detail="account locked", user=None)
        return SignInResult(None)
    _uncount_attempt(user)
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if user.two_factor_enrolled:
        return SignInResult(user, needs_two_factor=True)
    if user.totp_required or not (demo_allowed and user.is_demo):
        return SignInResult(user, needs_enrolment=True)
    return SignInResult(user)


def complete_sign_in(user: StaffUser, *, method: str = "password") -> None:
    user.failed_attempts = 0
    user.lockouts = 0
    user.locked_until = None
    user.last_sign_in_at = utcnow()
    record_event("auth.sign_in", target=user.email, detail=method, user=user)


# --- two-factor ------------------------------------------------------------

def new_totp_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str, issuer: str = TOTP_ISSUER) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer)


def qr_code_data_uri(uri: str) -> str:
    """An SVG QR code as a data: URI (the CSP allows data: images)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=4, dark="#0b0c0c", light="#ffffff")


def _totp_step(secret: str, code: str, last_step: int) -> int | None:
    """The time step `code` matches (one step either side), or None. A step at or
    before `last_step` was already used and is refused (no replay)."""
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(datetime.now(UTC))
    for step in (current - 1, current, current + 1):
        if step > last_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def verify_enrolment(user: StaffUser, secret: str, code: str) -> list[str] | None:
    """Finish enrolment when `code` is right: store the secret, make recovery
    codes and return them (the only time they are seen)."""
    step = _totp_step(secret, code, 0)
    if step is None:
        return None
    user.totp_secret = secret
    user.totp_enrolled_at = utcnow()
    user.totp_last_step = step
    codes = _replace_recovery_codes(user)
    record_event("auth.2fa_enrolled", target=user.email, user=user)
    return codes


def verify_second_factor(user: StaffUser, code: str) -> str | None:
    """Check a TOTP code or an unused recovery code. Returns "totp",
    "recovery code" or None. Each try is counted before it is checked (see
    `_count_attempt`); a right code is refused if the account locked meanwhile,
    and is claimed by a conditional UPDATE, so parallel tries cannot use one twice."""
    if not user.active or not user.two_factor_enrolled:
        return None
    attempt = _count_attempt(user)
    step = None if attempt.refused else _totp_step(user.totp_secret or "", code, user.totp_last_step or 0)
    recovery = None if attempt.refused or step is not None else _matching_recovery_code(user, code)
    if step is None and recovery is None:
        register_failure(user, "wrong two-factor code", attempt)
        return None
    if _locked_now(user):
        record_event("auth.sign_in_failed", target=user.email, detail="account locked", user=None)
        return None
    method = _claim_totp_step(user, step) if step is not None else _claim_recovery_code(recovery)
    if method is None:
        register_failure(user, "two-factor code already used", attempt)
        return None
    if method == "recovery code":
        record_event("auth.recovery_code_used", target=user.email, user=user)
    return method


def _claim_totp_step(user: StaffUser, step: int) -> str | None:
    """Mark `step` used unless a parallel request already used it (or a later one)."""
    claimed = _commit_now(update(StaffUser).where(StaffUser.id == user.id, StaffUser.totp_last_step < step)
                          .values(totp_last_step=step))
    return "totp" if claimed == 1 else None


def _claim_recovery_code(recovery: RecoveryCode) -> str | None:
    claimed = _commit_now(update(RecoveryCode)
                          .where(RecoveryCode.id == recovery.id, RecoveryCode.used_at.is_(None))
                          .values(used_at=utcnow()))
    return "recovery code" if claimed == 1 else None


def _normalise_recovery(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


def _recovery_hash(code: str) -> str:
    # Recovery codes are 50 random bits, so a plain SHA-256 is enough (no
    # dictionary to try); a slow hash would only make ten checks slow.
    return hashlib.sha256(_normalise_recovery(code).encode()).hexdigest()


def _matching_recovery_code(user: StaffUser, code: str) -> RecoveryCode | None:
    if len(_normalise_recovery(code)) != 10:
        return None
    wanted = _recovery_hash(code)
    for recovery in user.recovery_codes:
        if recovery.used_at is None and hmac.compare_digest(recovery.code_hash, wanted):
            return recovery
    return None


def _replace_recovery_codes(user: StaffUser) -> list[str]:
    user.recovery_codes.clear()
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(alphabet) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
        user.recovery_codes.append(RecoveryCode(code_hash=_recovery_hash(raw)))
    return codes


def unused_recovery_codes(user: StaffUser) -> int:
    return sum(1 for code in user.recovery_codes if code.used_at is None)


def set_email_alerts(user: StaffUser, on: bool) -> None:
    if user.email_alerts != on:
        user.email_alerts = on
        record_event("user.email_alerts", target=user.email, detail="on" if on else "off")


# --- administration ----------------------------------------------------------

def create_user(email: str, role: str, password: str, *, actor=None, is_demo: bool = False,
                totp_required: bool = True, must_change_password: bool = False) -> StaffUser:
    email = normalise_email(email)
    if "@" not in email or len(email) > 254 or email.startswith("@") or email.endswith("@"):
        raise AccountError("Enter an email address in the correct format, like name@example.org")
    if role not in ROLES:
        raise AccountError(f"Select a role: one of {', '.join(ROLES)}")
    if find_user(email) is not None:
        raise AccountError("There is already a user with that email address")
    problem = password_problem(password, email)
    if problem:
        raise AccountError(problem)
    user = StaffUser(email=email, role=role, password_hash=hash_password(password),
                     is_demo=is_demo, totp_required=totp_required, must_change_password=must_change_password)
    db.session.add(user)
    db.session.flush()
    record_event("user.create", target=email, detail=f"role {role}", user=actor)
    return user


def change_password(user: StaffUser, current: str, new: str) -> tuple[str, str] | None:
    """Replace a signed-in user's password once their current one is confirmed.
    Returns (field, message) saying what is wrong, or None once changed. A wrong
    current password counts towards the lockout, and the change ends the
    account's other sessions."""
    attempt = _count_attempt(user)
    if attempt.refused:
        register_failure(user, "wrong password at password change", attempt)
        return "current_password", LOCKED_MESSAGE
    if not _password_matches(user, current):
        register_failure(user, "wrong password at password change", attempt)
        return "current_password", "Your current password is not right"
    _uncount_attempt(user)
    if _password_matches(user, new):
        return "new_password", "Enter a new password, not the one you have now"
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.password_changed_at = utcnow()
    user.failed_attempts = 0
    user.rotate_session_token()
    record_event("user.password_change", target=user.email, user=user)
    return None


def set_active(user: StaffUser, active: bool, *, actor=None) -> None:
    if actor is not None and getattr(actor, "id", None) == user.id and not active:
        raise AccountError("You cannot disable your own account")
    user.active = active
    user.rotate_session_token()
    record_event("user.enable" if active else "user.disable", target=user.email, user=actor)


def reset_two_factor(user: StaffUser, *, actor=None) -> None:
    user.totp_secret = None
    user.totp_enrolled_at = None
    user.totp_last_step = 0
    user.recovery_codes.clear()
    user.rotate_session_token()
    record_event("user.reset_2fa", target=user.email, user=actor)


def change_role(user: StaffUser, role: str, *, actor=None) -> None:
    """Give someone another role. Nobody changes their own (another administrator
    does), so the partnership can never be left without an administrator by a slip."""
    if role not in ROLES:
        raise AccountError(f"Select a role: one of {', '.join(ROLES)}")
    if actor is not None and getattr(actor, "id", None) == user.id:
        raise AccountError("You cannot change your own role. Ask another administrator.")
    if role == user.role:
        return
    previous, user.role = user.role, role
    record_event("user.role", target=user.email, detail=f"{previous} -> {role}", user=actor)


def reset_password(user: StaffUser, *, actor=None) -> str:
    """Give someone a new temporary password, returned once for the
    administrator to pass on. It works only to sign in and choose their own
    (`must_change_password`), and their other sessions end now."""
    password = generate_temporary_password()
    user.password_hash = hash_password(password)
    user.must_change_password = True
    user.rotate_session_token()
    record_event("user.reset_password", target=user.email, user=actor)
    return password


def administrators() -> list[str]:
    """Email addresses of the active administrators: who to ask for another role."""
    return list(db.session.scalars(select(StaffUser.email).where(StaffUser.role == "admin",
                                                                 StaffUser.active.is_(True))
                                   .order_by(StaffUser.email)))


def list_users() -> list[StaffUser]:
    return list(db.session.scalars(select(StaffUser).order_by(StaffUser.email)))


def user_by_id(user_id: int) -> StaffUser | None:
    return db.session.get(StaffUser, user_id)


def load_user_by_token(token: str) -> StaffUser | None:
    if not token:
        return None
    user = db.session.scalar(select(StaffUser).where(StaffUser.session_token == token))
    return user if user is not None and user.active else None
