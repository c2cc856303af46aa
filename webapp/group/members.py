"""The service-user group's view: which scopes it may open, each member's
single-use code, and storing what members say (priorities and redacted
comments, no identities).

Each member has their own code for one summary (`webapp.reports.member_codes`
issues them, holding no names). The code opens the summary; sending spends
it, in one UPDATE that only an unspent code passes, so two tabs or two
members sharing a code cannot send twice: "2 group members said it matters
most" is two people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext
from sqlalchemy import select, update

from analysis.risk import assess
from webapp.access_codes import member_code_lookup
from webapp.extensions import db
from webapp.forms import FREE_TEXT_MAX
from webapp.journeys import WRONG_CODE
from webapp.periods import ScopeError
from webapp.putting_back import redact_texts, restored_lines
from webapp.reports.member_codes import group_may_see
from webapp.reports.models import GroupComment, GroupMemberCode, GroupPriority
from webapp.themes.scope import Scope, consultation_scope, feedback_quarter, parse_scope

MAX_PRIORITIES = 3
COMMENT_MAX = FREE_TEXT_MAX
COMMENT_PREFIX = "comment-"


def used_code_message() -> str:
    return gettext("This code has already been used to send views. Each code works once: "
                   "if you have not sent yours, ask the group worker for a new one.")


def scope_for(kind: str, ident: str) -> Scope | None:
    """The scope a group URL names, or None when the group cannot see it."""
    if kind == "consultation":
        scope = consultation_scope(ident)
    elif kind == "feedback":
        try:
            scope = feedback_quarter(ident)
        except ScopeError:
            return None
    else:
        return None
    return scope if group_may_see(scope) else None


def has_member_codes(scope: Scope) -> bool:
    return db.session.scalar(select(GroupMemberCode.id).where(GroupMemberCode.scope == scope.key).limit(1)) is not None


@dataclass(frozen=True)
class MemberCheck:
    """What a code came to: the code's row and the summary it opens, or why not."""

    code_id: int | None = None
    scope: Scope | None = None
    refused: str = ""


def check_member_code(code: str, scope: Scope | None = None) -> MemberCheck:
    """A member's code, for `scope` (the summary whose page they are on) or for
    whichever summary it opens (the /group/ page). Wrong tries are throttled per
    visitor by the caller (`journeys.code_tries_allowed`)."""
    row = db.session.scalar(select(GroupMemberCode).where(GroupMemberCode.lookup == member_code_lookup(code)))
    if row is None or (scope is not None and row.scope != scope.key):
        return MemberCheck(refused=WRONG_CODE)
    if row.used_on is not None:
        return MemberCheck(refused=used_code_message())
    try:
        found = parse_scope(row.scope)
    except ScopeError:
        return MemberCheck(refused=WRONG_CODE)
    if not group_may_see(found):
        return MemberCheck(refused=WRONG_CODE)
    return MemberCheck(code_id=row.id, scope=found)


def check_view(chosen: list[str], comments: dict[str, str], codes: list[str]) -> dict[str, str]:
    """Field name -> message for what cannot be stored as typed."""
    errors = {}
    if len(chosen) > MAX_PRIORITIES:
        errors["priorities"] = f"Choose up to {MAX_PRIORITIES} themes"
    elif set(chosen) - set(codes):
        errors["priorities"] = "Choose from the themes listed"
    for code, text in comments.items():
        if len(text) > COMMENT_MAX:
            errors[COMMENT_PREFIX + code] = f"Keep your comment to {COMMENT_MAX} characters or fewer"
    if not errors and not chosen and not any(text.strip() for text in comments.values()):
        errors["priorities"] = "Choose at least one theme that matters most, or write a comment"
    return errors


def prepare_view(chosen: list[str], comments: dict[str, str]) -> dict:
    """What the check page shows and sending stores: the priorities, each comment
    redacted (`comment-<theme>`, with what was taken out, for putting back) and
    the kinds of danger found in what was typed (the words themselves are not kept)."""
    texts = {COMMENT_PREFIX + code: text.strip() for code, text in comments.items() if text.strip()}
    return {"chosen": list(chosen), **redact_texts(texts),
            "risks": {field: list(assess(text).categories) for field, text in texts.items()}}


def comment_fields(view: dict) -> list[str]:
    return [field for field in view if field.startswith(COMMENT_PREFIX)]


def spend_code(code_id: int) -> bool:
    """Mark the member's code used; False when it already was (sent from another tab)."""
    spent = db.session.execute(
        update(GroupMemberCode).where(GroupMemberCode.id == code_id, GroupMemberCode.used_on.is_(None))
        .values(used_on=date.today()).execution_options(synchronize_session=False)).rowcount
    return spent == 1


def store_view(scope: Scope, view: dict) -> bool:
    """Write the priorities and comments as the check page showed them; True when
    what was written suggests someone may be in danger (the thank-you page then
    leads with help). The caller spent the code in the same transaction and commits."""
    db.session.add_all(GroupPriority(scope=scope.key, theme_code=code) for code in view["chosen"])
    risks = view.get("risks", {})
    db.session.add_all(GroupComment(scope=scope.key, theme_code=field.removeprefix(COMMENT_PREFIX),
                                    text=view[field], risk_categories=",".join(risks.get(field, [])),
                                    restored_words=restored_lines(view, field))
                       for field in comment_fields(view))
    return any(risks.get(field) for field in comment_fields(view))
