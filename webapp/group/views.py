"""The service-user group's view. Each member has a single-use code
(`webapp.reports.member_codes`) and is given one address, `/group/`: the code
takes them to the summary it opens, `/group/consultation/<slug>` or
`/group/feedback/<quarter>` (which ask for the code too, for a member given
the summary's own address). Members see the themed summary (counts suppressed
below 5, only quotes marked for publication), say which themes matter most
(up to 3) and comment on each; then, as respondents do, they check their
comments with names and the like taken out, may put back a word taken out by
mistake, and send. Sending spends the code. Same safety shell as the public
journeys: one URL, POST/redirect/GET, answers shown only on pages the journey
asked for, a server-side session that ends on the thank-you page."""

from __future__ import annotations

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovSubmitInput
from werkzeug.datastructures import MultiDict
from wtforms import SelectMultipleField, StringField, SubmitField

from webapp import putting_back
from webapp.access_codes import CodeCheck
from webapp.extensions import db
from webapp.forms import AccessCodeForm, JourneyForm
from webapp.group import members
from webapp.journeys import (
    SummaryRow,
    SummarySection,
    carried_fields,
    code_refused,
    code_tries_allowed,
    end_session,
    fresh_state,
    let_next_page_show_answers,
    may_show_answers,
    post_allowed,
    still_carried,
    uncarried,
)
from webapp.reports.public import public_themes

bp = Blueprint("group", __name__, url_prefix="/group")

THANKS_KEY = "group_thanks"


class GroupViewForm(FlaskForm):
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class GroupCheckForm(JourneyForm):
    # The words redaction removed from the comments (choices from the session): ticked ones are put back.
    put_back = SelectMultipleField(_l("Put back words that do not identify anyone"), coerce=int,
                                   widget=GovCheckboxesInput(), validate_choice=True)
    put_back_submit = SubmitField(_l("Put back the ticked words"), widget=GovSubmitInput())
    # Honeypot: hidden from people and assistive technology; bots fill it in.
    website = StringField("Leave this blank")
    submit = SubmitField(_l("Send to the board"), widget=GovSubmitInput())


def _key(scope) -> str:
    return f"group:{scope.key}"


def _address(scope) -> str:
    return url_for("group.view", kind=scope.kind, ident=scope.key.split(":", 1)[1])


def _scope_or_404(kind: str, ident: str):
    scope = members.scope_for(kind, ident)
    if scope is None:
        abort(404)
    if not members.has_member_codes(scope):
        abort(make_response(render_template("group/not-ready.html"), 200))
    return scope


# The one address the group is given -------------------------------------------------------

@bp.get("/")
def index():
    return _render_code(None, AccessCodeForm())


@bp.post("/")
def index_post():
    """A member's code, wherever it leads: to the summary it opens, unlocked."""
    form = AccessCodeForm()
    if not post_allowed(session) or not code_tries_allowed():
        return _render_code(None, form, status=429, notice="rate-limited")
    if not form.validate_on_submit():
        return _render_code(None, form, status=400)
    found = members.check_member_code(form.code.data)
    if found.refused:
        return _refuse_code(None, form, found.refused)
    _unlock(found)
    return redirect(_address(found.scope), code=303)


# A summary ------------------------------------------------------------------------------------

@bp.get("/<kind>/<ident>")
def view(kind: str, ident: str):
    scope = _scope_or_404(kind, ident)
    thanks = session.get(THANKS_KEY)
    if thanks and thanks["scope"] == scope.key:
        end_session(session)
        return render_template("group/thank-you.html", flagged=thanks["flagged"])
    state = fresh_state(session, _key(scope))
    if state is None:
        return _render_code(scope, AccessCodeForm())
    if "page" in request.args:
        return _go_to(scope, state, request.args["page"])
    if state.get("view") and not may_show_answers(session):
        return render_template("journeys/resume.html", what=gettext("answers"),
                               continue_url=_address(scope) + f"?page={state['step']}")
    if state["step"] == "check":
        return _render_check(scope, state)
    return _render_view(scope, GroupViewForm(), typed=_typed_back(state))


