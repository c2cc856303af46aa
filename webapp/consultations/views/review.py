"""Co-production at `/review/<slug>`: members of the service-user group, with
the access code, see each page as respondents will and comment on each question
and on what is missing. Comments are anonymous and redacted before they are
stored. Same safety shell as the public journeys: exit control, one URL,
POST/redirect/GET, a server-side session that ends on the thank-you page."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, session, url_for
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField

from analysis.redaction import redact
from webapp.consultations import answer_forms
from webapp.consultations import journey as j
from webapp.consultations.models import ReviewComment
from webapp.extensions import db
from webapp.forms import FREE_TEXT_MAX, AccessCodeForm
from webapp.journeys import code_refused, code_tries_allowed, end_session, post_allowed

bp = Blueprint("review", __name__)

THANKS_KEY = "review_thanks"
COMMENT_MAX = FREE_TEXT_MAX
MISSING = "missing"


def _key(slug: str) -> str:
    return f"review:{slug}"


class ReviewPageForm(FlaskForm):
    submit = SubmitField("Save and continue", widget=GovSubmitInput())


@bp.get("/review/<slug>")
def review(slug: str):
    consultation = _in_review_or_404(slug)
    if session.get(THANKS_KEY) == slug:
        end_session(session)
        return render_template("consultations/review/thank-you.html", consultation=consultation)
    state = session.get(_key(slug))
    if not state:
        return _render(consultation, "code", AccessCodeForm())
    return _render(consultation, state["step"])


@bp.post("/review/<slug>")
def review_post(slug: str):
    consultation = _in_review_or_404(slug)
    state = session.get(_key(slug))
    step = state["step"] if state else "code"
    if request.form.get("step") != step:
        return redirect(url_for(".review", slug=slug), code=303)
    if step == "code":
        form = AccessCodeForm()
        if not code_tries_allowed():
            return _render(consultation, step, form, status=429, notice="rate-limited")
        if not form.validate_on_submit():
            return _render(consultation, step, form, status=400)
        refused = code_refused(j.check_access_code(consultation, form.code.data))
        if refused:
            form.code.errors = [refused]
            return _render(consultation, step, form, status=400)
        session[_key(slug)] = {"step": "1" if consultation.pages else MISSING}
        return redirect(url_for(".review", slug=slug), code=303)
    too_long = _too_long(consultation, step)
    if not post_allowed() or too_long:
        return _render(consultation, step, status=429 if not too_long else 400,
                       notice="rate-limited" if not too_long else "", errors=too_long)
    if not ReviewPageForm().validate_on_submit():
        return _render(consultation, step, status=400)
    _store_comments(consultation, step)
    if step == MISSING:
        session.clear()
        session[THANKS_KEY] = slug
    else:
        number = int(step)
        session[_key(slug)] = {"step": str(number + 1) if number < len(consultation.pages) else MISSING}
    return redirect(url_for(".review", slug=slug), code=303)


# What the team decided: the group hears back ------------------------------------------

def _decisions_key(slug: str) -> str:
    return f"review-decisions:{slug}"


@bp.route("/review/<slug>/decisions", methods=["GET", "POST"])
def decisions(slug: str):
    """Each comment the group made, what the team decided and why, and what
    changed, behind the same access code. Open for as long as the code is: the
    team keeps deciding after the review ends."""
    consultation = j.consultation_by_slug(slug)
    if consultation is None or not consultation.access_code_hash:
        abort(404)
    if session.get(_decisions_key(slug)):
        return render_template("consultations/review/decisions.html", consultation=consultation,
                               sections=_comment_sections(consultation))
    form = AccessCodeForm()
    if request.method == "GET":
        return _decisions_code(consultation, form)
    if not post_allowed():
        return _decisions_code(consultation, form, status=429, notice="rate-limited")
    if not form.validate_on_submit():
        return _decisions_code(consultation, form, status=400)
    if not consultation.access_code_matches(form.code.data):
        form.code.errors = ["That access code is not right. Check it with the person who gave it "
                            "to you, and try again."]
        return _decisions_code(consultation, form, status=400)
    session[_decisions_key(slug)] = True
    return redirect(url_for(".decisions", slug=slug), code=303)


def _decisions_code(consultation, form, status: int = 200, notice: str = ""):
    return make_response(render_template(
        "consultations/review/decisions-code.html", consultation=consultation, form=form, notice=notice,
        step="code", typed={}, action=url_for(".decisions", slug=consultation.slug),
        caption=f"Your comments on: {consultation.title}"), status)


def _comment_sections(consultation) -> list[tuple[str, list[ReviewComment]]]:
    """Comments under the question they were about, in the consultation's order,
    then the "something is missing" ones."""
    sections = [(question.text, [c for c in consultation.comments if c.question_id == question.id])
                for question in consultation.questions]
    sections.append(("Something is missing", [c for c in consultation.comments if c.question_id is None]))
    return [(title, comments) for title, comments in sections if comments]


def _in_review_or_404(slug: str):
    consultation = j.consultation_by_slug(slug)
    if consultation is None:
        abort(404)
    if consultation.status != "review":
        abort(make_response(render_template("consultations/review/not-in-review.html",
                                            consultation=consultation), 200))
    return consultation


def _questions_for(consultation, step: str):
    if step == MISSING:
        return []
    return consultation.pages[int(step) - 1].questions


def _comment_fields(consultation, step: str) -> list[tuple[str, object]]:
    if step == MISSING:
        return [("comment-missing", None)]
    return [(f"comment-{question.id}", question) for question in _questions_for(consultation, step)]


def _too_long(consultation, step: str) -> dict:
    return {name: f"Keep your comment to {COMMENT_MAX} characters or fewer"
            for name, _ in _comment_fields(consultation, step)
            if len(request.form.get(name, "")) > COMMENT_MAX}


def _store_comments(consultation, step: str) -> None:
    """Only the redacted comment is written; nothing says who wrote it."""
    for name, question in _comment_fields(consultation, step):
        text = (request.form.get(name) or "").strip()
        if text:
            consultation.comments.append(ReviewComment(question=question, text=redact(text).text))
    db.session.commit()


def _render(consultation, step: str, form=None, status: int = 200, notice: str = "", errors: dict | None = None):
    context = {"consultation": consultation, "step": step, "notice": notice, "errors": errors or {},
               "typed": request.form if request.method == "POST" else {}, "comment_max": COMMENT_MAX,
               "action": url_for(".review_post", slug=consultation.slug),
               "caption": f"Reviewing: {consultation.title}"}
    if step == "code":
        template = "access-code.html"
    elif step == MISSING:
        template = "missing.html"
        form = form or ReviewPageForm()
    else:
        template = "page.html"
        page = consultation.pages[int(step) - 1]
        form = form or ReviewPageForm()
        context.update(page=page, page_number=int(step), page_count=len(consultation.pages),
                       preview_form=answer_forms.page_form(page, {}))
    body = render_template(f"consultations/review/{template}", form=form, **context)
    return make_response(body, status)
