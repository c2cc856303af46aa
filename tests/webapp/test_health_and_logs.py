"""`/healthz` says ok or not without details; logs are JSON lines with no
personal data (no free text, query strings, addresses or user agents)."""

from __future__ import annotations

import io
import json
import logging
import re

import pytest

from tests.webapp.helpers import walk_to_check
from webapp import create_app
from webapp.logs import JsonLinesHandler

BROKEN_DATABASE = "postgresql+psycopg://heard:secret-password@127.0.0.1:1/no_such_db?connect_timeout=2"


def test_healthz_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers


def test_healthz_503_without_details_when_the_database_is_down():
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": BROKEN_DATABASE})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable"}
    body = response.get_data(as_text=True)
    for detail in ("127.0.0.1", "psycopg", "no_such_db", "secret", "Operational", "Traceback"):
        assert detail not in body
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("app_overrides", [{"REDIS_URL": "redis://127.0.0.1:1/0"}])
def test_healthz_503_when_redis_is_configured_but_down(database_url, app_overrides):
    app = create_app("test", {"SQLALCHEMY_DATABASE_URI": database_url, **app_overrides})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable"}


@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_ENABLED": True, "RATELIMIT_DEFAULT": "2 per minute"}])
def test_healthz_is_exempt_from_rate_limits(default_limit_for_one_test, app, app_overrides):
    client = app.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/").status_code == 429  # the default limit really applies elsewhere
    assert all(client.get("/healthz").status_code == 200 for _ in range(5))


@pytest.fixture
def log_lines(app):
    """What Heard's own log handler writes, as a list of lines."""
    [handler] = [h for h in app.logger.handlers if isinstance(h, JsonLinesHandler)]
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield lambda: buffer.getvalue().splitlines()
    handler.setStream(previous)


FREE_TEXT = "Zebra-Quokka my worker Priya helped"
QUERY_SECRET = "Marmalade-Query-77"
USER_AGENT = "Heard-Test-Agent/9.9 (Secret-Phone)"
ADDRESS = "203.0.113.77"


def test_a_feedback_journey_logs_json_lines_without_personal_data(client, demo_data, log_lines):
    client.environ_base.update({"HTTP_USER_AGENT": USER_AGENT, "REMOTE_ADDR": ADDRESS})
    client.get(f"/?ref={QUERY_SECRET}")
    client.get(f"/feedback?step=service&service=outreach&note={QUERY_SECRET}")
    walk_to_check(client, what_helped=FREE_TEXT, could_be_better=FREE_TEXT)
    client.post("/feedback", data={"step": "check", "website": ""})
    client.get(f"/no-such-page/{QUERY_SECRET}")
    logging.getLogger("webapp").warning("an event with %s", "an argument")

    lines = log_lines()
    assert len(lines) >= 10
    records = [json.loads(line) for line in lines]
    for record in records:
        assert {"time", "level", "logger", "message"} <= set(record)
    requests = [r for r in records if r["logger"] == "webapp.requests"]
    assert {"/", "/feedback", "(no route)"} <= {r["path"] for r in requests}
    assert all(isinstance(r["duration_ms"], float) and r["status"] for r in requests)
    everything = "\n".join(lines)
    for secret in (FREE_TEXT, "Zebra", "Priya", QUERY_SECRET, "Marmalade", USER_AGENT, "Secret-Phone", ADDRESS,
                   "?", "step=", "outreach"):
        assert secret not in everything, secret


def test_public_requests_are_logged_with_the_day_only_and_staff_ones_to_the_millisecond(client, demo_data,
                                                                                         log_lines):
    """Issue 11: a public POST stamped to the millisecond, beside responses stored
    in order, gave each response its time of day."""
    walk_to_check(client, what_helped=FREE_TEXT, could_be_better="")
    client.post("/feedback", data={"step": "check", "website": ""})
    client.get("/staff/sign-in")
    requests = [json.loads(line) for line in log_lines() if '"webapp.requests"' in line]
    public = [r for r in requests if not r["path"].startswith("/staff")]
    staff = [r for r in requests if r["path"].startswith("/staff")]
    assert any(r["method"] == "POST" for r in public) and staff
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["time"]) for r in public)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00", r["time"]) for r in staff)


@pytest.mark.one_database  # logging, whatever the database
def test_exceptions_are_logged_without_their_message(app, log_lines):
    try:
        raise ValueError(f"could not parse {FREE_TEXT}")
    except ValueError:
        app.logger.exception("Unhandled error on %s", "feedback.journey_post")
    [line] = log_lines()
    record = json.loads(line)
    assert record["exception"]["type"] == "ValueError"
    assert record["exception"]["frames"]
    assert FREE_TEXT not in line


@pytest.mark.one_database  # logging, whatever the database
def test_addresses_are_scrubbed_from_messages(app, log_lines):
    app.logger.warning("Invalid request from ip=%s", ADDRESS)
    assert ADDRESS not in log_lines()[0] and "[address]" in log_lines()[0]


@pytest.mark.one_database  # logging, whatever the database
def test_werkzeug_request_log_is_off(app):
    assert logging.getLogger("werkzeug").getEffectiveLevel() > logging.ERROR


@pytest.mark.one_database  # logging, whatever the database
def test_one_handler_however_many_apps_are_made(app):
    create_app("test")
    assert sum(isinstance(h, JsonLinesHandler) for h in app.logger.handlers) == 1
