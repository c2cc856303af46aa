"""The database going away mid-journey: a kind 503 that keeps what was typed, and
recovery on the next request without a restart. SQLite cannot be stopped, so the
outage is every statement failing the way a lost PostgreSQL connection does."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from tests.webapp.helpers import field, make_consultation, page, page_id, walk_to_check
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse


@contextmanager
def database_down():
    """Every statement fails as psycopg does when the server has stopped."""

    def refuse(conn, cursor, statement, parameters, context, executemany):
        raise OperationalError(statement, None, Exception("server closed the connection unexpectedly"))

    event.listen(db.engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(db.engine, "before_cursor_execute", refuse)


def stored_count() -> int:
    return db.session.scalar(select(func.count()).select_from(FeedbackResponse))


def resend_fields(response) -> dict:
    form = page(response).find("form", attrs={"action": "/feedback"})
    return {field["name"]: field["value"] for field in form.find_all("input", attrs={"type": "hidden"})}


def test_sending_during_an_outage_gets_a_kind_503_and_nothing_is_lost(app_context, client, demo_data):
    walk_to_check(client, what_helped="Typed before the outage")
    before = stored_count()
    with database_down():
        response = client.post("/feedback", data={"step": "check", "website": ""})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "60"
    html = page(response)
    assert html.h1.get_text() == "Sorry, this site is not working right now"
    assert "Your answers are saved" in html.get_text()
    assert html.find("button", string=lambda s: s and "Try again" in s)
    assert stored_count() == before

    # Recovered: the check page still has the answers, and trying again sends them.
    assert "Typed before the outage" in page(client.get("/feedback?step=check", follow_redirects=True)).get_text()
    response = client.post("/feedback", data=resend_fields(response))
    assert response.status_code == 303
    assert "Thank you" in page(client.get("/feedback")).get_text()
    assert stored_count() == before + 1


def test_what_was_typed_comes_back_in_the_try_again_form(app_context, client, demo_data):
    client.get("/feedback?step=service")
    typed = {"step": "service", "service": "another", "other_service": "The drop-in on Mill Lane"}
    with database_down():
        response = client.post("/feedback", data=typed)
    assert response.status_code == 503
    assert resend_fields(response) == typed

    response = client.post("/feedback", data=resend_fields(response))
    assert response.status_code == 303
    assert page(client.get("/feedback")).find("input", attrs={"name": "step", "value": "experience"})


def test_a_page_asked_for_during_an_outage_says_answers_so_far_are_saved(app_context, client, demo_data):
    client.get("/feedback?step=service")
    with database_down():
        response = client.get("/feedback")
    assert response.status_code == 503
    text = page(response).get_text()
    assert "your answers so far are saved" in text
    assert not page(response).find("form", attrs={"action": "/feedback"})
    assert client.get("/feedback").status_code == 200


def test_other_database_errors_are_still_server_errors(app, client):
    @app.get("/_test/integrity")
    def integrity():
        raise IntegrityError("INSERT", None, Exception("duplicate key"))

    response = client.get("/_test/integrity")
    assert response.status_code == 500


def test_a_consultation_page_sent_during_an_outage_keeps_every_answer(app_context, client, app):
    c = make_consultation()
    url = "/c/support-after-leaving"
    client.get(f"{url}?start=1")
    typed = [("step", page_id(c, "Your support")), (field(c, "Did you stay in a refuge?"), "Yes"),
             (field(c, "Which services did you use?"), "Outreach"),
             (field(c, "Which services did you use?"), "Police")]
    with database_down():
        response = client.post(url, data=MultiDict(typed))
    assert response.status_code == 503
    form = page(response).find("form", attrs={"action": url})
    assert [(i["name"], i["value"]) for i in form.find_all("input", attrs={"type": "hidden"})] == typed

    response = client.post(url, data=MultiDict(typed))
    assert response.status_code == 303
    assert "What was the refuge like?" in page(client.get(url)).get_text()


def test_a_database_gone_when_a_request_ends_is_not_a_server_error(app_context, app, monkeypatch):
    """PostgreSQL stopping after the response was made: ending the session's
    transaction fails, and the connection is dropped instead of raising."""

    real_close, failures = Session.close, []

    def close_fails_once(session):
        if not failures:
            failures.append(session)
            raise OperationalError("ROLLBACK", None, Exception("terminating connection due to administrator command"))
        return real_close(session)

    monkeypatch.setattr(Session, "close", close_fails_once)
    session_before = db.session.registry()
    app.do_teardown_appcontext(None)  # raises without the handler
    assert failures == [session_before]
    assert db.session.registry() is not session_before
    assert stored_count() == 0  # a new session works at once
