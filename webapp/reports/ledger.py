"""The actions ledger: what the board will do about each theme. An action's
status and reason are its current state; every change and progress note is a
dated BoardActionUpdate, added and never edited, so the history is kept."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from webapp.audit import record_event
from webapp.extensions import db
from webapp.reports.models import ACTION_STATUSES, BoardAction, BoardActionUpdate


def record_action(scope_key: str, *, theme_code: str, description: str, owner_org: str,
                  due_on: date | None, status: str, reason: str, user) -> BoardAction:
    action = BoardAction(scope=scope_key, theme_code=theme_code, description=description.strip(),
                         owner_org=owner_org.strip(), due_on=due_on, status=status,
                         reason=reason.strip() if status == "not_doing" else "", created_by=user)
    action.updates.append(BoardActionUpdate(status=status, note="Action recorded.", recorded_by=user))
    db.session.add(action)
    db.session.flush()
    record_event("report.action_record", target=f"action {action.id}",
                 detail=f"{scope_key} {theme_code} {ACTION_STATUSES[status]}")
    return action


def add_update(action: BoardAction, *, status: str, note: str, reason: str, user) -> BoardActionUpdate:
    """A dated update; a status change also changes the action's current status."""
    update = BoardActionUpdate(status=status, note=note.strip(), recorded_by=user)
    action.updates.append(update)
    previous = action.status
    action.status = status
    action.reason = reason.strip() if status == "not_doing" else ""
    db.session.flush()
    record_event("report.action_update", target=f"action {action.id}",
                 detail=f"{ACTION_STATUSES[previous]} -> {ACTION_STATUSES[status]}")
    return update


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
