"""Paper forms to download: the feedback form for anyone (linked from the
accessibility statement, which promises a paper copy), in the visitor's
language; each consultation's for staff, from its page and its share page."""

from __future__ import annotations

from flask import Blueprint, abort, make_response

from webapp.audit import record_event
from webapp.consultations import translations
from webapp.consultations.models import Consultation
from webapp.extensions import db
from webapp.paper.forms import consultation_form, feedback_form
from webapp.paper.pdf import form_filename, form_pdf
from webapp.staff.access import permission_required

bp = Blueprint("paper", __name__)
staff_bp = Blueprint("paper_staff", __name__, url_prefix="/staff/paper")


def _pdf_response(pdf: bytes, filename: str):
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/paper-form.pdf")
def feedback_pdf():
    # A neutral file name: it stays in the downloads folder.
    return _pdf_response(form_pdf(feedback_form()), form_filename("feedback"))


@staff_bp.get("/consultations/<int:consultation_id>.pdf")
@permission_required("build")
def consultation_pdf(consultation_id: int):
    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None:
        abort(404)
    # In the language asked for (`?lang=cy`) when the consultation is completely translated into it, else English.
    shown = translations.in_language(consultation)
    pdf = form_pdf(consultation_form(shown))
    record_event("consultation.paper_form", target=consultation.slug, detail=f"language {shown.language}")
    db.session.commit()
    suffix = f"-{shown.language}" if shown.language != translations.SOURCE_LANGUAGE else ""
    return _pdf_response(pdf, form_filename(consultation.slug + suffix))
