"""Co-production at `/review/<slug>`: members of the service-user group, with
the access code, see each page as respondents will and comment on each question
and on what is missing. Comments are anonymous and redacted before they are
stored. Same safety shell as the public journeys: exit control, one URL,
POST/redirect/GET, a server-side session that ends on the thank-you page."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField

from analysis.redaction import redact
from analysis.risk import assess
from webapp.consultations import addresses, answer_forms, translations
from webapp.consultations import journey as j
from webapp.consultations.models import ReviewComment
from webapp.extensions import db
from webapp.forms import FREE_TEXT_MAX, AccessCodeForm
from webapp.journeys import (
    carried_fields,
    code_refused,
    code_tries_allowed,
    end_session,
    post_allowed,
    still_carried,
    uncarried,
)

bp = Blueprint("review", __name__)

THANKS_KEY = "review_thanks"
FLAGGED_KEY = "review_flagged"  # a comment suggested danger: the thank-you page leads with help
COMMENT_MAX = FREE_TEXT_MAX
MISSING = "missing"


def _key(slug: str) -> str:
    return f"review:{slug}"


class ReviewPageForm(FlaskForm):
    submit = SubmitField(_l("Save and continue"), widget=GovSubmitInput())


@bp.get("/review/<slug>")
def review(slug: str):
    consultation = _in_review_or_404(slug)
    if session.get(THANKS_KEY) == slug:
        flagged = bool(session.get(FLAGGED_KEY))
        shown = translations.in_language(consultation)  # before the session and its language end
        end_session(session)
        return render_template("consultations/review/thank-you.html", consultation=shown, flagged=flagged)
    state = session.get(_key(slug))
    if not state:
        return _render(consultation, "code", AccessCodeForm())
    return _render(consultation, state["step"])


@bp.post("/review/<slug>")
def review_post(slug: str):
    consultation = _in_review_or_404(slug)
    state = session.get(_key(slug))
    step = state["step"] if state else "code"
    posted = request.form.get("step", "")
    if step == "code" and _is_page_step(consultation, posted):
        return _ask_code_again(consultation, posted)
    if posted != step:
        return redirect(url_for(".review", slug=slug), code=303)
    if step == "code":
        return _check_code(consultation)
    too_long = _too_long(consultation, step)
    if not post_allowed(session, counted=step == MISSING) or too_long:
        return _render(consultation, step, status=429 if not too_long else 400,
                       notice="rate-limited" if not too_long else "", errors=too_long)
    if not ReviewPageForm().validate_on_submit():
        return _render(consultation, step, status=400)
    flagged = _store_comments(consultation, step) or bool(session.get(FLAGGED_KEY))
    session[FLAGGED_KEY] = flagged
    if step == MISSING:
        session.clear()
        session[THANKS_KEY] = slug
        session[FLAGGED_KEY] = flagged
    else:
        number = int(step)
        session[_key(slug)] = {"step": str(number + 1) if number < len(consultation.pages) else MISSING}
    return redirect(url_for(".review", slug=slug), code=303)


@bp.errorhandler(CSRFError)
def token_expired(error: CSRFError):
    """The page was open so long its token (or the whole visit) expired: keep
    what was typed and say what to do."""
    if request.endpoint != "review.review_post":
        return render_template("error/400.html"), 400
    consultation = j.consultation_by_slug(request.view_args["slug"])
    if consultation is None or consultation.status != "review":
        # Nothing to keep: the review is over (or never was), so the token does not matter.
        return render_template("error/400.html"), 400
    state = session.get(_key(consultation.slug))
    posted = request.form.get("step", "")
    if not state and _is_page_step(consultation, posted):
        return _ask_code_again(consultation, posted)
    if state and posted == state["step"]:
        return _render(consultation, posted, status=400, notice="expired")
    return _render(consultation, "code", AccessCodeForm(formdata=None), status=400, notice="expired")


def _is_page_step(consultation, step: str) -> bool:
    return step == MISSING or (step.isdigit() and 1 <= int(step) <= len(consultation.pages))


def _ask_code_again(consultation, posted: str):
    """The visit timed out on a page: the code is needed again, and what was
    typed there rides along in hidden fields until it is given."""
    names = [name for name, _ in _comment_fields(consultation, posted)]
    carried = [("resume", posted), *carried_fields(request.form, names)]
    return _render(consultation, "code", AccessCodeForm(formdata=None), status=400,
                   notice="timed-out-carried", carried=carried)


def _check_code(consultation):
    form = AccessCodeForm()
    resume = request.form.get("resume", "")
    carried = [("resume", resume), *still_carried(request.form)] if resume else []
    # Access codes have their own throttle, so wrong codes never use up the connection's sends.
    if not post_allowed(session) or not code_tries_allowed():
        return _render(consultation, "code", form, status=429, notice="rate-limited", carried=carried)
    if not form.validate_on_submit():
        return _render(consultation, "code", form, status=400, carried=carried)
    refused = code_refused(j.check_access_code(consultation, form.code.data))
    if refused:
        form.code.errors = [refused]
        return _render(consultation, "code", form, status=400, carried=carried)
    if _is_page_step(consultation, resume):
        session[_key(consultation.slug)] = {"step": resume}
        return _render(consultation, resume, typed=uncarried(request.form))
    session[_key(consultation.slug)] = {"step": "1" if consultation.pages else MISSING}
    return redirect(url_for(".review", slug=consultation.slug), code=303)


# What the team decided: the group hears back ------------------------------------------

def _decisions_key(slug: str) -> str:
    return f"review-decisions:{slug}"


@bp.route("/review/<slug>/decisions", methods=["GET", "POST"])
def decisions(slug: str):
    """Each comment the group made, what the team decided and why, and what
    changed, behind the same access code. Open for as long as the code is: the
    team keeps deciding after the review ends."""
    consultation = j.consultation_by_slug(slug) or addresses.redirect_if_moved(slug, ".decisions")
    if not consultation.access_code_hash:
        abort(404)
    if session.get(_decisions_key(slug)):
        shown = translations.in_language(consultation)
        return render_template("consultations/review/decisions.html", consultation=shown,
                               sections=_comment_sections(shown))
    form = AccessCodeForm()
    if request.method == "GET":
        return _decisions_code(consultation, form)
    if not post_allowed(session) or not code_tries_allowed():
        return _decisions_code(consultation, form, status=429, notice="rate-limited")
    if not form.validate_on_submit():
        return _decisions_code(consultation, form, status=400)
    refused = code_refused(j.check_access_code(consultation, form.code.data))
    if refused:
        form.code.errors = [refused]
        return _decisions_code(consultation, form, status=400)
    session[_decisions_key(slug)] = True
    return redirect(url_for(".decisions", slug=slug), code=303)


def _decisions_code(consultation, form, status: int = 200, notice: str = ""):
    shown = translations.in_language(consultation)
    return make_response(render_template(
        "consultations/review/decisions-code.html", consultation=shown, form=form, notice=notice,
        step="code", typed={}, action=url_for(".decisions", slug=consultation.slug),
        caption=gettext("Your comments on: %(title)s", title=shown.title)), status)


def _comment_sections(shown: translations.LocalConsultation) -> list[tuple[str, list[ReviewComment]]]:
    """Comments under the question they were about (in the member's language), in
    the consultation's order, then the "something is missing" ones."""
    sections = [(question.text, [c for c in shown.comments if c.question_id == question.id])
                for question in shown.questions]
    sections.append((gettext("Something is missing"), [c for c in shown.comments if c.question_id is None]))
    return [(title, comments) for title, comments in sections if comments]


def _in_review_or_404(slug: str):
    consultation = j.consultation_by_slug(slug) or addresses.redirect_if_moved(slug, ".review")
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


def _store_comments(consultation, step: str) -> bool:
    """Only the redacted comment is written, with the danger categories of what was
    typed; nothing says who wrote it. True when a comment suggests danger now."""
    flagged = False
    for name, question in _comment_fields(consultation, step):
        text = (request.form.get(name) or "").strip()
        if text:
            risk = assess(text)
            flagged = flagged or risk.flagged
            consultation.comments.append(ReviewComment(question=question, text=redact(text).text,
                                                       risk_categories=",".join(risk.categories)))
    db.session.commit()
    return flagged


def _condition_note(shown: translations.LocalConsultation, page) -> str:
    """When a page is shown only after certain answers, in the reviewer's language."""
    source = shown.question(page.show_if_question_id) if page.show_if_question_id else None
    if source is None or not page.show_if_values:
        return ""
    answers = f"\u201d {gettext('or')} \u201c".join(j.choice_label(source, value) for value in page.show_if_values)
    return gettext("People see this page only if they answered \u201c%(answers)s\u201d to \u201c%(question)s\u201d.",
                   answers=answers, question=source.text)


def _render(consultation, step: str, form=None, status: int = 200, notice: str = "", errors: dict | None = None,
            carried=(), typed=None):
    if typed is None:
        typed = request.form if request.method == "POST" else {}
    shown = translations.in_language(consultation)
    context = {"consultation": shown, "step": step, "notice": notice, "errors": errors or {},
               "typed": typed, "comment_max": COMMENT_MAX, "carried": carried,
               "action": url_for(".review_post", slug=consultation.slug),
               "caption": gettext("Reviewing: %(title)s", title=shown.title)}
    if step == "code":
        template = "access-code.html"
    elif step == MISSING:
        template = "missing.html"
        form = form or ReviewPageForm()
    else:
        template = "page.html"
        page = shown.pages[int(step) - 1]
        form = form or ReviewPageForm()
        context.update(page=page, page_number=int(step), page_count=len(consultation.pages),
                       condition_note=_condition_note(shown, page),
                       preview_form=answer_forms.page_form(page, {}))
    body = render_template(f"consultations/review/{template}", form=form, **context)
    return make_response(body, status)
