"""The service-user group's view at /group/consultation/<slug> and
/group/feedback/<quarter>: with the group's access code (a group consultation's
own code; otherwise the newest GroupAccessCode), members see the themed summary
(counts suppressed below 5, only quotes marked for publication), say which
themes matter most (up to 3) and comment on each. Comments are redacted before
storage and nothing says who wrote them. Same safety shell as the public
journeys, and the same access-code flow as co-production review: one URL,
POST/redirect/GET, a server-side session that ends on the thank-you page."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, session, url_for
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField

from webapp.forms import AccessCodeForm
from webapp.group import members
from webapp.journeys import (
    carried_fields,
    code_refused,
    code_tries_allowed,
    end_session,
    post_allowed,
    still_carried,
    uncarried,
)
from webapp.reports.public import public_themes

bp = Blueprint("group", __name__, url_prefix="/group")

THANKS_KEY = "group_thanks"


class GroupViewForm(FlaskForm):
    submit = SubmitField("Send to the board", widget=GovSubmitInput())


def _key(scope) -> str:
    return f"group:{scope.key}"


def _scope_or_404(kind: str, ident: str):
    scope = members.scope_for(kind, ident)
    if scope is None:
        abort(404)
    if not members.has_access_code(scope):
        abort(make_response(render_template("group/not-ready.html"), 200))
    return scope


@bp.get("/<kind>/<ident>")
def view(kind: str, ident: str):
    scope = _scope_or_404(kind, ident)
    thanks = session.get(THANKS_KEY)
    if thanks and thanks["scope"] == scope.key:
        end_session(session)
        return render_template("group/thank-you.html", flagged=thanks["flagged"])
    if not session.get(_key(scope)):
        return _render_code(scope, AccessCodeForm())
    return _render_view(scope, GroupViewForm())


@bp.post("/<kind>/<ident>")
def view_post(kind: str, ident: str):
    scope = _scope_or_404(kind, ident)
    step = "view" if session.get(_key(scope)) else "code"
    if step == "code" and request.form.get("step") == "view":
        return _ask_code_again(scope)
    if request.form.get("step") != step:
        return redirect(url_for(".view", kind=kind, ident=ident), code=303)
    if step == "code":
        return _check_code(scope, kind, ident)
    return _save_view(scope, kind, ident)


@bp.errorhandler(CSRFError)
def token_expired(error: CSRFError):
    """The page was open so long its token (or the whole visit) expired: keep
    what was typed and say what to do."""
    if request.endpoint != "group.view_post":
        return render_template("error/400.html"), 400
    scope = _scope_or_404(request.view_args["kind"], request.view_args["ident"])
    if request.form.get("step") != "view":
        return _render_code(scope, AccessCodeForm(formdata=None), status=400, notice="expired")
    if not session.get(_key(scope)):
        return _ask_code_again(scope)
    return _render_view(scope, GroupViewForm(formdata=None), status=400, notice="expired")


def _ask_code_again(scope):
    """The visit timed out on the view: the code is needed again, and what was
    typed rides along in hidden fields until it is given."""
    names = ["priorities", *(f"comment-{theme.code}" for theme in public_themes(scope))]
    carried = [("resume", "view"), *carried_fields(request.form, names)]
    return _render_code(scope, AccessCodeForm(formdata=None), status=400, notice="timed-out-carried",
                        carried=carried)


def _check_code(scope, kind: str, ident: str):
    form = AccessCodeForm()
    resuming = request.form.get("resume") == "view"
    carried = [("resume", "view"), *still_carried(request.form)] if resuming else []
    # Access codes have their own throttle, so wrong codes never use up the connection's sends.
    if not post_allowed(session) or not code_tries_allowed():
        return _render_code(scope, form, status=429, notice="rate-limited", carried=carried)
    if not form.validate_on_submit():
        return _render_code(scope, form, status=400, carried=carried)
    refused = code_refused(members.check_code(scope, form.code.data))
    if refused:
        form.code.errors = [refused]
        return _render_code(scope, form, status=400, carried=carried)
    session[_key(scope)] = True
    if resuming:
        return _render_view(scope, GroupViewForm(formdata=None), typed=uncarried(request.form))
    return redirect(url_for(".view", kind=kind, ident=ident), code=303)


def _save_view(scope, kind: str, ident: str):
    form = GroupViewForm()
    themes = public_themes(scope)
    chosen = request.form.getlist("priorities")
    comments = {t.code: request.form.get(f"comment-{t.code}", "") for t in themes}
    errors = members.check_view(chosen, comments, [t.code for t in themes])
    if not post_allowed(session, counted=True):
        return _render_view(scope, form, themes, status=429, notice="rate-limited")
    if errors or not form.validate_on_submit():
        return _render_view(scope, form, themes, status=400, errors=errors)
    flagged = members.store_view(scope, chosen, comments)
    session.clear()
    session[THANKS_KEY] = {"scope": scope.key, "flagged": flagged}
    return redirect(url_for(".view", kind=kind, ident=ident), code=303)


def _render_code(scope, form, status: int = 200, notice: str = "", carried=()):
    body = render_template("group/access-code.html", scope=scope, form=form, notice=notice, step="code",
                           carried=carried, **_shell(scope))
    return make_response(body, status)


def _render_view(scope, form, themes=None, status: int = 200, notice: str = "", errors: dict | None = None,
                 typed=None):
    if typed is None:
        typed = request.form if request.method == "POST" else {}
    body = render_template("group/view.html", scope=scope, form=form, themes=themes or public_themes(scope),
                           notice=notice, errors=errors or {}, typed=typed,
                           chosen=typed.getlist("priorities") if typed else [], step="view",
                           comment_max=members.COMMENT_MAX, max_priorities=members.MAX_PRIORITIES, **_shell(scope))
    return make_response(body, status)


def _shell(scope) -> dict:
    """What the journey step shell needs: where the form posts, and the caption."""
    return {"action": request.path, "caption": f"For the service-user group: {scope.label}"}
