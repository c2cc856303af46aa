"""Public "you said, we did" pages: an index, a page per closed or published
consultation, and a rolling page for feedback over the last four quarters.
What people said (themes and counts, suppressed below 5, and quotes staff
marked for publication), what was done (the board's actions) and when. Same
safety shell as every public page; no forms, so no cookie."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from sqlalchemy import select

from webapp.consultations.models import Consultation
from webapp.extensions import db
from webapp.periods import recent_quarters
from webapp.reports.population import population_of
from webapp.reports.public import public_actions, public_themes
from webapp.themes.codebook import theme_labels
from webapp.themes.scope import consultation_scope, feedback_quarter

bp = Blueprint("yousaid", __name__, url_prefix="/you-said-we-did")

FINISHED = ("closed", "published")
ROLLING_QUARTERS = 4


def finished_consultations() -> list[Consultation]:
    return list(db.session.scalars(
        select(Consultation).where(Consultation.status.in_(FINISHED))
        .order_by(Consultation.closes_on.desc(), Consultation.id.desc())))


@bp.get("/")
def index():
    return render_template("yousaid/index.html", consultations=finished_consultations())


@bp.get("/consultations/<slug>")
def consultation(slug: str):
    found = db.session.scalar(select(Consultation).where(Consultation.slug == slug,
                                                         Consultation.status.in_(FINISHED)))
    if found is None:
        abort(404)
    scope = consultation_scope(found.slug)
    labels = theme_labels()
    return render_template("yousaid/consultation.html", consultation=found, themes=public_themes(scope),
                           actions=public_actions(scope.key, labels))


@bp.get("/feedback")
def feedback():
    labels = theme_labels()
    periods = []
    for quarter in recent_quarters(ROLLING_QUARTERS):
        scope = feedback_quarter(quarter)
        # A quarter still under way counts its finished months, and says so.
        periods.append({"label": population_of(scope).label, "key": quarter, "themes": public_themes(scope),
                        "actions": public_actions(scope.key, labels)})
    return render_template("yousaid/feedback.html", periods=periods)
