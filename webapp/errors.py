"""Friendly error pages. Every one carries the exit control (it is in the layout)."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

ERROR_PAGES = {400, 404, 405, 413, 429, 500, 503}


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        from webapp.public.routes import csrf_error_on_feedback

        if request.endpoint == "public.feedback_post":
            response = csrf_error_on_feedback(error)
            if response is not None:
                return response
        if request.endpoint == "respond.consultation_post":
            from webapp.consultations.respond import csrf_error_on_consultation

            response = csrf_error_on_consultation(request.view_args["slug"])
            if response is not None:
                return response
        return render_template("error/400.html"), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code if error.code in ERROR_PAGES else 400
        if error.code and error.code < 400:
            return error
        return render_template(f"error/{code}.html"), code

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        app.logger.exception("Unhandled error on %s", request.endpoint)
        return render_template("error/500.html"), 500