@bp.post("/<kind>/<ident>")
def view_post(kind: str, ident: str):
    scope = _scope_or_404(kind, ident)
    state = fresh_state(session, _key(scope))
    step = state["step"] if state else "code"
    posted = request.form.get("step")
    if step == "code" and posted == "view":
        return _ask_code_again(scope)
    if posted != step:
        return redirect(_address(scope), code=303)
    if step == "code":
        return _check_code(scope)
    if step == "view":
        return _save_view(scope, state)
    return _check_post(scope, state)


@bp.errorhandler(CSRFError)
def token_expired(error: CSRFError):
    """The page was open so long its token (or the whole visit) expired: keep
    what was typed and say what to do."""
    if request.endpoint != "group.view_post":
        return render_template("error/400.html"), 400
    scope = _scope_or_404(request.view_args["kind"], request.view_args["ident"])
    state = fresh_state(session, _key(scope))
    if request.form.get("step") not in ("view", "check"):
        return _render_code(scope, AccessCodeForm(formdata=None), status=400, notice="expired")
    if state is None:
        return _ask_code_again(scope)
    if state["step"] == "check":
        return _render_check(scope, state, status=400, notice="expired")
    return _render_view(scope, GroupViewForm(formdata=None), status=400, notice="expired")


def _unlock(found: members.MemberCheck) -> None:
    session[_key(found.scope)] = {"code": found.code_id, "step": "view"}


def _go_to(scope, state: dict, step: str):
    """A Change link or a Continue: the step, if the member has reached it, with their answers shown."""
    if step == "view" or (step == "check" and state.get("view")):
        state["step"] = step
        session.modified = True
    let_next_page_show_answers(session)
    return redirect(_address(scope), code=303)


def _typed_back(state: dict) -> MultiDict:
    """What the member sent to the check page, back on the view page to change (comments as redacted)."""
    view = state.get("view") or {}
    return MultiDict([*(("priorities", code) for code in view.get("chosen", [])),
                      *((field, view[field]) for field in members.comment_fields(view))])


def _ask_code_again(scope):
    """The visit timed out on the view: the code is needed again, and what was
    typed rides along in hidden fields until it is given."""
    names = ["priorities", *(f"comment-{theme.code}" for theme in public_themes(scope))]
    carried = [("resume", "view"), *carried_fields(request.form, names)]
    return _render_code(scope, AccessCodeForm(formdata=None), status=400, notice="timed-out-carried",
                        carried=carried)


def _refuse_code(scope, form, message: str, carried=()):
    code_refused(CodeCheck(False))  # counts the wrong try against this visitor
    form.code.errors = [message]
    return _render_code(scope, form, status=400, carried=carried)


def _check_code(scope):
    form = AccessCodeForm()
    resuming = request.form.get("resume") == "view"
    carried = [("resume", "view"), *still_carried(request.form)] if resuming else []
    # Access codes have their own throttle, so wrong codes never use up the connection's sends.
    if not post_allowed(session) or not code_tries_allowed():
        return _render_code(scope, form, status=429, notice="rate-limited", carried=carried)
    if not form.validate_on_submit():
        return _render_code(scope, form, status=400, carried=carried)
    found = members.check_member_code(form.code.data, scope)
    if found.refused:
        return _refuse_code(scope, form, found.refused, carried)
    _unlock(found)
    if resuming:
        return _render_view(scope, GroupViewForm(formdata=None), typed=uncarried(request.form))
    return redirect(_address(scope), code=303)


def _save_view(scope, state: dict):
    form = GroupViewForm()
    themes = public_themes(scope)
    chosen = request.form.getlist("priorities")
    comments = {t.code: request.form.get(f"comment-{t.code}", "") for t in themes}
    errors = members.check_view(chosen, comments, [t.code for t in themes])
    if not post_allowed(session):
        return _render_view(scope, form, themes, status=429, notice="rate-limited")
    if errors or not form.validate_on_submit():
        return _render_view(scope, form, themes, status=400, errors=errors)
    state.update(step="check", view=members.prepare_view(chosen, comments))
    session.modified = True
    let_next_page_show_answers(session)
    return redirect(_address(scope), code=303)


