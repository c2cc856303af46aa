"""The public pages (blueprint `public`): each renders a template; /exit ends
the visit and leaves for the partnership's neutral destination."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, session

from webapp.consultations import translations
from webapp.consultations.journey import open_public_consultations
from webapp.feedback.directory import local_directory
from webapp.journeys import end_session

bp = Blueprint("public", __name__)


@bp.get("/")
def home():
    # Each consultation's title in the visitor's language where it has a complete translation.
    consultations = [translations.as_chosen(c) for c in open_public_consultations()]
    return render_template("pages/home.html", consultations=consultations)


@bp.get("/get-help")
def get_help():
    return render_template("pages/get-help.html", local_services=local_directory())


@bp.get("/staying-safe-online")
def staying_safe():
    return render_template("pages/staying-safe-online.html")


@bp.get("/privacy")
def privacy():
    return render_template("pages/privacy.html")


@bp.get("/accessibility")
def accessibility():
    return render_template("pages/accessibility.html")


@bp.get("/exit")
def exit_page():
    """End the session and leave for a neutral page. 303 so the browser uses GET."""
    end_session(session)
    response = redirect(current_app.config["EXIT_URL"], code=303)
    response.delete_cookie(current_app.config["SESSION_COOKIE_NAME"], httponly=True, samesite="Strict")
    return response
