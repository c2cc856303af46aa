"""The audit log of staff actions. Rows are only ever added: there is no route
to change or delete one, and the ORM refuses to.

Actions are short dotted names:

    auth.sign_in  auth.sign_in_failed  auth.locked  auth.sign_out  auth.idle_timeout
    auth.session_expired  auth.2fa_enrolled  auth.recovery_code_used
    user.create  user.disable  user.enable  user.reset_2fa  user.role  user.reset_password
    consultation.create  consultation.edit  consultation.access_code  consultation.duplicate
    consultation.send_for_review  consultation.back_to_draft  consultation.open
    consultation.close  consultation.publish  consultation.schedule  consultation.address
    consultation.page_{add,edit,move,delete}  consultation.question_{add,edit,move,delete}
    consultation.question_bank  consultation.comment_{accepted,declined}  consultation.poster
    consultation.paper_form  consultation.keyed_entry  feedback.keyed_entry (the channel, never the text)
    free_text.view  free_text.redact  free_text.translate  export.csv  export.json
    response.hide  response.unhide  response.safeguarding_flag  response.safeguarding_unflag
    response.checked  response.unchecked  export.xlsx
    encryption.rotate_key  retention.purge  (commands, no actor)
    themes.run  themes.code  themes.emergent_add  themes.emergent_dismiss
    codebook.add  codebook.edit  codebook.retire  codebook.restore  codebook.merge
    report.board_pack  report.action_record  report.action_update
    report.action_edit  report.action_publish  report.action_withdraw
    quote.publish  quote.unpublish  group.access_code  group.member_codes  user.email_alerts
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
    "user.create", "user.disable", "user.enable", "user.reset_2fa", "user.role", "user.reset_password",
    "user.password_change",
    "consultation.create", "consultation.edit", "consultation.access_code", "consultation.duplicate",
    "consultation.send_for_review", "consultation.back_to_draft", "consultation.open",
    "consultation.close", "consultation.publish", "consultation.schedule", "consultation.address",
    "consultation.page_add", "consultation.page_edit", "consultation.page_move", "consultation.page_delete",
    "consultation.question_add", "consultation.question_edit", "consultation.question_move",
    "consultation.question_delete", "consultation.question_bank",
    "consultation.comment_accepted", "consultation.comment_declined", "consultation.poster",
    "consultation.paper_form", "consultation.keyed_entry", "feedback.keyed_entry",
    "free_text.view", "free_text.redact", "free_text.translate", "export.csv", "export.json",
    "response.hide", "response.unhide", "response.safeguarding_flag", "response.safeguarding_unflag",
    "response.checked", "response.unchecked", "export.xlsx",
    "encryption.rotate_key", "retention.purge",
    "quote.publish", "quote.unpublish", "group.access_code", "group.member_codes", "user.email_alerts",
    "consultation.access_code_locked", "group.access_code_locked",
    "report.board_pack", "report.action_record", "report.action_update",
    "report.action_edit", "report.action_publish", "report.action_withdraw", "report.actions_export",
    "safeguarding.reviewed",
    "themes.run", "themes.code", "themes.emergent_add", "themes.emergent_dismiss",
    "codebook.add", "codebook.edit", "codebook.retire", "codebook.restore", "codebook.merge",
)

# Each action in plain words, for the audit log page (the dotted names stay in the database).
ACTION_WORDS = {
    "auth.sign_in": "Signed in", "auth.sign_in_failed": "Sign-in failed", "auth.locked": "Account locked",
    "auth.sign_out": "Signed out", "auth.idle_timeout": "Signed out after 30 minutes without activity",
    "auth.session_expired": "Signed out: signed in too long ago",
    "consultation.access_code_locked": "A consultation's access code stopped after wrong tries",
    "group.access_code_locked": "The group's access code stopped after wrong tries",
    "auth.2fa_enrolled": "Set up two-factor authentication", "auth.recovery_code_used": "Used a recovery code",
    "user.create": "Added a user", "user.disable": "Disabled a user", "user.enable": "Enabled a user",
    "user.reset_2fa": "Reset a user's two-factor authentication", "user.role": "Changed a user's role",
    "user.reset_password": "Reset a user's password", "user.password_change": "Changed their password",  # nosec B105 # words for the audit log, not a password
    "consultation.create": "Created a consultation", "consultation.edit": "Edited a consultation's details",
    "consultation.access_code": "Issued a new access code", "consultation.duplicate": "Duplicated a consultation",
    "consultation.send_for_review": "Sent a consultation to the group for review",
    "consultation.back_to_draft": "Took a consultation back to draft", "consultation.open": "Opened a consultation",
    "consultation.close": "Closed a consultation", "consultation.publish": "Published a consultation's results",
    "consultation.schedule": "Scheduled a consultation to open on its opening date",
    "consultation.address": "Changed a consultation's web address",
    "consultation.page_add": "Added a page", "consultation.page_edit": "Edited a page",
    "consultation.page_move": "Moved a page", "consultation.page_delete": "Deleted a page",
    "consultation.question_add": "Added a question", "consultation.question_edit": "Edited a question",
    "consultation.question_move": "Moved a question", "consultation.question_delete": "Deleted a question",
    "consultation.question_bank": "Added questions from the question bank",
    "consultation.comment_accepted": "Accepted a comment from the group",
    "consultation.comment_declined": "Declined a comment from the group",
    "consultation.poster": "Downloaded a poster",
    "consultation.paper_form": "Downloaded a paper form",
    "consultation.keyed_entry": "Keyed in a paper or assisted response",
    "feedback.keyed_entry": "Keyed in paper or assisted feedback",
    "free_text.view": "Read free text", "free_text.redact": "Redacted words in an answer",
    "free_text.translate": "Added an English working translation",
    "export.csv": "Exported responses (CSV)", "export.json": "Exported responses (JSON)",
    "export.xlsx": "Exported responses (Excel)",
    "response.hide": "Hid a response", "response.unhide": "Showed a hidden response again",
    "response.safeguarding_flag": "Flagged a response for safeguarding",
    "response.safeguarding_unflag": "Removed a safeguarding flag",
    "response.checked": "Marked a response as checked", "response.unchecked": "Marked a response as not checked",
    "encryption.rotate_key": "Rotated the encryption key", "retention.purge": "Deleted old responses",
    "quote.publish": "Marked a quote for publication", "quote.unpublish": "Unmarked a quote for publication",
    "group.access_code": "Issued the group's access code",
    "group.member_codes": "Issued single-use codes for group members",
    "user.email_alerts": "Changed their email alerts",
    "report.board_pack": "Made a board pack", "report.action_record": "Recorded an action",
    "report.action_update": "Updated an action", "report.action_edit": "Edited an action's wording",
    "report.action_publish": "Published an action or update", "report.action_withdraw": "Withdrew an action or update",
    "report.actions_export": "Exported the actions ledger",
    "safeguarding.reviewed": "Marked a safeguarding flag as reviewed",
    "themes.run": "Ran theming", "themes.code": "Coded a response's themes",
    "themes.emergent_add": "Added an emergent theme", "themes.emergent_dismiss": "Dismissed an emergent theme",
    "codebook.add": "Added a theme", "codebook.edit": "Edited a theme", "codebook.retire": "Retired a theme",
    "codebook.restore": "Restored a theme", "codebook.merge": "Merged two themes",
}


def action_words(action: str) -> str:
    """An action in plain words; one recorded before it had words keeps its name."""
    return ACTION_WORDS.get(action, action)


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
