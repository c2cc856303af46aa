"""Answering a consultation at `/c/<slug>`: the feedback journey's safety shell
(exit control, interruption page first with no cookie, one URL, POST/redirect/GET,
redaction before anything is kept) for a consultation's pages of questions."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, session, url_for
from flask_babel import get_locale, gettext
from flask_wtf.csrf import CSRFError

from webapp import i18n
from webapp.consultations import addresses, translations
from webapp.consultations import answer_forms as f
from webapp.consultations import easy_read as er
from webapp.consultations import journey as j
from webapp.forms import AccessCodeForm
from webapp.journeys import (
    code_refused,
    code_tries_allowed,
    end_session,
    flash_put_back,
    help_in_language,
    let_next_page_show_answers,
    may_show_answers,
    post_allowed,
    start_allowed,
)
from webapp.putting_back import put_back, removed_words

bp = Blueprint("respond", __name__)


@bp.get("/c/<slug>")
def consultation(slug: str):
    consultation = j.consultation_by_slug(slug) or addresses.redirect_if_moved(slug, ".consultation")
    thanks = session.get(j.THANKS_KEY)
    if consultation is not None and thanks and thanks.get("slug") == slug:
        # The language is chosen (and kept for this request) before the session and its language end.
        shown = translations.in_language(consultation)
        end_session(session)
        language = thanks.get("language", "")
        return render_template("consultations/respond/thank-you.html", consultation=shown,
                               flagged=thanks.get("flagged", False), help_in_language=help_in_language(language),
                               reader_note=bool(language), easy_read=thanks.get("easy_read", False))
    unavailable = _unavailable(consultation)
    if unavailable:
        return unavailable
    shown = translations.in_language(consultation)
    journey = j.current_journey(session, consultation)
    if "start" in request.args or "page" in request.args:
        if journey is None:
            if not start_allowed():
                return render_template("error/429.html"), 429
            j.start_journey(session, consultation, easy_read=er.asked_for(request.args, shown))
        elif journey.can_visit(request.args.get("page", "")):
            journey.go_to(request.args["page"])
        return _to_the_journey(slug)
    if journey is None:
        return render_template("consultations/respond/before-you-start.html", consultation=shown,
                               easy_read=er.asked_for(request.args, shown))
    if not may_show_answers(session):
        return render_template("journeys/resume.html", what=gettext("answers"),
                               continue_url=url_for(".consultation", slug=slug, page=journey.step))
    return _render_step(journey)


@bp.post("/c/<slug>")
def consultation_post(slug: str):
    consultation = j.consultation_by_slug(slug) or addresses.redirect_if_moved(slug, ".consultation")
    unavailable = _unavailable(consultation)
    if unavailable:
        return unavailable
    translations.in_language(consultation)
    posted = request.form.get("step", "")
    if _sent_already(consultation, posted):
        return redirect(url_for(".consultation", slug=slug), code=303)
    starting = j.current_journey(session, consultation) is None
    journey = _journey_for(consultation, posted)
    if posted != journey.step and journey.can_visit(posted):
        journey.go_to(posted)
    if starting and journey.resumed and journey.step != posted:
        return _keep_typed(journey, posted, limited=not post_allowed(session, starting=True))
    if posted != journey.step:
        # An old tab: show where the journey really is.
        return _to_the_journey(slug)
    form = _form_for(journey)
    # Access codes have their own throttle, so wrong codes never use up the connection's sends.
    # Putting words back on the check page is not a send.
    allowed = post_allowed(session, starting=starting, counted=journey.step == j.CHECK and not _putting_back())
    if not allowed or (journey.step == j.CODE and not code_tries_allowed()):
        return _render_step(journey, form, status=429, notice="rate-limited")
    if not form.validate_on_submit():
        return _render_step(journey, form, status=400 if form.errors else 200)
    if journey.step == j.CODE:
        refused = code_refused(j.check_access_code(consultation, form.code.data))
        if refused:
            form.code.errors = [refused]
            return _render_step(journey, form, status=400)
        journey.unlock()
        return _to_the_journey(slug)
    if journey.step == j.CHECK and (form.put_back_submit.data or form.put_back.data):
        # Ticking and pressing Send puts the words back first: nothing is sent that was not seen.
        flash_put_back(put_back(journey.answers, set(form.put_back.data or [])))
        journey.session.modified = True
        return _to_the_journey(slug)
    if journey.step == j.CHECK:
        return _send(journey, form)
    values, risks = j.page_values(journey.page, form.data)
    journey.save_page(journey.page, values, risks)
    return _to_the_journey(slug)


def _shown(journey: j.Journey) -> translations.LocalConsultation:
    """The journey's consultation in this request's language (`in_language` chose it)."""
    return translations.localise(journey.consultation, str(get_locale()))


def _to_the_journey(slug: str):
    """POST/redirect/GET to the journey's own page, which may show the answers."""
    let_next_page_show_answers(session)
    return redirect(url_for(".consultation", slug=slug), code=303)


