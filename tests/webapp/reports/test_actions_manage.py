"""Actions the board can manage (issue 14, part 6): each status as a GOV.UK
tag colour and a word, overdue actions called out, a past due date
questioned when an action is recorded (everything typed kept), each action
linked to the theme evidence it answers, and the ledger exported as CSV and
Excel safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from tests.webapp.helpers import QUARTER, csrf_token, make_user, page, seed_quarter, sign_in_as
from webapp.audit import AuditEvent
from webapp.extensions import db
from webapp.reports.demo import add_demo_actions
from webapp.reports.models import BoardAction, BoardActionUpdate

NEW = f"/staff/reports/summary/{QUARTER.key}/actions/new"
PAST = date.today() - timedelta(days=10)
FUTURE = date.today() + timedelta(days=60)


@pytest.fixture
def board(app_context, app, client):
    seed_quarter()
    user = make_user("board@partnership.example", "board")
    sign_in_as(client, user)
    return user


def add(description: str, status: str = "planned", due_on: date | None = FUTURE, code: str = "housing",
        scope: str = QUARTER.key) -> BoardAction:
    action = BoardAction(scope=scope, theme_code=code, description=description, owner_org="County council",
                         due_on=due_on, status=status)
    action.updates.append(BoardActionUpdate(status=status, note="Action recorded."))
    db.session.add(action)
    db.session.commit()
    return action


def _form(client, **changes) -> dict:
    form = {"theme_code": "housing", "description": "Fund two more refuge places", "owner_org": "County council",
            "due_on": [str(PAST.day), str(PAST.month), str(PAST.year)], "status": "planned", "reason": ""}
    form.update(changes)
    form["csrf_token"] = csrf_token(client.get(NEW))
    return form


def test_statuses_are_coloured_tags_with_words_and_overdue_is_called_out(board, client):
    late = add("Open the advice line on Saturdays", "in_progress", due_on=PAST)
    add("Print the leaflet", "planned", due_on=FUTURE)
    add("Train the front desk", "done", due_on=PAST)  # done: never overdue
    add("Pay travel costs", "not_doing", due_on=PAST)
    soup = page(client.get("/staff/reports/actions"))
    tags = {tr.select_one("td a").get_text(strip=True): [(" ".join(t["class"]), t.get_text(strip=True))
                                                         for t in tr.select(".govuk-tag")]
            for tr in soup.select(".heard-actions tbody tr")}
    assert tags["Open the advice line on Saturdays"] == [("govuk-tag govuk-tag--light-blue heard-status-tag",
                                                          "In progress"),
                                                         ("govuk-tag govuk-tag--red heard-status-tag", "Overdue")]
    assert tags["Print the leaflet"] == [("govuk-tag govuk-tag--blue heard-status-tag", "Planned")]
    assert tags["Train the front desk"] == [("govuk-tag govuk-tag--green heard-status-tag", "Done")]
    assert tags["Pay travel costs"] == [("govuk-tag govuk-tag--grey heard-status-tag", "Not doing")]
    warning = soup.select_one("#overdue-warning").get_text(" ", strip=True)
    assert "1 action is past its due date and not done" in warning and "Open the advice line" in warning
    assert "Train the front desk" not in warning
    index = page(client.get("/staff/reports/"))
    assert "1 action is past its due date" in index.select_one("#overdue-count").get_text(" ", strip=True)
    detail = page(client.get(f"/staff/reports/actions/{late.id}"))
    assert "is not done" in detail.select_one("#overdue-warning").get_text()
    assert [t.get_text(strip=True) for t in detail.select(".govuk-summary-list .govuk-tag")] == [
        "In progress", "Overdue"]


def test_a_past_due_date_is_questioned_and_everything_typed_is_kept(board, client):
    response = client.post(NEW, data=_form(client, description="Keep the refuge open at weekends"))
    soup = page(response)
    summary = soup.select_one(".govuk-error-summary").get_text(" ", strip=True)
    assert "The due date is in the past" in summary
    assert soup.select_one(".govuk-error-summary a")["href"] == "#due_on"
    assert soup.select_one("textarea[name=description]").get_text() == "Keep the refuge open at weekends"
    assert soup.select_one("input[name=owner_org]")["value"] == "County council"
    assert soup.select_one(f"input[name=due_on][value='{PAST.day}']") is not None
    assert soup.select_one("select[name=theme_code] option[selected]")["value"] == "housing"
    box = soup.select_one("input[name=confirm_past_due]")
    assert box is not None and not box.has_attr("checked")
    assert db.session.scalars(select(BoardAction)).all() == []
    # Confirmed: recorded with the date as typed.
    response = client.post(NEW, data=_form(client, description="Keep the refuge open at weekends",
                                           confirm_past_due="y"))
    action = db.session.scalars(select(BoardAction)).one()
    assert response.status_code == 302 and action.due_on == PAST
    # A future date, or none, is not questioned.
    response = client.post(NEW, data=_form(client, due_on=["", "", ""]))
    assert response.status_code == 302


def test_editing_questions_a_new_past_date_but_not_the_one_already_stored(board, client):
    action = add("Open the advice line on Saturdays", due_on=PAST)
    url = f"/staff/reports/actions/{action.id}/edit"

    def edit(day: date, **extra):
        data = {"description": action.description, "owner_org": "County council",
                "due_on": [str(day.day), str(day.month), str(day.year)], "csrf_token": csrf_token(client.get(url))}
        return client.post(url, data=data | extra)

    assert edit(PAST).status_code == 302  # unchanged: not asked again
    earlier = PAST - timedelta(days=30)
    assert "The due date is in the past" in edit(earlier).get_data(as_text=True)
    assert edit(earlier, confirm_past_due="y").status_code == 302
    db.session.refresh(action)
    assert action.due_on == earlier


def test_each_action_links_to_the_theme_evidence_it_answers(board, client):
    housing = add("Fund two more refuge places")
    money = add("Pay travel costs up front", code="money")  # no response in the quarter has this theme
    soup = page(client.get("/staff/reports/actions"))
    links = [a["href"] for a in soup.select(".heard-actions a.heard-evidence")]
    assert sorted(links) == sorted([f"/staff/reports/summary/{QUARTER.key}#theme-housing",
                                    f"/staff/reports/summary/{QUARTER.key}#theme-money"])
    detail = page(client.get(f"/staff/reports/actions/{housing.id}"))
    assert detail.select_one("#evidence-link")["href"] == f"/staff/reports/summary/{QUARTER.key}#theme-housing"
    summary = page(client.get(f"/staff/reports/summary/{QUARTER.key}"))
    section = summary.find(id="theme-housing")
    assert section.h3.get_text() == "Housing, refuge and safe accommodation"
    assert section.select_one(".heard-theme-actions a")["href"] == f"/staff/reports/actions/{housing.id}"
    # The link always lands on a section, even for a theme nobody mentioned in the report.
    other = summary.find(id="theme-money")
    assert "No responses in this report have this theme." in other.get_text()
    assert other.select_one(".heard-theme-actions a")["href"] == f"/staff/reports/actions/{money.id}"


def test_the_ledger_exports_as_csv_and_excel_safe_for_spreadsheets(board, client):
    add("=HYPERLINK(\"https://evil.example\",\"Click\")", due_on=PAST, status="in_progress")
    add("Print the leaflet", "done")
    response = client.get("/staff/reports/actions.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"] == 'attachment; filename="actions.csv"'
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body[1:])))
    assert [row["What will be done"] for row in rows] == ["'=HYPERLINK(\"https://evil.example\",\"Click\")",
                                                          "Print the leaflet"]
    first = rows[0]
    assert (first["Status"], first["Overdue"], first["Due by"], first["Theme code"]) == (
        "In progress", "Yes", PAST.isoformat(), "housing")
    assert first["Evidence (board summary)"] == f"/staff/reports/summary/{QUARTER.key}#theme-housing"
    assert first["Latest update"] == "Action recorded."

    done_only = client.get("/staff/reports/actions.csv?status=done").get_data(as_text=True)
    assert [row["What will be done"] for row in csv.DictReader(io.StringIO(done_only[1:]))] == ["Print the leaflet"]

    response = client.get("/staff/reports/actions.xlsx")
    assert response.headers["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    cells = list(sheet.iter_rows(values_only=True))
    assert cells[0][4] == "What will be done"
    injected = sheet.cell(row=2, column=5)
    assert injected.data_type == "s" and injected.value.startswith("'=")
    events = db.session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "report.actions_export")).all()
    assert events == ["csv, status any", "csv, status done", "xlsx, status any"]
    page(client.get("/staff/reports/actions"))  # the page links both
    links = [a["href"] for a in page(client.get("/staff/reports/actions")).select("#action-exports a")]
    assert links == ["/staff/reports/actions.csv", "/staff/reports/actions.xlsx"]


def test_exports_need_a_signed_in_reader(app, client):
    assert client.get("/staff/reports/actions.csv").status_code == 302
    assert client.get("/staff/reports/actions.pdf").status_code == 404


def test_the_demo_has_an_overdue_action(app_context, app, demo_data):
    add_demo_actions()
    overdue = [a for a in db.session.scalars(select(BoardAction)) if a.is_overdue()]
    assert len(overdue) >= 1
