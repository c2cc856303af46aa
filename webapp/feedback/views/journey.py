"""The feedback journey at /feedback: one URL, the session says which step to
show, each step posts and redirects (POST/redirect/GET). Views validate, call
`webapp.feedback.journey`, and redirect."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, session, url_for
from flask_babel import get_locale, gettext
from flask_wtf.csrf import CSRFError

from analysis.language import needs_reader
from webapp import i18n
from webapp.feedback import directory
from webapp.feedback import easy_read as er
from webapp.feedback import forms as f
from webapp.feedback import journey as journeys
from webapp.feedback import questions as q
from webapp.journeys import (
    end_session,
    flash_put_back,
    help_in_language,
    let_next_page_show_answers,
    may_show_answers,
    post_allowed,
    start_allowed,
)

bp = Blueprint("feedback", __name__)

STEP_FORMS = {
    "service": f.ServiceForm,
    "experience": f.ExperienceForm,
    "comments": f.CommentsForm,
    "about-you": f.AboutYouForm,
    "check": f.CheckForm,
}

# Easy Read (`feedback.easy_read`): its own forms and templates, the same journey.
EASY_READ_FORMS = {
    "service": f.EasyReadServiceForm,
    "experience": f.EasyReadExperienceForm,
    "comments": f.EasyReadCommentsForm,
    "check": f.CheckForm,
}

STEP_FIELDS = {"experience": q.RATING_FIELDS, "about-you": q.EQUALITY_FIELDS}


def _asked_for_easy_read(values) -> bool | None:
    """A link (`?read=easy`) or a posted form (its hidden `read` field) asks for Easy Read,
    or (`?read=standard`) for the standard version; None when it does not say."""
    return {er.QUERY_VALUE: True, er.STANDARD_VALUE: False}.get(values.get(er.QUERY_ARG, ""))


def _forms(journey: journeys.Journey) -> dict:
    return EASY_READ_FORMS if journey.easy_read else STEP_FORMS


@bp.get("/feedback")
def journey():
    easy_read = _asked_for_easy_read(request.args)
    if "step" in request.args:
        return _visit_step(request.args["step"], request.args.get("service", ""), easy_read)
    if journeys.THANKS_KEY in session:
        return _thank_you()
    journey = journeys.current_journey(session)
    if journey is None:
        return _before_you_start(request.args.get("service", ""), bool(easy_read))
    if easy_read is not None and easy_read != journey.easy_read:
        return _before_you_start("", easy_read)  # the other version's first screen, then its questions
    if not may_show_answers(session):
        return render_template("journeys/resume.html", continue_url=url_for(".journey", step=journey.step),
                               what=gettext("feedback"))
    return _render_step(journey, _prefilled_form(journey))


@bp.post("/feedback")
def journey_post():
    posted_step = request.form.get("step", "")
    if posted_step not in STEP_FORMS:
        abort(400)
    if _sent_already(posted_step):
        return redirect(url_for(".journey"), code=303)
    journey = journeys.current_journey(session)
    starting = journey is None
    if starting:
        journey = _start_from_post(posted_step)
    if journey.can_visit(posted_step):
        journey.go_to(posted_step)
    form = _form_for(journey)
    sending = journey.step == "check" and not _putting_back()
    if not post_allowed(session, starting=starting, counted=sending):
        return _render_step(journey, form, status=429, notice="rate-limited")
    if not form.validate_on_submit():
        return _render_step(journey, form, status=400 if form.errors else 200)
    return _save_step(journey, form)


@bp.errorhandler(CSRFError)
def token_expired(error: CSRFError):
    """The page was open so long its token expired: keep what was typed, ask again."""
    posted_step = request.form.get("step", "")
    if request.endpoint != "feedback.journey_post" or posted_step not in STEP_FORMS:
        return render_template("error/400.html"), 400
    if _sent_already(posted_step):  # sending ended the session, and its token with it
        return redirect(url_for(".journey"), code=303)
    journey = journeys.current_journey(session) or _start_from_post(posted_step)
    journey.go_to(posted_step)
    if journey.step == "check" and journey.first_missing_step():
        # Send pressed after the visit timed out: nothing typed is on this page to
        # keep, so say what was deleted where an answer is needed, not "check below".
        return _ask_for_missing(journey, journey.first_missing_step(), status=400)
    form = _form_for(journey)
    return _render_step(journey, form, status=400, notice="expired")


def _sent_already(posted_step: str) -> bool:
    """Send pressed again after the answers were stored but the reply never arrived
    (a dropped signal): thank the person, neither "your answers were deleted" nor a
    second copy. The thank-you marker lasts until the thank-you page is shown."""
    return (posted_step == "check" and journeys.THANKS_KEY in session
            and journeys.current_journey(session) is None)


def _start_from_post(posted_step: str) -> journeys.Journey:
    """A page posted with no journey (it timed out, or Exit reached us first): start
    again from that page, in the version (standard or Easy Read) the page was in."""
    easy_read = bool(_asked_for_easy_read(request.form)) and posted_step in EASY_READ_FORMS
    return journeys.start_journey(session, step=posted_step, easy_read=easy_read)


def _visit_step(step: str, service_slug: str, easy_read: bool | None):
    journey = journeys.current_journey(session)
    if journey is None:
        if not start_allowed():
            return render_template("error/429.html"), 429
        journey = journeys.start_journey(session, service_slug if directory.is_taking_feedback(service_slug) else "",
                                         easy_read=bool(easy_read))
    elif easy_read is not None and easy_read != journey.easy_read:
        journey.switch_to(easy_read)  # the first screen's link to the other version
    elif journey.can_visit(step):
        journey.go_to(step)
    let_next_page_show_answers(session)
    return redirect(url_for(".journey"), code=303)


def _before_you_start(service_slug: str, easy_read: bool):
    service = directory.service_by_slug(service_slug) if service_slug else None
    if service_slug and not (service and service.accepting_feedback):
        return render_template("feedback/service-closed.html", service=service)
    folder = "feedback/easy-read" if easy_read else "feedback"
    return render_template(f"{folder}/before-you-start.html", service=service, easy_read=easy_read)


def _thank_you():
    thanks = session.get(journeys.THANKS_KEY) or {}
    get_locale()  # read (and kept for this request) before the session and its language end
    end_session(session)
    language = thanks.get("language", "")
    easy_read = thanks.get("easy_read", False)
    return render_template("feedback/easy-read/thank-you.html" if easy_read else "feedback/thank-you.html",
                           flagged=thanks.get("flagged", False), easy_read=easy_read,
                           help_in_language=help_in_language(language), reader_note=bool(language))


def _form_for(journey: journeys.Journey):
    return _with_choices(journey, _forms(journey)[journey.step]())


def _prefilled_form(journey: journeys.Journey):
    return _with_choices(journey, _forms(journey)[journey.step](data=journey.answers))


def _with_choices(journey: journeys.Journey, form):
    if isinstance(form, f.ServiceForm):
        form.set_services(directory.services_taking_feedback())
    elif isinstance(form, f.CheckForm):
        form.put_back.choices = {word.index: word.label for word in journeys.removed_words(journey)}
    return form


def _save_step(journey: journeys.Journey, form):
    step = journey.step
    if step == "check" and (form.put_back_submit.data or form.put_back.data):
        return _put_back(journey, set(form.put_back.data or []))
    if step == "check":
        return _send(journey, form)
    if step == "service":
        other = form.other_service.data if form.service.data == q.ANOTHER_SERVICE else ""
        values = {"service": form.service.data, **journeys.other_service_values(other or "")}
    elif step == "comments":
        values = journeys.redact_comments(form.data)
    elif step == "about-you" and form.skip.data:
        values = {field: "" for field in q.EQUALITY_FIELDS}
    else:
        values = {name: form.data[name] or "" for name in STEP_FIELDS[step]}
    journey.save(step, values)
    let_next_page_show_answers(session)
    return redirect(url_for(".journey"), code=303)


def _putting_back() -> bool:
    """A check-page post that puts words back (a button or ticks): not a send, so
    it does not count against the connection's sends."""
    return bool(request.form.get("put_back_submit") or request.form.getlist("put_back"))