def _sent_already(consultation, posted: str) -> bool:
    """Send pressed again after the answers were stored but the reply never arrived
    (a dropped signal): thank the person rather than store a second copy. The
    thank-you marker lasts until the thank-you page is shown."""
    return (posted == j.CHECK and (session.get(j.THANKS_KEY) or {}).get("slug") == consultation.slug
            and j.current_journey(session, consultation) is None)


def _journey_for(consultation, posted: str) -> j.Journey:
    """The journey in the session; or, when the visit timed out while a later
    page was open, a new one that carries on from that page so what was typed
    is kept (behind the access code again for a group consultation)."""
    journey = j.current_journey(session, consultation)
    if journey is not None:
        return journey
    journey = j.start_journey(session, consultation, resumed=posted not in ("", j.CODE),
                              easy_read=er.asked_for(request.form, consultation))
    if journey.resumed and journey.unlocked and (
            posted == j.CHECK or any(str(page.id) == posted for page in journey.visible_pages())):
        journey.go_to(posted)
    return journey


def _keep_typed(journey: j.Journey, posted: str, limited: bool = False):
    """The visit timed out on a page that cannot be shown straight away (the
    access code is needed again, or the page depends on an answer that was
    deleted): what was typed there is kept, redacted as always, for when that
    page comes round again, and the journey says so where it starts again."""
    page = next((page for page in journey.consultation.pages if str(page.id) == posted), None)
    if page is not None:
        journey.keep_answers(*j.page_values(page, f.page_form(page).data))
    if limited:
        return _render_step(journey, status=429, notice="rate-limited")
    notice = "timed-out-code" if journey.step == j.CODE else "timed-out-page"
    return _render_step(journey, status=400, notice=notice)


def _unavailable(consultation):
    """A kind page instead of the journey when it cannot be answered now."""
    state = j.availability(consultation)
    if state == "open":
        return None
    if state == "not-found":
        abort(404)
    template = "closed.html" if state == "closed" else "not-yet-open.html"
    shown = translations.in_language(consultation)
    return make_response(render_template(f"consultations/respond/{template}", consultation=shown), 200)


def _form_for(journey: j.Journey):
    if journey.step == j.CODE:
        return AccessCodeForm()
    if journey.step == j.CHECK:
        return _check_form(journey)
    return f.page_form(journey.shown(_shown(journey).page(journey.page.id)))


def _check_form(journey: j.Journey) -> f.CheckForm:
    form = f.CheckForm()
    form.put_back.choices = {word.index: word.label for word in removed_words(journey.answers)}
    return form


def _putting_back() -> bool:
    return bool(request.form.get("put_back_submit") or request.form.getlist("put_back"))


