"""Friendly error pages, and a kind 503 while the database is away. Every one
carries the exit control (it is in the layout)."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from werkzeug.exceptions import HTTPException

from webapp.extensions import db

ERROR_PAGES = {400, 404, 405, 413, 429, 500, 503}

# The database is down, restarting or out of connections: a passing outage, so 503.
# Other DBAPIErrors (IntegrityError, DataError) are bugs and stay 500s.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeoutError)
# Journeys whose answers live in the server-side session (Redis), not the database:
# the 503 page offers to send the same form again, so what was just typed is kept.
RESENDABLE_ENDPOINTS = {"feedback.journey_post", "respond.consultation_post"}
RETRY_AFTER_SECONDS = 60
# Set by create_app: the staff room's answer to a staff form whose token expired
# (it keeps what was typed), or None where it is not one; that room sits above this one.
EXPIRED_FORM_KEY = "heard_expired_staff_form"


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        # The journeys' own blueprints handle an expired token by asking again
        # with what was typed kept (see `token_expired` in their views); staff
        # forms are kept by the staff room.
        keep_staff_form = app.extensions.get(EXPIRED_FORM_KEY)
        return (keep_staff_form and keep_staff_form()) or (render_template("error/400.html"), 400)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code if error.code in ERROR_PAGES else 400
        if error.code and error.code < 400:
            return error
        return render_template(f"error/{code}.html"), code

    def database_unavailable(error: SQLAlchemyError):
        app.logger.warning("Database unavailable on %s: %s", request.endpoint, type(error).__name__)
        try:
            db.session.rollback()  # the connection is already gone; forget the transaction
        except SQLAlchemyError:
            app.logger.warning("Rollback after a database outage failed too")
        return database_unavailable_page()

    for exception_class in DATABASE_UNAVAILABLE:
        app.register_error_handler(exception_class, database_unavailable)

    # Registered after Flask-SQLAlchemy's teardown, so it runs first (teardowns run
    # in reverse): if PostgreSQL went away mid-request, ending the session's
    # transaction fails, and that must not turn a finished response into a 500.
    @app.teardown_appcontext
    def end_session_even_if_the_database_went_away(_error):
        try:
            db.session.remove()
        except SQLAlchemyError:
            app.logger.warning("Ending a database session failed; its connection is dropped")
            db.session.registry().invalidate()
            db.session.registry.clear()

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        app.logger.exception("Unhandled error on %s", request.endpoint)
        return render_template("error/500.html"), 500


def database_unavailable_page():
    """A kind 503 that keeps what was typed: on a journey POST, the same fields
    go back into a form the person can send again in a minute."""
    resend = request.method == "POST" and request.endpoint in RESENDABLE_ENDPOINTS
    fields = list(request.form.items(multi=True)) if resend else []
    body = render_template("error/503.html", resend_fields=fields, resend_url=request.full_path.rstrip("?"))
    return body, 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}
