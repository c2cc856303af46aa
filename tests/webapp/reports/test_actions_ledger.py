"""The actions ledger: record an action against a theme, update its status
with dated notes (history kept), "not doing" needs a reason, lists per report
and filtered by status, every change audited."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.webapp.helpers import QUARTER, csrf_token, make_user, page, seed_quarter, sign_in_as
from webapp.audit import AuditEvent
from webapp.extensions import db
from webapp.reports.demo import add_demo_actions
from webapp.reports.models import BoardAction, BoardActionUpdate, GroupPriority
from webapp.reports.paper import is_overdue

NEW = f"/staff/reports/summary/{QUARTER.key}/actions/new"


@pytest.fixture
def board(app_context, app, client):
    seed_quarter()
    user = make_user("board@partnership.example", "board")
    sign_in_as(client, user)
    return user


def _post_action(client, **changes):
    form = {"theme_code": "housing", "description": "Fund two more refuge places",
            "owner_org": "County council", "due_on": ["31", "3", "2027"], "status": "planned", "reason": ""}
    form.update(changes)
    form["csrf_token"] = csrf_token(client.get(NEW))
    return client.post(NEW, data=form)


def _actions() -> list[BoardAction]:
    return list(db.session.scalars(select(BoardAction).order_by(BoardAction.id)))


def test_record_an_action_then_update_it_keeping_history(app, client, board):
    response = client.get(NEW + "?theme=housing")
    assert page(response).select_one("select[name=theme_code] option[selected]")["value"] == "housing"
    response = _post_action(client)
    action = _actions()[0]
    assert response.location == f"/staff/reports/actions/{action.id}"
    assert (action.scope, action.theme_code, action.owner_org, action.due_on, action.status) == (
        QUARTER.key, "housing", "County council", date(2027, 3, 31), "planned")
    assert action.created_by_id == board.id

    url = f"/staff/reports/actions/{action.id}"
    response = client.post(url, data={"status": "in_progress", "note": "Landlord found.", "reason": "",
                                      "csrf_token": csrf_token(client.get(url))})
    assert response.status_code == 302
    db.session.refresh(action)
    assert action.status == "in_progress"
    history = [(u.status, u.note) for u in action.updates]
    assert history == [("planned", "Action recorded."), ("in_progress", "Landlord found.")]
    assert all(u.recorded_on == date.today() and u.recorded_by_id == board.id for u in action.updates)

    soup = page(client.get(url))
    rows = [tr.get_text(" ", strip=True) for tr in soup.select("#action-history tbody tr")]
    assert "In progress" in rows[0] and "Landlord found." in rows[0] and "Planned" in rows[1]
    events = db.session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("report.%"))).all()
    assert events == ["report.action_record", "report.action_update"]

    # The summary lists it, and so does the board pack's data.
    summary = page(client.get(f"/staff/reports/summary/{QUARTER.key}"))
    assert "Fund two more refuge places" in summary.select_one(".heard-actions").get_text()


def test_not_doing_needs_a_reason_and_keeps_what_was_typed(app, client, board):
    response = _post_action(client, status="not_doing", description="Open on Sundays")
    soup = page(response)
    assert "Enter why this will not be done" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("textarea[name=description]").get_text() == "Open on Sundays"
    assert soup.select_one("input[name=due_on][value='31']") is not None
    assert _actions() == []
    _post_action(client, status="not_doing", reason="No staff to cover Sundays")
    action = _actions()[0]
    assert (action.status, action.reason) == ("not_doing", "No staff to cover Sundays")


@pytest.mark.parametrize("changes, message", [
    ({"theme_code": ""}, "Choose a theme"),
    ({"description": " "}, "Enter what will be done"),
    ({"owner_org": ""}, "Enter the organisation responsible"),
    ({"due_on": ["31", "2", "2027"]}, "Enter a real date for “Due by (optional)”"),
    ({"theme_code": "not-a-theme"}, "Not a valid choice"),
])
def test_kind_errors(app, client, board, changes, message):
    response = _post_action(client, **changes)
    assert response.status_code == 200
    assert message in page(response).select_one(".govuk-error-summary").get_text()
    assert _actions() == []


def test_an_update_needs_a_note_or_a_new_status(app, client, board):
    _post_action(client)
    action = _actions()[0]
    url = f"/staff/reports/actions/{action.id}"
    response = client.post(url, data={"status": "planned", "note": "", "csrf_token": csrf_token(client.get(url))})
    assert "Enter an update, or choose a different status" in response.get_data(as_text=True)
    response = client.post(url, data={"status": "not_doing", "note": "", "reason": "",
                                      "csrf_token": csrf_token(client.get(url))})
    assert "Enter why this will not be done" in response.get_data(as_text=True)
    assert db.session.scalar(select(BoardActionUpdate.id).where(BoardActionUpdate.status == "not_doing")) is None


def test_all_actions_filter_by_status(app, client, board):
    _post_action(client, description="First")
    _post_action(client, description="Second", status="done")
    soup = page(client.get("/staff/reports/actions"))
    assert soup.select_one("#action-count").get_text(strip=True).startswith("2 actions")
    soup = page(client.get("/staff/reports/actions?status=done"))
    assert soup.select_one("#action-count").get_text(strip=True) == "1 action with status “Done”."
    assert "Second" in soup.select_one(".heard-actions").get_text()
    assert client.get("/staff/reports/actions/999999").status_code == 404


def test_analysts_record_too_but_not_anonymous(app_context, app, client):
    seed_quarter()
    assert client.get(NEW).status_code == 302
    sign_in_as(client, make_user("analyst@partnership.example", "analyst"))
    assert client.get(NEW).status_code == 200


def test_demo_actions_added_once(app_context, app, demo_data):
    assert add_demo_actions() == 7
    assert add_demo_actions() == 0
    actions = _actions()
    assert {a.scope for a in actions} >= {"consultation:out-of-hours"}
    # The pack has an overdue action to call out, carried over from the quarter before.
    overdue = [a for a in actions if is_overdue(a, date.today())]
    assert len(overdue) == 1 and overdue[0].status == "in_progress"
    assert db.session.scalar(select(func.count(GroupPriority.id))) == 7
    not_doing = next(a for a in actions if a.status == "not_doing")
    assert not_doing.reason and [u.status for u in not_doing.updates] == ["planned", "not_doing"]