def _put_back(journey: journeys.Journey, indexes: set[int]):
    """Put ticked words back and show the check page again, so that what is sent is
    what the writer saw (ticking and pressing Send also lands here first)."""
    flash_put_back(journeys.put_back(journey, indexes))
    let_next_page_show_answers(session)
    return redirect(url_for(".journey") + "#main-content", code=303)


def _send(journey: journeys.Journey, form):
    missing = journey.first_missing_step()
    if missing:
        return _ask_for_missing(journey, missing)
    flagged = bool(journeys.risk_categories(journey.answers))
    easy_read = journey.easy_read
    language = journey.answers.get("text_language", "")
    unread = language if needs_reader(language) else ""
    if not form.website.data:  # honeypot filled: a bot; say thanks, store nothing
        try:
            journeys.submit(journey)
        except journeys.ServiceUnavailable as closed:
            journey.go_to("service")
            return _render_step(journey, _prefilled_form(journey), notice="service-closed",
                                closed_service=closed.name)
    chosen_language = session.get(i18n.SESSION_KEY)
    session.clear()
    if chosen_language:  # the thank-you page stays in the language the journey was in
        session[i18n.SESSION_KEY] = chosen_language
    session[journeys.THANKS_KEY] = {"flagged": flagged, "language": unread, "easy_read": easy_read}
    return redirect(url_for(".journey"), code=303)


def _ask_for_missing(journey: journeys.Journey, missing: str, status: int = 200):
    """Only after a time-out: say what was deleted, on the step that needs an answer."""
    journey.go_to(missing)
    return _render_step(journey, _prefilled_form(journey), status=status,
                        notice="answer-needed" if journey.answers else "all-deleted")


def _render_step(journey: journeys.Journey, form, status: int = 200, notice: str = "",
                 closed_service: str = ""):
    previous = journey.previous_step()
    folder = "feedback/easy-read" if journey.easy_read else "feedback"
    context = {"form": form, "step": journey.step, "notice": notice, "closed_service": closed_service,
               "action": url_for(".journey_post"), "easy_read": journey.easy_read,
               "caption": gettext("Step %(number)s of %(total)s", number=journey.step_number,
                                  total=len(journey.steps)),
               "back_url": url_for(".journey", step=previous) if previous else url_for("public.home")}
    if journey.step == "check":
        journey.mark_checked()
        template = "journeys/check-easy-read.html" if journey.easy_read else "journeys/check.html"
        context.update(summary=journeys.check_answers(journey), sending=gettext("your feedback"),
                       removed_words=form.put_back.choices,
                       notice=notice or ("timed-out" if journey.missing_fields() else ""),
                       has_free_text=any(journey.answers.get(field) for field in q.FREE_TEXT_FIELDS),
                       danger_now=bool(journeys.risk_categories(journey.answers)),
                       change_url=lambda step: url_for(".journey", step=step))
    else:
        template = f"{folder}/{journey.step}.html"
        context.update(q=q, er=er)
    return make_response(render_template(template, **context), status)