def _send(journey: j.Journey, form):
    missing = journey.first_incomplete_page()
    if missing is not None:  # only after a time-out (or a changed condition)
        return _ask_for_missing(journey, missing)
    flagged = bool(journey.risk_categories())
    unread = j.unread_language(journey)
    easy_read = journey.easy_read
    if not form.website.data:  # honeypot filled: a bot; say thanks, store nothing
        j.submit(journey, language=str(get_locale()))
    slug = journey.consultation.slug
    chosen_language = session.get(i18n.SESSION_KEY)
    session.clear()
    if chosen_language:  # the thank-you page stays in the language the journey was in
        session[i18n.SESSION_KEY] = chosen_language
    session[j.THANKS_KEY] = {"slug": slug, "flagged": flagged, "language": unread, "easy_read": easy_read}
    return redirect(url_for(".consultation", slug=slug), code=303)


def _ask_for_missing(journey: j.Journey, missing, status: int = 200):
    """Say what was deleted, on the page that needs an answer."""
    journey.go_to(str(missing.id))
    return _render_step(journey, status=status, notice="answer-needed" if journey.answers else "all-deleted")


def _render_step(journey: j.Journey, form=None, status: int = 200, notice: str = ""):
    consultation = journey.consultation
    if journey.step not in (j.CODE, j.CHECK) and journey.page is None:
        # The page it was on is no longer shown (or no longer exists).
        journey.go_to(str(journey.first_incomplete_page().id) if journey.first_incomplete_page() else j.CHECK)
    if journey.step == j.CODE and journey.unlocked:
        journey.unlock()
    shown = _shown(journey)
    context = {"consultation": shown, "step": journey.step, "notice": notice,
               "action": url_for(".consultation_post", slug=consultation.slug), "easy_read": journey.easy_read}
    if journey.step == j.CODE:
        template = "consultations/respond/access-code.html"
        form = form or AccessCodeForm()
    elif journey.step == j.CHECK:
        journey.mark_checked()
        template = "journeys/check-easy-read.html" if journey.easy_read else "journeys/check.html"
        form = form or _check_form(journey)
        context["notice"] = notice or ("timed-out" if j.lost_answers(journey) else "")
        context.update(summary=j.check_answers(journey, shown), has_free_text=j.has_free_text(journey),
                       danger_now=bool(journey.risk_categories()),
                       removed_words=form.put_back.choices,
                       sending=gettext("your answers"),
                       change_url=lambda step: url_for(".consultation", slug=consultation.slug, page=step))
    else:
        template = "consultations/respond/page.html"
        page = journey.shown(shown.page(journey.page.id))  # translated, then worded for Easy Read if chosen
        form = form or f.page_form(page, j.form_data(journey.page, journey.answers))
        page_count, undecided = journey.page_count()
        context.update(page=page, page_number=journey.page_number(),
                       page_count=page_count, count_undecided=undecided)
    previous = journey.previous_step() if journey.step != j.CODE else None
    context["back_url"] = (url_for(".consultation", slug=consultation.slug, page=previous) if previous
                           else url_for("public.home"))
    body = render_template(template, form=form, **context)
    return make_response(body, status)


@bp.errorhandler(CSRFError)
def token_expired(error: CSRFError):
    """The page was open so long its token expired: keep what was typed, ask again."""
    refused = render_template("error/400.html"), 400
    if request.endpoint != "respond.consultation_post":
        return refused
    consultation = j.consultation_by_slug(request.view_args["slug"])
    if j.availability(consultation) != "open":
        return refused
    translations.in_language(consultation)
    if _sent_already(consultation, request.form.get("step", "")):  # sending ended the session and its token
        return redirect(url_for(".consultation", slug=consultation.slug), code=303)
    starting = j.current_journey(session, consultation) is None
    journey = _journey_for(consultation, request.form.get("step", ""))
    if starting and journey.resumed and journey.step != request.form.get("step", ""):
        return _keep_typed(journey, request.form.get("step", ""))
    if request.form.get("step", "") != journey.step:
        return refused
    if journey.step == j.CHECK and journey.first_incomplete_page() is not None:
        # Send pressed after the visit timed out: nothing typed is on this page to
        # keep, so say what was deleted where an answer is needed, not "check below".
        return _ask_for_missing(journey, journey.first_incomplete_page(), status=400)
    return _render_step(journey, _form_for(journey), status=400, notice="expired")
