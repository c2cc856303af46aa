"""The service-user group's view: which scopes it may open, its access code,
and storing what members say (priorities and redacted comments, no identities)."""

from __future__ import annotations

from sqlalchemy import select

from analysis.redaction import redact
from analysis.risk import assess
from webapp.access_codes import MAX_WRONG_TRIES, CodeCheck, check_counted
from webapp.audit import record_event
from webapp.consultations.journey import check_access_code
from webapp.extensions import db
from webapp.feedback.models import GroupAccessCode
from webapp.forms import FREE_TEXT_MAX
from webapp.periods import ScopeError
from webapp.reports.models import GroupComment, GroupPriority
from webapp.themes.scope import Scope, consultation_scope, feedback_quarter

MAX_PRIORITIES = 3
COMMENT_MAX = FREE_TEXT_MAX
# The group sees a consultation once it has closed (before results are published or after).
CONSULTATION_STATUSES = ("closed", "published")


def scope_for(kind: str, ident: str) -> Scope | None:
    """The scope a group URL names, or None when the group cannot see it."""
    if kind == "consultation":
        scope = consultation_scope(ident)
        consultation = scope.consultation()
        return scope if consultation and consultation.status in CONSULTATION_STATUSES else None
    if kind == "feedback":
        try:
            return feedback_quarter(ident)
        except ScopeError:
            return None
    return None


def current_group_code() -> GroupAccessCode | None:
    return db.session.scalar(select(GroupAccessCode).order_by(GroupAccessCode.id.desc()).limit(1))


def has_access_code(scope: Scope) -> bool:
    return _code_holder(scope) is not None


def check_code(scope: Scope, code: str) -> CodeCheck:
    """A counted try at the code for `scope`; when wrong tries stop the code,
    the audit log says so (staff see it on the code's page too)."""
    holder = _code_holder(scope)
    if holder is None:
        return CodeCheck(False)
    if not isinstance(holder, GroupAccessCode):
        return check_access_code(holder, code)
    result = check_counted(holder, code, holder.code_hash)
    if result.just_stopped:
        record_event("group.access_code_locked", target="feedback", user=None,
                     detail=f"stopped after {MAX_WRONG_TRIES} wrong tries in a row; issue a new code")
        db.session.commit()
    return result


def _code_holder(scope: Scope):
    """What keeps the code for `scope`: a group consultation itself; for
    feedback, and for public consultations (which have no code), the group's
    current code. None when there is no code."""
    if scope.kind == "consultation" and scope.consultation().access_code_hash:
        return scope.consultation()
    latest = current_group_code()
    return latest if latest is not None and latest.code_hash else None


def check_view(chosen: list[str], comments: dict[str, str], codes: list[str]) -> dict[str, str]:
    """Field name -> message for what cannot be stored as typed."""
    errors = {}
    if len(chosen) > MAX_PRIORITIES:
        errors["priorities"] = f"Choose up to {MAX_PRIORITIES} themes"
    elif set(chosen) - set(codes):
        errors["priorities"] = "Choose from the themes listed"
    for code, text in comments.items():
        if len(text) > COMMENT_MAX:
            errors[f"comment-{code}"] = f"Keep your comment to {COMMENT_MAX} characters or fewer"
    if not errors and not chosen and not any(text.strip() for text in comments.values()):
        errors["priorities"] = "Choose at least one theme that matters most, or write a comment"
    return errors


def store_view(scope: Scope, chosen: list[str], comments: dict[str, str]) -> bool:
    """Write the priorities and redacted comments; True when what was written
    suggests someone may be in danger (the thank-you page then leads with help)."""
    texts = {code: text.strip() for code, text in comments.items() if text.strip()}
    risk = assess("\n".join(texts.values()))
    db.session.add_all(GroupPriority(scope=scope.key, theme_code=code) for code in chosen)
    db.session.add_all(GroupComment(scope=scope.key, theme_code=code, text=redact(text).text)
                       for code, text in texts.items())
    db.session.commit()
    return bool(risk.categories)