def _check_post(scope, state: dict):
    form = _check_form(state)
    if request.form.get("put_back_submit") or request.form.getlist("put_back"):
        return _put_back(scope, state, form)
    if not post_allowed(session, counted=True):
        return _render_check(scope, state, form, status=429, notice="rate-limited")
    if not form.validate_on_submit():
        return _render_check(scope, state, form, status=400)
    flagged = False
    if not form.website.data:  # honeypot filled: a bot; say thanks, store nothing
        if not members.spend_code(state["code"]):
            db.session.rollback()
            session.pop(_key(scope), None)
            return _refuse_code(scope, AccessCodeForm(formdata=None), members.used_code_message())
        flagged = members.store_view(scope, state["view"])
        db.session.commit()
    session.clear()
    session[THANKS_KEY] = {"scope": scope.key, "flagged": flagged}
    return redirect(_address(scope), code=303)


def _put_back(scope, state: dict, form):
    """Put ticked words back and show the check page again, so that what is sent
    is what the member saw (ticking and pressing Send also lands here first)."""
    if not form.validate_on_submit():
        return _render_check(scope, state, form, status=400)
    view = state["view"]
    count = putting_back.put_back(view, set(form.put_back.data or []))
    session.modified = True
    if count:
        flash(f"We put back {count} {'word' if count == 1 else 'words'}. Check your comments again, then send them.",
              "success")
    else:
        flash("Tick the words you want to put back, or send your views as they are.", "error")
    let_next_page_show_answers(session)
    return redirect(_address(scope) + "#main-content", code=303)


def _check_form(state: dict) -> GroupCheckForm:
    form = GroupCheckForm()
    form.put_back.choices = {word.index: word.label for word in putting_back.removed_words(state.get("view") or {})}
    return form


def _render_code(scope, form, status: int = 200, notice: str = "", carried=()):
    body = render_template("group/access-code.html", scope=scope, form=form, notice=notice, step="code",
                           carried=carried, **_shell(scope))
    return make_response(body, status)


def _render_view(scope, form, themes=None, status: int = 200, notice: str = "", errors: dict | None = None,
                 typed=None):
    if typed is None:
        typed = request.form if request.method == "POST" else MultiDict()
    body = render_template("group/view.html", scope=scope, form=form, themes=themes or public_themes(scope),
                           notice=notice, errors=errors or {}, typed=typed, chosen=typed.getlist("priorities"),
                           step="view", comment_max=members.COMMENT_MAX, max_priorities=members.MAX_PRIORITIES,
                           **_shell(scope))
    return make_response(body, status)


def _render_check(scope, state: dict, form=None, status: int = 200, notice: str = ""):
    form = form or _check_form(state)
    body = render_template("journeys/check.html", form=form, step="check", notice=notice,
                           summary=_summary(scope, state["view"]), sending=gettext("your views"),
                           removed_words=form.put_back.choices,
                           has_free_text=bool(members.comment_fields(state["view"])),
                           change_url=lambda step: _address(scope) + f"?page={step}", **_shell(scope))
    return make_response(body, status)


def _summary(scope, view: dict) -> tuple[SummarySection, ...]:
    labels = {theme.code: theme.label for theme in public_themes(scope)}
    chosen = "\n".join(labels.get(code, code) for code in view["chosen"])
    comments = tuple(
        SummaryRow(gettext("Your comment on %(theme)s", theme=labels.get(field.removeprefix("comment-"), "")),
                   view[field], "view")
        for field in members.comment_fields(view))
    return (SummarySection(gettext("What matters most to you"),
                           (SummaryRow(gettext("Themes that matter most"), chosen, "view"),)),
            *((SummarySection(gettext("Your comments"), comments),) if comments else ()))


def _shell(scope) -> dict:
    """What the journey step shell needs: where the form posts, and the caption."""
    caption = f"For the service-user group: {scope.label}" if scope else gettext("For the service-user group")
    return {"action": request.path, "caption": caption}
