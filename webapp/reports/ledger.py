"""The actions ledger: what the board will do about each theme. An action's
status and reason are its current state; every change and progress note is a
dated BoardActionUpdate, added and never edited, so the history is kept.

What staff write here can reach the public "you said, we did" page, so it is
redacted before it is stored (`webapp.public_text`), starts as a draft, and
goes public only when someone with the `publish_actions` permission (board,
engagement team) publishes it; it can be withdrawn. Editing an action keeps
what it said before as a BoardActionRevision and makes it a draft again."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from webapp.audit import record_event
from webapp.extensions import db
from webapp.public_text import clean_for_public
from webapp.reports.models import ACTION_STATUSES, BoardAction, BoardActionRevision, BoardActionUpdate


def record_action(scope_key: str, *, theme_code: str, description: str, owner_org: str,
                  due_on: date | None, status: str, reason: str, user) -> BoardAction:
    action = BoardAction(scope=scope_key, theme_code=theme_code, description=clean_for_public(description),
                         owner_org=clean_for_public(owner_org), due_on=due_on, status=status,
                         reason=clean_for_public(reason) if status == "not_doing" else "", created_by=user)
    action.updates.append(BoardActionUpdate(status=status, note="Action recorded.", recorded_by=user))
    db.session.add(action)
    db.session.flush()
    record_event("report.action_record", target=f"action {action.id}",
                 detail=f"{scope_key} {theme_code} {ACTION_STATUSES[status]}")
    return action


def add_update(action: BoardAction, *, status: str, note: str, reason: str, user) -> BoardActionUpdate:
    """A dated update; a status change also changes the action's current status."""
    update = BoardActionUpdate(status=status, note=clean_for_public(note), recorded_by=user)
    action.updates.append(update)
    previous = action.status
    action.status = status
    action.reason = clean_for_public(reason) if status == "not_doing" else ""
    db.session.flush()
    record_event("report.action_update", target=f"action {action.id}",
                 detail=f"{ACTION_STATUSES[previous]} -> {ACTION_STATUSES[status]}")
    return update


def edit_action(action: BoardAction, *, description: str, owner_org: str, due_on: date | None, reason: str,
                user) -> None:
    """Change an action's public text, keeping what it said as a revision; a
    changed text is a draft again until someone publishes it."""
    action.revisions.append(BoardActionRevision(
        description=action.description, owner_org=action.owner_org, reason=action.reason,
        public_state=action.public_state, changed_by=user))
    action.description = clean_for_public(description)
    action.owner_org = clean_for_public(owner_org)
    action.due_on = due_on
    action.reason = clean_for_public(reason) if action.status == "not_doing" else ""
    action.public_state = "draft"
    db.session.flush()
    record_event("report.action_edit", target=f"action {action.id}", detail="back to draft")


def set_public_state(action: BoardAction, state: str, update: BoardActionUpdate | None = None) -> None:
    """Publish or withdraw an action (and, with `update`, one of its updates)."""
    if update is not None:
        update.public_state = state
        target = f"action {action.id} update {update.id}"
    else:
        action.public_state = state
        action.published_on = date.today() if state == "published" else action.published_on
        target = f"action {action.id}"
    db.session.flush()
    record_event("report.action_publish" if state == "published" else "report.action_withdraw", target=target)


def actions_for(scope_key: str) -> list[BoardAction]:
    return list(db.session.scalars(select(BoardAction).where(BoardAction.scope == scope_key)
                                   .order_by(BoardAction.id)))


def all_actions(status: str | None = None) -> list[BoardAction]:
    query = select(BoardAction).order_by(BoardAction.due_on.is_(None), BoardAction.due_on, BoardAction.id)
    if status in ACTION_STATUSES:
        query = query.where(BoardAction.status == status)
    return list(db.session.scalars(query))


def get_action(action_id: int) -> BoardAction | None:
    return db.session.get(BoardAction, action_id)
