"""The audit log of staff actions. Rows are only ever added: there is no route
to change or delete one, and the ORM refuses to.

Actions are short dotted names:

    auth.sign_in  auth.sign_in_failed  auth.locked  auth.sign_out  auth.idle_timeout
    auth.session_expired  auth.2fa_enrolled  auth.recovery_code_used
    user.create  user.disable  user.enable  user.reset_2fa
    consultation.create  consultation.edit  consultation.access_code  consultation.duplicate
    consultation.send_for_review  consultation.back_to_draft  consultation.open
    consultation.close  consultation.publish
    consultation.page_{add,edit,move,delete}  consultation.question_{add,edit,move,delete}
    consultation.question_bank  consultation.comment_{accepted,declined}  consultation.poster
    free_text.view  free_text.redact  export.csv  export.json
    response.hide  response.unhide  response.safeguarding_flag  response.safeguarding_unflag
    encryption.rotate_key  retention.purge  (commands, no actor)
    themes.run  themes.code  themes.emergent_add  themes.emergent_dismiss
    codebook.add  codebook.edit  codebook.retire  codebook.restore  codebook.merge
    report.board_pack  report.action_record  report.action_update
    quote.publish  quote.unpublish  group.access_code
    consultation.access_code_locked  group.access_code_locked  (wrong codes stopped a code; no actor)

`record_event` adds the row to the session and never commits: the view or
command that does the work commits once, so a change and its audit row are
stored together or not at all. Never put a typed password, or the email typed
for an unknown account, in `target` or `detail`.

The audit pages (filters, paging) are the staff room's (`webapp.staff.audit_log`).
"""

from __future__ import annotations

from datetime import datetime

from flask_login import current_user
from sqlalchemy import DateTime, Integer, String, event
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db, utcnow

ACTIONS = (
    "auth.sign_in", "auth.sign_in_failed", "auth.locked", "auth.sign_out", "auth.idle_timeout",
    "auth.session_expired", "auth.2fa_enrolled", "auth.recovery_code_used",
    "user.create", "user.disable", "user.enable", "user.reset_2fa",
    "consultation.create", "consultation.edit", "consultation.access_code", "consultation.duplicate",
    "consultation.send_for_review", "consultation.back_to_draft", "consultation.open",
    "consultation.close", "consultation.publish",
    "consultation.page_add", "consultation.page_edit", "consultation.page_move", "consultation.page_delete",
    "consultation.question_add", "consultation.question_edit", "consultation.question_move",
    "consultation.question_delete", "consultation.question_bank",
    "consultation.comment_accepted", "consultation.comment_declined", "consultation.poster",
    "free_text.view", "free_text.redact", "export.csv", "export.json",
    "response.hide", "response.unhide", "response.safeguarding_flag", "response.safeguarding_unflag",
    "encryption.rotate_key", "retention.purge",
    "quote.publish", "quote.unpublish", "group.access_code",
    "consultation.access_code_locked", "group.access_code_locked",
    "report.board_pack", "report.action_record", "report.action_update",
    "themes.run", "themes.code", "themes.emergent_add", "themes.emergent_dismiss",
    "codebook.add", "codebook.edit", "codebook.retire", "codebook.restore", "codebook.merge",
)



class AuditEvent(db.Model):
    """One staff action. Append-only: the ORM refuses updates and deletes."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    # No foreign key: the log outlives the account and must never cascade.
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    actor_email: Mapped[str] = mapped_column(String(254), default="")
    action: Mapped[str] = mapped_column(String(60), index=True)
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(String(500), default="")


class AuditLogIsAppendOnly(RuntimeError):
    """Raised on any attempt to change or delete an audit row through the ORM."""


@event.listens_for(AuditEvent, "before_update")
def _refuse_update(mapper, connection, target) -> None:
    raise AuditLogIsAppendOnly("Audit events cannot be changed")


@event.listens_for(AuditEvent, "before_delete")
def _refuse_delete(mapper, connection, target) -> None:
    raise AuditLogIsAppendOnly("Audit events cannot be deleted")


_UNSET = object()


def record_event(action: str, *, target: str = "", detail: str = "", user=_UNSET) -> None:
    """Add one AuditEvent to the session (the caller commits). `user` defaults
    to the signed-in staff member; pass `user=None` for events with no actor
    (e.g. an unknown account)."""
    if user is _UNSET:
        user = current_user if getattr(current_user, "is_authenticated", False) else None
        user = getattr(user, "_get_current_object", lambda: user)()
    db.session.add(AuditEvent(
        action=action[:60],
        actor_id=getattr(user, "id", None),
        actor_email=getattr(user, "email", "") or "",
        target=(target or "")[:200],
        detail=(detail or "")[:500],
    ))
