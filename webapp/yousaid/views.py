"""Public "you said, we did" pages: an index, a page per closed or published
consultation, and a rolling page for feedback over the last four quarters.
How many took part and what they said (themes and counts, suppressed below 5,
and quotes staff marked for publication), each of the board's published
actions beside the theme it answers, and plain words for the services' terms
(`glossary`). Same safety shell as every public page; no forms, so no cookie."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from webapp.consultations.models import Consultation
from webapp.consultations.translations import LocalConsultation, as_chosen
from webapp.extensions import db
from webapp.periods import recent_quarters
from webapp.reports.population import population_of
from webapp.reports.public import PublicReport, public_report
from webapp.themes.codebook import theme_labels
from webapp.themes.scope import consultation_scope, feedback_quarter
from webapp.yousaid.glossary import terms_in

bp = Blueprint("yousaid", __name__, url_prefix="/you-said-we-did")

FINISHED = ("closed", "published")
ROLLING_QUARTERS = 4
# An action's status in the public's words (`BoardAction.status`).
PUBLIC_STATUSES = {"planned": _l("Planned"), "in_progress": _l("In progress"), "done": _l("Done"),
                   "not_doing": _l("Not doing")}


@bp.context_processor
def statuses() -> dict:
    return {"statuses": PUBLIC_STATUSES}


def finished_consultations() -> list[LocalConsultation]:
    """Each one titled in the visitor's language where its translation is complete."""
    return [as_chosen(consultation) for consultation in db.session.scalars(
        select(Consultation).where(Consultation.status.in_(FINISHED))
        .order_by(Consultation.closes_on.desc(), Consultation.id.desc()))]


@bp.get("/")
def index():
    return render_template("yousaid/index.html", consultations=finished_consultations())


@bp.get("/consultations/<slug>")
def consultation(slug: str):
    found = db.session.scalar(select(Consultation).where(Consultation.slug == slug,
                                                         Consultation.status.in_(FINISHED)))
    if found is None:
        abort(404)
    report = public_report(consultation_scope(found.slug), theme_labels())
    return render_template("yousaid/consultation.html", consultation=as_chosen(found), report=report,
                           glossary=terms_in(page_texts([report])))


@bp.get("/feedback")
def feedback():
    labels = theme_labels()
    periods = []
    for quarter in recent_quarters(ROLLING_QUARTERS):
        scope = feedback_quarter(quarter)
        # A quarter still under way counts its finished months, and says so.
        periods.append({"label": population_of(scope).label, "key": quarter, "report": public_report(scope, labels)})
    return render_template("yousaid/feedback.html", periods=periods,
                           glossary=terms_in(page_texts([period["report"] for period in periods])))


def page_texts(reports: list[PublicReport]) -> list[str]:
    """Every word the page shows from staff and the codebook, for the glossary."""
    texts = []
    for report in reports:
        texts += [theme.label for theme in report.themes] + [q for theme in report.themes for q in theme.quotes]
        for pair in report.pairs:
            texts.append(pair.label)
            texts += [str(part) for action in pair.actions
                      for part in (action.description, action.owner, action.reason, action.latest_update)]
    return texts
