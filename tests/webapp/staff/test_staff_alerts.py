"""Staff email alerts, sent to a real SMTP server (aiosmtpd) the tests start:
new safeguarding flags and consultations opening, closing and getting their
first response go to the staff who opted in and whose role acts on them; an
email never holds what anyone wrote or anything about who answered; mail is
sent only after the commit, and a mail server that is down never loses a
response."""

from __future__ import annotations

import logging
import socket
import time
from datetime import date, timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from flask import url_for
from sqlalchemy import select

from tests.webapp.helpers import field, make_consultation, make_user, page, page_id, sign_in_as, walk_to_check
from webapp.audit import AuditEvent
from webapp.consultations.models import ConsultationResponse
from webapp.extensions import db
from webapp.staff import alerts

DANGER = "He said he would kill me if I left and he has a knife. Ask for Priya at Elm Street."
URL = "/c/support-after-leaving"


class Inbox:
    """What the SMTP server received, as parsed messages."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def wait_for(self, count: int, seconds: float = 5.0) -> list:
        """Alerts sent during a request go from a thread: wait for them."""
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return list(self.messages)

    def after_a_moment(self) -> list:
        time.sleep(0.3)
        return list(self.messages)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def inbox(smtp):
    smtp.handler.messages.clear()
    return smtp.handler


@pytest.fixture
def app_overrides(smtp):
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp.port, "MAIL_FROM": "heard@partnership.example",
            "PUBLIC_BASE_URL": "https://heard.example"}


@pytest.fixture
def opted_in(app_context, app):
    """An engagement officer and an analyst who turned alerts on, and an administrator who did not."""
    engagement = make_user("eng@partnership.example", "engagement")
    analyst = make_user("analyst@partnership.example", "analyst")
    make_user("admin@partnership.example", "admin")
    engagement.email_alerts = analyst.email_alerts = True
    db.session.commit()
    return engagement


def recipients(messages) -> list[tuple[str, str]]:
    return sorted((message["To"], message["Subject"]) for message in messages)


def answer(client, consultation, anything_else: str = "") -> None:
    c = consultation
    client.get(f"{URL}?start=1")
    for step, data in [
        (page_id(c, "Your support"), {field(c, "Did you stay in a refuge?"): "No"}),
        (page_id(c, "Looking ahead"), {field(c, "Anything else?"): anything_else}),
        ("check", {"website": ""}),
    ]:
        response = client.post(URL, data={"step": step, **data})
        assert response.status_code == 303, response.get_data(as_text=True)[:2000]


def test_a_flagged_consultation_answer_alerts_moderators_without_a_word_of_it(client, opted_in, inbox):
    consultation = make_consultation()
    answer(client, consultation, anything_else=DANGER)
    messages = inbox.wait_for(2)
    assert recipients(messages) == [("eng@partnership.example", "Heard: a consultation has its first answers"),
                                    ("eng@partnership.example", "Heard: a new safeguarding flag")]
    for message in messages:
        body = message.get_content()
        assert message["From"] == "heard@partnership.example"
        assert "https://heard.example/staff/" in body
        for telling in ("kill", "knife", "Priya", "Elm", "refuge", "No", "threat"):
            assert telling not in body.replace("Sign in to Heard", "").replace("Improving support after leaving", "")
    [safeguarding] = [m for m in messages if "safeguarding" in m["Subject"]]
    assert "Improving support" not in safeguarding.get_content()  # not even which consultation


def test_the_first_response_alerts_once(client, opted_in, inbox):
    consultation = make_consultation()
    answer(client, consultation)
    assert recipients(inbox.wait_for(1)) == [("eng@partnership.example",
                                               "Heard: a consultation has its first answers")]
    answer(client, consultation)
    assert len(inbox.after_a_moment()) == 1
    assert len(db.session.scalars(select(ConsultationResponse)).all()) == 2


def test_a_flagged_feedback_response_alerts_too(client, demo_data, opted_in, inbox):
    walk_to_check(client, what_helped=DANGER)
    assert client.post("/feedback", data={"step": "check", "website": ""}).status_code == 303
    [message] = inbox.wait_for(1)
    assert message["Subject"] == "Heard: a new safeguarding flag"
    assert "knife" not in message.get_content()


def test_staff_flagging_an_answer_alerts_moderators(client, opted_in, inbox):
    consultation = make_consultation()
    response = ConsultationResponse(consultation=consultation, submitted_on=date.today())
    db.session.add(response)
    db.session.commit()
    sign_in_as(client, opted_in)
    client.post(f"/staff/consultations/{consultation.id}/moderation/responses/{response.id}/safeguarding")
    assert [m["Subject"] for m in inbox.wait_for(1)] == ["Heard: a new safeguarding flag"]
    client.post(f"/staff/consultations/{consultation.id}/moderation/responses/{response.id}/safeguarding")
    assert len(inbox.after_a_moment()) == 1  # removing a flag is not news


def test_opening_and_closing_alert_builders(client, opted_in, inbox, runner):
    today = date.today()
    consultation = make_consultation("sp26", status="review", opens_on=today, closes_on=today + timedelta(days=5))
    sign_in_as(client, opted_in)
    client.post(f"/staff/consultations/{consultation.id}/status", data={"value": "open"})
    [opened] = inbox.wait_for(1)
    assert opened["Subject"] == "Heard: a consultation has opened"
    assert "\u201cImproving support after leaving\u201d is now open" in opened.get_content()
    consultation.closes_on = today - timedelta(days=1)
    db.session.commit()
    assert runner.invoke(args=["consultations", "tick"]).exit_code == 0
    # A command sends before it ends: no waiting.
    assert [m["Subject"] for m in inbox.messages] == ["Heard: a consultation has opened",
                                                      "Heard: a consultation has closed"]


def test_nothing_is_sent_for_a_change_that_is_rolled_back(app, opted_in, inbox):
    alerts.alert("safeguarding")
    db.session.rollback()
    db.session.commit()
    assert inbox.after_a_moment() == []


def test_nobody_opted_in_means_no_mail(app_context, client, app, inbox):
    make_user("eng@partnership.example", "engagement")
    answer(client, make_consultation(), anything_else=DANGER)
    assert inbox.after_a_moment() == []


@pytest.mark.parametrize("overrides", [{"MAIL_PORT": 1}, {"MAIL_SERVER": "mail.invalid"}],
                         ids=["refused", "unknown-host"])
def test_a_mail_server_that_is_down_never_loses_a_response(client, app, opted_in, overrides, caplog):
    app.config.update(overrides)
    # The tests' in-process `flask db upgrade` applies alembic.ini, which disables loggers made before it.
    logging.getLogger(alerts.__name__).disabled = False
    consultation = make_consultation()
    answer(client, consultation, anything_else=DANGER)
    assert page(client.get(URL)).h1.get_text() == "If you are in danger now, call 999"
    [stored] = db.session.scalars(select(ConsultationResponse)).all()
    assert stored.risk_flagged
    deadline = time.monotonic() + 10
    while "staff alerts could not be sent" not in caplog.text and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "staff alerts could not be sent" in caplog.text


def test_without_a_mail_server_nothing_is_queued(app, opted_in):
    app.config["MAIL_SERVER"] = None
    alerts.alert("safeguarding")
    assert alerts.PENDING_KEY not in db.session.info


def test_staff_turn_alerts_on_and_off(app_context, client, app):
    user = make_user("eng@partnership.example", "engagement")
    sign_in_as(client, user)
    html = page(client.get("/staff/alerts"))
    kinds = html.find(id="alert-kinds").get_text()
    assert "a new safeguarding flag" in kinds and "a consultation opening" in kinds
    assert html.find(id="mail-not-configured") is None
    assert html.find("input", attrs={"name": "email_alerts", "value": "no"}).has_attr("checked")
    response = client.post("/staff/alerts", data={"email_alerts": "yes"})
    assert response.status_code == 302
    assert user.email_alerts
    assert "Email alerts: on" in page(client.get("/staff/")).get_text()
    client.post("/staff/alerts", data={"email_alerts": "no"})
    assert not user.email_alerts
    assert [e.detail for e in db.session.scalars(select(AuditEvent).where(AuditEvent.action == "user.email_alerts")
                                                .order_by(AuditEvent.id))
            ] == ["on", "off"]
    refused = client.post("/staff/alerts", data={})
    assert refused.status_code == 200 and "Select yes or no" in page(refused).get_text()


def test_a_board_member_is_offered_only_what_their_role_acts_on(app_context, client, app):
    sign_in_as(client, make_user("board@partnership.example", "board"))
    html = page(client.get("/staff/alerts"))
    assert html.find(id="no-alerts") and html.find(id="alert-kinds") is None
    assert not html.select("form input[type=radio]")


def test_the_staff_home_path_in_emails_is_the_staff_home(app):
    with app.test_request_context():
        assert url_for("staff.home") == alerts.STAFF_HOME_PATH
