"""The audit log of staff actions. Rows are only ever added: there is no route
to change or delete one, and the ORM refuses to (see `webapp.staff.models`).

Actions are short dotted names:

    auth.sign_in  auth.sign_in_failed  auth.locked  auth.sign_out  auth.idle_timeout
    auth.2fa_enrolled  auth.recovery_code_used
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

`record_event` adds the row and commits the session. Call it once the change
it records is ready in the same session, so the change and its audit row are
committed together; a failed sign-in (which changes nothing else) is still
recorded. Never put a typed password, or the email typed for an unknown
account, in `target` or `detail`.
"""

from __future__ import annotations

from flask_login import current_user

from webapp.extensions import db

ACTIONS = (
    "auth.sign_in", "auth.sign_in_failed", "auth.locked", "auth.sign_out", "auth.idle_timeout",
    "auth.2fa_enrolled", "auth.recovery_code_used",
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
    "report.board_pack", "report.action_record", "report.action_update",
    "themes.run", "themes.code", "themes.emergent_add", "themes.emergent_dismiss",
    "codebook.add", "codebook.edit", "codebook.retire", "codebook.restore", "codebook.merge",
)

_UNSET = object()


def record_event(action: str, *, target: str = "", detail: str = "", user=_UNSET,
                 commit: bool = True) -> None:
    """Write one AuditEvent. `user` defaults to the signed-in staff member;
    pass `user=None` for events with no actor (e.g. an unknown account).
    `commit=False` leaves committing to the caller."""
    from webapp.staff.models import AuditEvent

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
    if commit:
        db.session.commit()
