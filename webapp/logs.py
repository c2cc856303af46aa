"""Logging that carries no personal data, as JSON lines.

Every line is one JSON object: time (only the day during a public request),
level, logger, message, and for requests the route *template* (`/c/<slug>`,
never the filled-in path or its query string), method, status and duration.
No client address, user agent, query string or free text is ever written: the
development server's request log (which starts with the client address) is
silenced, and every record also passes through a filter that removes anything
shaped like an IP address. Exceptions are logged
as their type and the code locations only: an exception message can quote what
someone typed.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback
from datetime import UTC, datetime

from flask import Flask, g, has_request_context, request
from flask.logging import default_handler

from webapp.privacy import ScrubAddressesFilter

REQUEST_LOGGER = "webapp.requests"
REQUEST_FIELDS = ("path", "method", "status", "duration_ms")
# One filter for the process: each app made in it (tests make hundreds) adds this
# same one, which a logger or handler keeps only once, not one more copy per app.
SCRUB = ScrubAddressesFilter()


class JsonLinesFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": log_time(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update({key: getattr(record, key) for key in REQUEST_FIELDS if hasattr(record, key)})
        if record.exc_info and record.exc_info[0] is not None:
            line["exception"] = exception_summary(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def log_time(record: logging.LogRecord) -> str:
    """When, to the millisecond, except during a public request: then only the
    day, as responses are stored. A stamped public POST next to responses in
    the order they were stored would give each response its time of day."""
    when = datetime.fromtimestamp(record.created, UTC)
    if has_request_context() and not request.path.startswith("/staff"):
        return when.date().isoformat()
    return when.isoformat(timespec="milliseconds")


def exception_summary(exc_info) -> dict:
    """The exception's type and where it happened, without its message."""
    error_type, _error, tb = exc_info
    frames = [f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in traceback.extract_tb(tb)]
    return {"type": error_type.__name__, "frames": frames}


class JsonLinesHandler(logging.StreamHandler):
    """Heard's one log handler (marked so that a second app in the same process
    does not add a second one to the shared `webapp` logger)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setFormatter(JsonLinesFormatter())
        self.addFilter(ScrubAddressesFilter())


def configure_logging(app: Flask) -> None:
    # werkzeug's request log is "ADDRESS - - [date] request-line": silence it whole.
    logging.getLogger("werkzeug").setLevel(logging.CRITICAL)
    for logger in (logging.getLogger(), app.logger, logging.getLogger("gunicorn.error")):
        logger.addFilter(SCRUB)
        for handler in logger.handlers:
            handler.addFilter(SCRUB)
    app.logger.removeHandler(default_handler)
    if not any(isinstance(handler, JsonLinesHandler) for handler in app.logger.handlers):
        app.logger.addHandler(JsonLinesHandler())
    app.logger.setLevel(logging.INFO)
    # `flask db upgrade` run in-process (tests) applies alembic.ini with
    # disable_existing_loggers: Heard's own loggers must keep working after it.
    for logger in (app.logger, logging.getLogger(REQUEST_LOGGER)):
        logger.disabled = False
    _log_requests(app)


def _log_requests(app: Flask) -> None:
    requests_log = logging.getLogger(REQUEST_LOGGER)

    @app.before_request
    def start_clock() -> None:
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        started = g.get("request_started")
        duration = round((time.perf_counter() - started) * 1000, 1) if started else None
        template = request.url_rule.rule if request.url_rule else "(no route)"
        requests_log.info("request", extra={"path": template, "method": request.method,
                                            "status": response.status_code, "duration_ms": duration})
        return response
